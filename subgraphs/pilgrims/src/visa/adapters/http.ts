import {
  MOFA_REFERENCE,
  RefusedByAdapterError,
  TransientAdapterError,
  VISA_NUMBER,
  type MofaAdapter,
  type PaymentAdapter,
} from './adapters';

export interface HttpServiceOptions {
  baseUrl: string;
  apiKey: string;
  timeoutMs: number;
}

/**
 * One JSON call to a real service: 5xx, 429 and network errors or timeouts are transient; any
 * other 4xx is a refusal carrying the service's `{ code, message }`.
 */
async function call<T>(options: HttpServiceOptions, path: string, key: string, body: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(new URL(path, options.baseUrl), {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${options.apiKey}`,
        'idempotency-key': key,
      },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(options.timeoutMs),
    });
  } catch (error) {
    throw new TransientAdapterError(`${path}: ${(error as Error).message}`);
  }
  if (response.status >= 500 || response.status === 429) {
    throw new TransientAdapterError(`${path} answered ${response.status}`);
  }
  const json = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (!response.ok) {
    throw new RefusedByAdapterError(String(json['code'] ?? response.status), String(json['message'] ?? 'refused'));
  }
  return json as T;
}

/** The real MOFA visa service: `POST /visa-requests` with the application id as idempotency key. */
export function httpMofa(options: HttpServiceOptions): MofaAdapter {
  return {
    async requestVisa(request) {
      const answer = await call<{ mofaReference: string; visaNumber: string }>(
        options,
        '/visa-requests',
        request.applicationId,
        request,
      );
      if (!MOFA_REFERENCE.test(answer.mofaReference) || !VISA_NUMBER.test(answer.visaNumber)) {
        throw new TransientAdapterError('MOFA answered a malformed reference or visa number');
      }
      return answer;
    },
  };
}

/** A real payment gateway: `POST /charges` and `POST /refunds`, idempotent by key. */
export function httpPayment(options: HttpServiceOptions): PaymentAdapter {
  return {
    async charge(request) {
      return call<{ reference: string }>(options, '/charges', request.idempotencyKey, request);
    },
    async refund(request) {
      await call(options, '/refunds', request.idempotencyKey, request);
    },
  };
}
