import { describe, expect, it } from 'vitest';
import { knownOutcome, outcomeTone, riyadhDayStart, toAuditLogFilter } from './auditFilter';

describe('riyadhDayStart', () => {
  it('is 21:00 UTC of the day before, since Riyadh is UTC+3', () => {
    expect(riyadhDayStart('2026-03-20')).toBe('2026-03-19T21:00:00.000Z');
  });

  it('moves across month and year ends', () => {
    expect(riyadhDayStart('2026-12-31', 1)).toBe('2026-12-31T21:00:00.000Z');
    expect(riyadhDayStart('2026-02-28', 1)).toBe('2026-02-28T21:00:00.000Z');
  });

  it('refuses anything but a calendar day', () => {
    expect(riyadhDayStart('20/03/2026')).toBeNull();
  });
});

describe('toAuditLogFilter', () => {
  it('asks for everything when nothing is chosen', () => {
    expect(toAuditLogFilter({})).toEqual({
      source: null,
      operation: null,
      refused: null,
      companyId: null,
      from: null,
      to: null,
    });
  });

  it('maps every value, the period covering whole Riyadh days', () => {
    expect(
      toAuditLogFilter({
        source: 'PILGRIMS',
        operation: '  approveVisaApplication ',
        refusedOnly: true,
        companyId: 'c1',
        from: '2026-03-01',
        to: '2026-03-31',
      }),
    ).toEqual({
      source: 'PILGRIMS',
      operation: 'approveVisaApplication',
      refused: true,
      companyId: 'c1',
      from: '2026-02-28T21:00:00.000Z',
      to: '2026-03-31T21:00:00.000Z',
    });
  });

  it('one day is that whole day', () => {
    const filter = toAuditLogFilter({ from: '2026-03-10', to: '2026-03-10' });
    expect([filter.from, filter.to]).toEqual(['2026-03-09T21:00:00.000Z', '2026-03-10T21:00:00.000Z']);
  });

  it('reads a period picked backwards as the same days', () => {
    const filter = toAuditLogFilter({ from: '2026-03-31', to: '2026-03-01' });
    expect([filter.from, filter.to]).toEqual(['2026-02-28T21:00:00.000Z', '2026-03-31T21:00:00.000Z']);
  });

  it('an open-ended period has one end', () => {
    expect(toAuditLogFilter({ to: '2026-03-01' })).toMatchObject({ from: null, to: '2026-03-01T21:00:00.000Z' });
  });

  it('does not send "refused: false" when the toggle is off: that would hide refusals', () => {
    expect(toAuditLogFilter({ refusedOnly: false }).refused).toBeNull();
  });

  it('leaves out an operation that is not a mutation name', () => {
    expect(toAuditLogFilter({ operation: 'approve visa' }).operation).toBeNull();
    expect(toAuditLogFilter({ operation: '   ' }).operation).toBeNull();
  });
});

describe('outcomes', () => {
  it('OK is green, every refusal code red', () => {
    expect(outcomeTone('OK')).toBe('success');
    expect(outcomeTone('FORBIDDEN')).toBe('error');
    expect(outcomeTone('QUOTA_EXCEEDED')).toBe('error');
  });

  it('knows the codes of every part of the graph, not domain codes', () => {
    expect(knownOutcome('BAD_USER_INPUT')).toBe('BAD_USER_INPUT');
    expect(knownOutcome('QUOTA_EXCEEDED')).toBeNull();
  });
});
