import {
  PAYMENT_REFERENCE,
  RefusedByAdapterError,
  TransientAdapterError,
  type ChargeRequest,
  type MofaAdapter,
  type MofaVisaRequest,
  type PaymentAdapter,
} from './adapters';

export interface SimulationOptions {
  /** Typical answer time in milliseconds; each call waits this ± half of it. 0 answers at once. */
  latencyMs: number;
  /** Share of calls (0–1) that fail as the real systems do when busy: timeouts and 503s, retried. */
  failureRate: number;
  /** Share of requests (0–1) answered with a refusal (card declined, MOFA refusal). */
  refusalRate: number;
  /** Source of randomness, replaceable for deterministic tests. */
  random?: () => number;
}

const digits = (random: () => number, count: number): string =>
  Array.from({ length: count }, () => Math.floor(random() * 10)).join('');

async function behave(options: SimulationOptions, random: () => number): Promise<void> {
  if (options.latencyMs > 0) {
    const wait = options.latencyMs * (0.5 + random());
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
  if (random() < options.failureRate) throw new TransientAdapterError('the service did not answer in time (simulated)');
}

/**
 * A payment gateway as the visa flow meets it: it answers after a while, sometimes not at all,
 * sometimes declines; a retried charge with the same key is charged once and answered the same.
 */
export function simulatedPayment(options: SimulationOptions): PaymentAdapter {
  const random = options.random ?? Math.random;
  const charges = new Map<string, string>();
  const refunded = new Set<string>();
  return {
    async charge(request: ChargeRequest) {
      await behave(options, random);
      const earlier = charges.get(request.idempotencyKey);
      if (earlier) return { reference: earlier };
      if (request.amountHalalas <= 0) throw new RefusedByAdapterError('INVALID_AMOUNT', 'The amount must be positive.');
      if (random() < options.refusalRate) {
        throw new RefusedByAdapterError('DECLINED', 'The company’s payment account declined the charge.');
      }
      const reference = `PAY${digits(random, 12)}`;
      if (!PAYMENT_REFERENCE.test(reference)) throw new Error('simulator produced a malformed payment reference');
      charges.set(request.idempotencyKey, reference);
      return { reference };
    },
    async refund({ reference }) {
      await behave(options, random);
      refunded.add(reference);
    },
  };
}

/**
 * MOFA's information centre as the ministry meets it: reference numbers of 9 digits, visa
 * numbers of 10 digits starting with 6, latency, outages, refusals; one visa per application id.
 */
export function simulatedMofa(options: SimulationOptions): MofaAdapter {
  const random = options.random ?? Math.random;
  const issued = new Map<string, { mofaReference: string; visaNumber: string }>();
  return {
    async requestVisa(request: MofaVisaRequest) {
      await behave(options, random);
      const earlier = issued.get(request.applicationId);
      if (earlier) return earlier;
      if (random() < options.refusalRate) {
        throw new RefusedByAdapterError('SECURITY_CHECK', 'MOFA refused the visa after its security check.');
      }
      const answer = {
        mofaReference: `${1 + Math.floor(random() * 9)}${digits(random, 8)}`,
        visaNumber: `6${digits(random, 9)}`,
      };
      issued.set(request.applicationId, answer);
      return answer;
    },
  };
}
