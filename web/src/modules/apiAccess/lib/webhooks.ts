import { CombinedGraphQLErrors } from '@apollo/client/errors';
import type { VisaStatus, WebhookDeliveryStatus } from '@/generated/graphql';
import type { Tone } from '@/lib/StatusTag';
import { VISA_STATUSES } from '@/modules/pilgrims/components/VisaStatusTag';

export type { WebhookDeliveryStatus };

/** Why the API refused a webhook change, as the web explains it (`webhooks.errors.<key>`). */
export type WebhookErrorKey =
  | 'URL_MALFORMED'
  | 'URL_NOT_HTTPS'
  | 'URL_CREDENTIALS'
  | 'URL_FRAGMENT'
  | 'URL_PRIVATE_ADDRESS'
  | 'URL_TOO_LONG'
  | 'LIMIT_REACHED'
  | 'DELIVERY_IN_PROGRESS';

const URL_REASONS = ['MALFORMED', 'NOT_HTTPS', 'CREDENTIALS', 'FRAGMENT', 'PRIVATE_ADDRESS', 'TOO_LONG'] as const;

/** The webhook-specific refusal in a mutation error, if there is one. */
export function webhookErrorKey(error: unknown): WebhookErrorKey | null {
  if (!CombinedGraphQLErrors.is(error)) return null;
  for (const e of error.errors) {
    const code = e.extensions?.['code'];
    if (code === 'WEBHOOK_LIMIT_REACHED') return 'LIMIT_REACHED';
    if (code === 'WEBHOOK_DELIVERY_IN_PROGRESS') return 'DELIVERY_IN_PROGRESS';
    if (code === 'WEBHOOK_URL_REFUSED') {
      const details = e.extensions?.['details'] as { reason?: unknown } | undefined;
      const reason = URL_REASONS.find((r) => r === details?.reason);
      return reason ? `URL_${reason}` : 'URL_MALFORMED';
    }
  }
  return null;
}

/**
 * A first check in the form, before the API's: a web address with http(s) and no user name or
 * password. Whether plain http or a local host is allowed is the API's decision.
 */
export function urlProblem(text: string): 'URL_MALFORMED' | 'URL_NOT_HTTPS' | 'URL_CREDENTIALS' | null {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return 'URL_MALFORMED';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'URL_NOT_HTTPS';
  if (url.username || url.password) return 'URL_CREDENTIALS';
  return null;
}

export const DELIVERY_TONE: Record<WebhookDeliveryStatus, Tone> = {
  PENDING: 'info',
  DELIVERED: 'success',
  FAILED: 'error',
};

/** Only a finished delivery (delivered or failed) may be sent again. */
export const canRedeliver = (status: WebhookDeliveryStatus): boolean => status !== 'PENDING';

export interface VisaChangeSummary {
  fromStatus: VisaStatus | null;
  toStatus: VisaStatus | null;
  visaApplicationId: string | null;
}

const visaStatus = (value: unknown): VisaStatus | null => VISA_STATUSES.find((s) => s === value) ?? null;

/** What a visa status change delivery says, read from the body it sent; nulls when unreadable. */
export function visaChangeOf(body: string): VisaChangeSummary {
  try {
    const data = (JSON.parse(body) as { data?: Record<string, unknown> }).data ?? {};
    const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
    return {
      fromStatus: visaStatus(data['fromStatus']),
      toStatus: visaStatus(data['toStatus']),
      visaApplicationId: text(data['visaApplicationId']),
    };
  } catch {
    return { fromStatus: null, toStatus: null, visaApplicationId: null };
  }
}

/** How a receiver verifies a request: shown on the page, in the language of code (English). */
export const VERIFY_SNIPPET = `// Node.js — verify before you parse, over the raw body
import { createHmac, timingSafeEqual } from 'node:crypto';

function verifyUmrahWebhook(secret, rawBody, header /* X-Umrah-Signature */) {
  const { t, v1 } = Object.fromEntries(header.split(',').map((p) => p.split('=')));
  if (Math.abs(Date.now() / 1000 - Number(t)) > 300) return false; // older than 5 minutes
  const expected = createHmac('sha256', secret).update(\`\${t}.\${rawBody}\`).digest();
  const given = Buffer.from(v1 ?? '', 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}`;
