import { describe, expect, it } from 'vitest';
import { formatDuration, isLive, journeyIndex, mayApply } from './visaStatus';

describe('applying again', () => {
  it('is possible with no application, or after a rejection or a cancellation', () => {
    expect(mayApply(null)).toBe(true);
    expect(mayApply(undefined)).toBe(true);
    expect(mayApply({ status: 'REJECTED' })).toBe(true);
    expect(mayApply({ status: 'CANCELLED' })).toBe(true);
  });

  it('is not while any other application stands (as the API’s unique key says)', () => {
    for (const status of [
      'SUBMITTED',
      'APPROVED',
      'PAID',
      'SENT_TO_MOFA',
      'ISSUED',
      'ARRIVED',
      'DEPARTED',
      'EXPIRED',
      'OVERSTAYED',
    ] as const) {
      expect(isLive(status), status).toBe(true);
      expect(mayApply({ status }), status).toBe(false);
    }
  });
});

describe('journey index', () => {
  it('places a status of the usual journey at its own step', () => {
    expect(journeyIndex('SUBMITTED')).toBe(0);
    expect(journeyIndex('ISSUED')).toBe(4);
    expect(journeyIndex('DEPARTED')).toBe(6);
  });

  it('places an application that left the journey at the last step its history reached', () => {
    expect(journeyIndex('REJECTED', ['SUBMITTED'])).toBe(0);
    expect(journeyIndex('REJECTED', ['SUBMITTED', 'APPROVED', 'PAID', 'REJECTED'])).toBe(2);
    expect(journeyIndex('CANCELLED', ['SUBMITTED', 'APPROVED', 'PAID', 'SENT_TO_MOFA', 'ISSUED', 'CANCELLED'])).toBe(4);
    expect(journeyIndex('EXPIRED', ['SUBMITTED', 'APPROVED', 'PAID', 'SENT_TO_MOFA', 'ISSUED', 'EXPIRED'])).toBe(4);
  });

  it('places an overstay at least at the arrival', () => {
    expect(journeyIndex('OVERSTAYED', [])).toBe(5);
    expect(journeyIndex('OVERSTAYED', ['SUBMITTED', 'ISSUED', 'ARRIVED', 'OVERSTAYED', 'DEPARTED'])).toBe(6);
  });
});

describe('processing time', () => {
  it('reads with its two largest units', () => {
    expect(formatDuration(3, 'en')).toBe('3 seconds');
    expect(formatDuration(61, 'en')).toBe('1 minute and 1 second');
    expect(formatDuration(3600, 'en')).toBe('1 hour');
    expect(formatDuration(42 * 86_400 + 16 * 3_600 + 15 * 60 + 9.5, 'en')).toBe('42 days and 16 hours');
    expect(formatDuration(86_400 + 59, 'en')).toBe('1 day');
  });

  it('reads in Arabic with Latin digits', () => {
    expect(formatDuration(42 * 86_400 + 16 * 3_600, 'ar')).toBe('42 يومًا و16 ساعة');
  });

  it('has no words for less than a second or a missing value', () => {
    expect(formatDuration(0.4, 'en')).toBeNull();
    expect(formatDuration(Number.NaN, 'en')).toBeNull();
  });
});
