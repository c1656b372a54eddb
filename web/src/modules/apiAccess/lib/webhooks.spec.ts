import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { describe, expect, it } from 'vitest';
import { canRedeliver, urlProblem, visaChangeOf, webhookErrorKey } from './webhooks';

const refusal = (extensions: Record<string, unknown>) =>
  new CombinedGraphQLErrors({ errors: [{ message: 'refused', extensions }] });

describe('webhook refusals', () => {
  it('names the URL rule that was broken', () => {
    expect(webhookErrorKey(refusal({ code: 'WEBHOOK_URL_REFUSED', details: { reason: 'PRIVATE_ADDRESS' } }))).toBe(
      'URL_PRIVATE_ADDRESS',
    );
    expect(webhookErrorKey(refusal({ code: 'WEBHOOK_URL_REFUSED', details: { reason: 'SOMETHING_NEW' } }))).toBe(
      'URL_MALFORMED',
    );
    expect(webhookErrorKey(refusal({ code: 'WEBHOOK_LIMIT_REACHED' }))).toBe('LIMIT_REACHED');
    expect(webhookErrorKey(refusal({ code: 'WEBHOOK_DELIVERY_IN_PROGRESS' }))).toBe('DELIVERY_IN_PROGRESS');
  });

  it('leaves other errors to the general explanation', () => {
    expect(webhookErrorKey(refusal({ code: 'FORBIDDEN' }))).toBeNull();
    expect(webhookErrorKey(new Error('network down'))).toBeNull();
  });
});

describe('the URL field', () => {
  it('wants an http(s) address without credentials', () => {
    expect(urlProblem('https://erp.example.com/hooks/umrah')).toBeNull();
    expect(urlProblem('erp.example.com')).toBe('URL_MALFORMED');
    expect(urlProblem('ftp://erp.example.com')).toBe('URL_NOT_HTTPS');
    expect(urlProblem('https://me:pw@erp.example.com')).toBe('URL_CREDENTIALS');
  });
});

describe('deliveries', () => {
  it('reads the visa change from the body sent', () => {
    const body = JSON.stringify({
      id: 'e',
      type: 'VISA_STATUS_CHANGED',
      data: { fromStatus: 'PAID', toStatus: 'ISSUED' },
    });
    expect(visaChangeOf(body)).toMatchObject({ fromStatus: 'PAID', toStatus: 'ISSUED' });
    expect(visaChangeOf('not json')).toEqual({ fromStatus: null, toStatus: null, visaApplicationId: null });
  });

  it('offers a redelivery only once a delivery has finished', () => {
    expect(canRedeliver('PENDING')).toBe(false);
    expect(canRedeliver('FAILED')).toBe(true);
    expect(canRedeliver('DELIVERED')).toBe(true);
  });
});
