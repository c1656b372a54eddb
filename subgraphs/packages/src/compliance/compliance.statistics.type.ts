import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Company } from '../company/company.type';
import { ComplaintCategory, ComplaintStatus } from '../complaint/complaint.type';
import { ViolationStatus, ViolationType } from '../violation/violation.type';
import { PartyKind } from './compliance.type';

const MONTH = 'A month, `YYYY-MM`, in Riyadh time.';
const FINES = 'in whole halalas (SAR × 100; a Float only because a total may pass 2^31, always an integer)';

@ObjectType('ComplaintStatusCount', { description: 'How many complaints stand in one status.' })
export class ComplaintStatusCount {
  @Field(() => ComplaintStatus, { description: 'The status.' })
  status!: ComplaintStatus;

  @Field(() => Int, { description: 'Complaints in it now.' })
  count!: number;
}

@ObjectType('ComplaintCategoryCount', { description: 'How many complaints are about one category.' })
export class ComplaintCategoryCount {
  @Field(() => ComplaintCategory, { description: 'The category.' })
  category!: ComplaintCategory;

  @Field(() => Int, { description: 'Complaints of this category, in any status.' })
  count!: number;
}

@ObjectType('ViolationTypeCount', { description: 'Violations of one type that still count (not cancelled).' })
export class ViolationTypeCount {
  @Field(() => ViolationType, { description: 'The type.' })
  type!: ViolationType;

  @Field(() => Int, { description: 'Violations of this type, not cancelled.' })
  count!: number;

  @Field(() => Float, { description: `Their fines, ${FINES}.` })
  finesHalalas!: number;
}

@ObjectType('ViolationStatusFigure', { description: 'Violations in one status and their fines.' })
export class ViolationStatusFigure {
  @Field(() => ViolationStatus, { description: 'The status.' })
  status!: ViolationStatus;

  @Field(() => Int, { description: 'Violations in it now.' })
  count!: number;

  @Field(() => Float, {
    description: `Their fines, ${FINES}; for CANCELLED, the fines no longer owed.`,
  })
  finesHalalas!: number;
}

@ObjectType('ComplianceStatistics', {
  description:
    'Complaint, violation and inspection figures of a range of months, for the ministry (all companies, all providers, or one), a company manager (their own company) or a provider (itself). Each complaint counts in the month it was filed, each violation in the month it was recorded, each inspection in the month of the visit, all under their status now. Read from aggregates kept per party and month with every change, so they cost the same at any volume.',
})
export class ComplianceStatistics {
  @Field(() => PartyKind, { description: 'Whether the figures are about companies or providers.' })
  partyKind!: PartyKind;

  @Field(() => Company, {
    nullable: true,
    description: 'The company the figures are limited to; null for all parties or a provider.',
  })
  company!: Company | null;

  /** The provider the figures are limited to (resolved by a batched field resolver), or null. */
  providerId!: string | null;

  @Field(() => String, { description: `First month of the range. ${MONTH}` })
  fromMonth!: string;

  @Field(() => String, { description: `Last month of the range (included). ${MONTH}` })
  toMonth!: string;

  @Field(() => Int, { description: 'Complaints filed in the range.' })
  complaintsTotal!: number;

  @Field(() => [ComplaintStatusCount], {
    description: 'Those complaints per status now, in workflow order, zeros included.',
  })
  complaintsByStatus!: ComplaintStatusCount[];

  @Field(() => [ComplaintCategoryCount], { description: 'Those complaints per category, zeros included.' })
  complaintsByCategory!: ComplaintCategoryCount[];

  @Field(() => Int, { description: 'Of those complaints, how many the ministry resolved as upheld.' })
  complaintsUpheld!: number;

  @Field(() => Int, {
    description:
      'Of those complaints, how many missed their SLA (counted once the SLA job or a late resolution marked it).',
  })
  slaBreaches!: number;

  @Field(() => Int, { description: 'Violations recorded in the range and not cancelled.' })
  violationsTotal!: number;

