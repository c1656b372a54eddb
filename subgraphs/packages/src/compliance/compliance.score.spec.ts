import { describe, expect, it } from 'vitest';
import { violationPoints, ViolationType } from '../violation/violation.rules';
import { complianceScore, overstayRate, overstayRatePoints, penaltyPoints, type ScoreInputs } from './compliance.score';

const clean: ScoreInputs = {
  visasIssued: 0,
  overstays: 0,
  openViolationPoints: 0,
  escalatedViolationPoints: 0,
  curedViolations: 0,
  complaintsUpheld: 0,
  slaBreaches: 0,
};

describe('violation weight', () => {
  it('adds one point per SAR 5,000 of fine to the type’s gravity', () => {
    expect(violationPoints(ViolationType.OVERSTAY, 2_500_000)).toBe(10);
    expect(violationPoints(ViolationType.UNLICENSED_HOUSING, 5_000_000)).toBe(20);
    expect(violationPoints(ViolationType.HOUSING_NOT_AS_SOLD, 499_999)).toBe(6);
    expect(violationPoints(ViolationType.COMPLAINT_UPHELD, 0)).toBe(3);
  });
});

describe('compliance score', () => {
  it('is 100 with nothing against the party', () => {
    expect(complianceScore(clean)).toBe(100);
    expect(complianceScore({ ...clean, visasIssued: 5000 })).toBe(100);
  });

  it('takes open points once, escalated points twice, a point per cured violation', () => {
    expect(complianceScore({ ...clean, openViolationPoints: 9 })).toBe(91);
    expect(complianceScore({ ...clean, escalatedViolationPoints: 9 })).toBe(82);
    expect(complianceScore({ ...clean, curedViolations: 4 })).toBe(96);
  });

  it('takes 3 per upheld complaint and 2 per SLA breach', () => {
    expect(complianceScore({ ...clean, complaintsUpheld: 2, slaBreaches: 3 })).toBe(100 - 6 - 6);
  });

  it('takes 2 points per percent of overstays, rounded up', () => {
    expect(overstayRatePoints(1, 100)).toBe(2);
    expect(overstayRatePoints(1, 1000)).toBe(1); // 0.2 point rounds up to 1
    expect(overstayRatePoints(3, 600)).toBe(1); // exactly 1
    expect(overstayRatePoints(1, 3)).toBe(67);
    expect(overstayRatePoints(0, 0)).toBe(0);
    expect(overstayRate(5, 1000)).toBeCloseTo(0.005);
  });

  it('treats more overstays than known visas as a 100 % rate', () => {
    expect(overstayRate(4, 0)).toBe(1);
    expect(overstayRatePoints(4, 2)).toBe(200);
  });

  it('never goes below 0', () => {
    expect(complianceScore({ ...clean, escalatedViolationPoints: 80 })).toBe(0);
    expect(penaltyPoints({ ...clean, escalatedViolationPoints: 80 })).toBe(160);
  });

  it('weighs overstays by the company’s size: 10 of 10,000 visas cost 1 point, 10 of 100 cost 20', () => {
    expect(complianceScore({ ...clean, visasIssued: 10_000, overstays: 10 })).toBe(99);
    expect(complianceScore({ ...clean, visasIssued: 100, overstays: 10 })).toBe(80);
  });
});
