import { describe, expect, it } from 'vitest';
import { backoffMs } from '../visa.processor';
import {
  MOFA_REFERENCE,
  PAYMENT_REFERENCE,
  RefusedByAdapterError,
  TransientAdapterError,
  VISA_NUMBER,
} from './adapters';
import { simulatedMofa, simulatedPayment } from './simulated';

const request = (applicationId: string) => ({
  applicationId,
  passportNumber: 'PK1234567',
  nationality: 'PK',
  fullNameEn: 'Muhammad Ahmad Ali Khan',
  dateOfBirth: '1980-04-02',
  sex: 'MALE',
  companyId: 'c',
  season: '1448',
});

/** A fixed sequence of "random" numbers, repeated. */
const sequence = (...values: number[]) => {
  let i = 0;
  return () => values[i++ % values.length]!;
};

describe('simulated MOFA', () => {
  it('answers reference and visa numbers in MOFA’s formats, the same for a retried request', async () => {
    const mofa = simulatedMofa({ latencyMs: 0, failureRate: 0, refusalRate: 0 });
    const one = await mofa.requestVisa(request('a'));
    expect(one.mofaReference).toMatch(MOFA_REFERENCE);
    expect(one.visaNumber).toMatch(VISA_NUMBER);
    expect(await mofa.requestVisa(request('a'))).toEqual(one);
    expect((await mofa.requestVisa(request('b'))).mofaReference).not.toBe(one.mofaReference);
  });

  it('fails like a busy service at its failure rate, and refuses at its refusal rate', async () => {
    const failing = simulatedMofa({ latencyMs: 0, failureRate: 0.5, refusalRate: 0, random: sequence(0.1) });
    await expect(failing.requestVisa(request('a'))).rejects.toBeInstanceOf(TransientAdapterError);
    const refusing = simulatedMofa({ latencyMs: 0, failureRate: 0, refusalRate: 0.5, random: sequence(0.1) });
    await expect(refusing.requestVisa(request('a'))).rejects.toBeInstanceOf(RefusedByAdapterError);
  });

  it('takes its configured time to answer', async () => {
    const mofa = simulatedMofa({ latencyMs: 40, failureRate: 0, refusalRate: 0, random: sequence(0.5) });
    const started = performance.now();
    await mofa.requestVisa(request('a'));
    // 40 ms × (0.5 + 0.5): at least the configured latency (no upper bound: machines are noisy).
    expect(performance.now() - started).toBeGreaterThanOrEqual(35);
  });
});

describe('simulated payment', () => {
  it('charges once per idempotency key and answers the same reference to a retry', async () => {
    const payment = simulatedPayment({ latencyMs: 0, failureRate: 0, refusalRate: 0 });
    const charge = { idempotencyKey: 'visa-fee:a', amountHalalas: 38_700, payerCompanyId: 'c', description: 'fee' };
    const one = await payment.charge(charge);
    expect(one.reference).toMatch(PAYMENT_REFERENCE);
    expect(await payment.charge(charge)).toEqual(one);
    await expect(payment.charge({ ...charge, idempotencyKey: 'x', amountHalalas: 0 })).rejects.toBeInstanceOf(
      RefusedByAdapterError,
    );
  });
});

describe('retry backoff', () => {
  it('doubles from the base up to the cap, within ±20 % jitter', () => {
    const retry = { baseMs: 1_000, maxMs: 60_000 };
    expect(backoffMs(1, retry, () => 0.5)).toBe(1_000);
    expect(backoffMs(2, retry, () => 0.5)).toBe(2_000);
    expect(backoffMs(4, retry, () => 0.5)).toBe(8_000);
    expect(backoffMs(30, retry, () => 0.5)).toBe(60_000);
    expect(backoffMs(2, retry, () => 0)).toBe(1_600);
    expect(backoffMs(2, retry, () => 0.999_999)).toBe(2_400);
  });
});