  @Field(() => [ViolationTypeCount], { description: 'Those violations per type, zeros included.' })
  violationsByType!: ViolationTypeCount[];

  @Field(() => [ViolationStatusFigure], {
    description: 'Every violation recorded in the range per status now, cancelled ones included, with its fines.',
  })
  violationsByStatus!: ViolationStatusFigure[];

  @Field(() => Float, { description: `Fines of the violations not cancelled, ${FINES}.` })
  finesHalalas!: number;

  @Field(() => Int, { description: 'Overstaying pilgrims: OVERSTAY violations recorded in the range, not cancelled.' })
  overstays!: number;

  @Field(() => Int, { description: 'Field inspections visiting in the range.' })
  inspections!: number;
}

@ObjectType('ComplianceTrendPoint', {
  description:
    'One month of the compliance trend: what was counted against the party (or parties) in that month, and the score those figures give.',
})
export class ComplianceTrendPoint {
  @Field(() => String, { description: MONTH })
  month!: string;

  @Field(() => Float, {
    description:
      'The month’s compliance score, 0 to 100, by the formula of `ComplianceRecord.score` applied to this month’s figures only: 100 − (open violation points + 2 × escalated violation points + 1 per cured violation + 3 per upheld complaint + 2 per SLA breach + ⌈200 × overstays ÷ max(visas issued, overstays, 1)⌉), never below 0. For one party an integer. For all parties of a kind, the mean of every party’s month score over the parties the compliance record knows (a party with nothing counted that month scores 100), to one decimal.',
  })
  score!: number;

  @Field(() => Int, { description: 'Parties with anything counted this month (1 or 0 for one party).' })
  parties!: number;

  @Field(() => Int, { description: 'Violations recorded this month, not cancelled.' })
  violations!: number;

  @Field(() => Int, { description: 'Points of this month’s violations still OPEN.' })
  openViolationPoints!: number;

  @Field(() => Int, { description: 'Points of this month’s violations ESCALATED (counted twice in the score).' })
  escalatedViolationPoints!: number;

  @Field(() => Int, { description: 'This month’s violations CURED.' })
  curedViolations!: number;

  @Field(() => Float, { description: `Fines of this month’s violations not cancelled, ${FINES}.` })
  finesHalalas!: number;

  @Field(() => Int, { description: 'Overstays: OVERSTAY violations recorded this month, not cancelled.' })
  overstays!: number;

  @Field(() => Int, {
    description:
      'Visas issued to the party’s pilgrims that this subgraph counted this month (the divisor of the overstay term).',
  })
  visasIssued!: number;

  @Field(() => Int, { description: 'Complaints filed this month.' })
  complaints!: number;

  @Field(() => Int, { description: 'Of this month’s complaints, those resolved as upheld.' })
  complaintsUpheld!: number;

  @Field(() => Int, { description: 'Of this month’s complaints, those that missed their SLA.' })
  slaBreaches!: number;

  @Field(() => Int, { description: 'Field inspections visiting this month.' })
  inspections!: number;
}

@ObjectType('ComplianceTrend', {
  description:
    'A party’s (or all parties’) compliance month by month, every month of the range included, so a supervisor sees whether it improves. Read from aggregates kept per party and month with every change.',
})
export class ComplianceTrend {
  @Field(() => PartyKind, { description: 'Whether the trend is about companies or providers.' })
  partyKind!: PartyKind;

  @Field(() => Company, {
    nullable: true,
    description: 'The company the trend is limited to; null for all parties or a provider.',
  })
  company!: Company | null;

  /** The provider the trend is limited to (resolved by a batched field resolver), or null. */
  providerId!: string | null;

  @Field(() => String, { description: `First month. ${MONTH}` })
  fromMonth!: string;

  @Field(() => String, { description: `Last month (included). ${MONTH}` })
  toMonth!: string;

  @Field(() => [ComplianceTrendPoint], { description: 'One point per month, oldest first.' })
  points!: ComplianceTrendPoint[];
}
