import { DateTimeScalar, PageInfo } from '@umrah/subgraph-kit';
import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Company } from '../company/company.type';
import { ComplaintCategory } from '../complaint/complaint.type';
import { PartyKind } from './compliance.tally';

export { PartyKind };

registerEnumType(PartyKind, {
  name: 'PartyKind',
  description: 'Whom a compliance record, inspection or violation is about.',
  valuesConfig: {
    COMPANY: { description: 'A licensed Umrah company.' },
    PROVIDER: { description: 'A service provider of the Maqam booking engine.' },
  },
});

export enum RankingOrder {
  WORST_FIRST = 'WORST_FIRST',
  BEST_FIRST = 'BEST_FIRST',
}

registerEnumType(RankingOrder, {
  name: 'RankingOrder',
  description: 'Which end of the ranking comes first.',
  valuesConfig: {
    WORST_FIRST: { description: 'Lowest score first (ties by id): those the ministry should look at.' },
    BEST_FIRST: { description: 'Highest score first (ties by id).' },
  },
});

const SCORE_DESCRIPTION = `Compliance score from 0 (worst) to 100 (nothing against the party): 100 − penalty, never below 0, where penalty = open violation points + 2 × escalated violation points + 1 per cured violation + 3 per upheld complaint + 2 per SLA breach + ⌈200 × overstays ÷ max(visas issued, overstays, 1)⌉ (2 points per percent of overstays). A violation's points are its type's gravity (OVERSTAY 5, HOUSING_NOT_AS_SOLD 6, NO_TRANSPORT 6, UNLICENSED_HOUSING 10, CATERING_NOT_AS_SOLD 4, SERVICE_NOT_DELIVERED 4, UNLICENSED_OPERATION 10, COMPLAINT_UPHELD 3, OTHER 3) plus one per SAR 5,000 of fine; cancelled violations count nothing. Kept up to date with every change, not recomputed on reading.`;

@ObjectType('ComplianceRecord', {
  description:
    'A company’s or a provider’s compliance record: counters kept with every complaint, violation and visa issued, and the score computed from them. Readable by the ministry and by the party itself (the company’s managers, or the provider).',
})
export class ComplianceRecord {
  @Field(() => PartyKind, { description: 'Whether the record is a company’s or a provider’s.' })
  partyKind!: PartyKind;

  @Field(() => Company, { nullable: true, description: 'The company; null for a provider’s record.' })
  company!: Company | null;

  /** The provider (for a provider's record), resolved by a batched field resolver. */
  providerId!: string | null;

  @Field(() => Int, { description: SCORE_DESCRIPTION })
  score!: number;

  @Field(() => Int, { description: 'Violations recorded and not cancelled.' })
  violationsTotal!: number;

  @Field(() => Int, { description: 'Violations OPEN (cure period running or overdue).' })
  openViolations!: number;

  @Field(() => Int, { description: 'Violations ESCALATED (not cured in time).' })
  escalatedViolations!: number;

  @Field(() => Int, { description: 'Violations CURED.' })
  curedViolations!: number;

  @Field(() => Float, {
    description:
      'Fines of the violations not cancelled, in whole halalas (a Float only because a total may pass 2^31; always an integer).',
  })
  finesHalalas!: number;

  @Field(() => Int, { description: 'Overstaying pilgrims (OVERSTAY violations not cancelled).' })
  overstays!: number;

  @Field(() => Int, {
    description:
      'Visas issued to the company’s pilgrims, as counted from the pilgrims registry’s events since this record began (0 for providers).',
  })
  visasIssued!: number;

  @Field(() => Float, {
    description:
      'Overstays per visa issued, 0 to 1: overstays ÷ max(visas issued, overstays) over what this record knows.',
  })
  overstayRate!: number;

  @Field(() => Int, { description: 'Complaints filed against the party.' })
  complaintsTotal!: number;

  @Field(() => Int, { description: 'Complaints not yet resolved.' })
  complaintsOpen!: number;

  @Field(() => Int, { description: 'Complaints the ministry resolved as upheld.' })
  complaintsUpheld!: number;

  @Field(() => Int, { description: 'Complaints that missed their SLA (each counted once).' })
  slaBreaches!: number;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When a counter last changed; null when none has.' })
  updatedAt!: Date | null;
}

@ObjectType('ComplianceRecordEdge', { description: 'One compliance record in a page of the ranking, with its cursor.' })
export class ComplianceRecordEdge {
  @Field(() => String, { description: 'Opaque position of this record; use it as `after`.' })
  cursor!: string;

  @Field(() => ComplianceRecord, { description: 'The compliance record.' })
  node!: ComplianceRecord;
}

@ObjectType('ComplianceRecordConnection', { description: 'A page of the compliance ranking.' })
export class ComplianceRecordConnection {
  @Field(() => [ComplianceRecordEdge], { description: 'The records of this page, in ranking order.' })
  edges!: ComplianceRecordEdge[];

  @Field(() => PageInfo, { description: 'Whether more pages follow and how to fetch the next one.' })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Number of parties of this kind in the ranking.' })
  totalCount!: number;
}

@ObjectType('ComplaintSla', { description: 'The SLA of one complaint category.' })
export class ComplaintSla {
  @Field(() => ComplaintCategory, { description: 'The category.' })
  category!: ComplaintCategory;

  @Field(() => Int, { description: 'Hours from filing to resolution.' })
  hours!: number;
}

@ObjectType('CompliancePolicy', {
  description:
    'The numbers of the compliance rules, as versioned data the ministry changes from season to season; the latest version applies to complaints filed and violations recorded from then on.',
})
export class CompliancePolicy {
  @Field(() => Int, { description: 'Version number, from 1.' })
  version!: number;

  @Field(() => Int, { description: 'Days a violation gives the party to put things right before escalation.' })
  curePeriodDays!: number;

  @Field(() => [ComplaintSla], { description: 'The SLA of every complaint category.' })
  slaHours!: ComplaintSla[];

  @Field(() => String, { description: 'Why this version was made.' })
  reason!: string;

  @Field(() => ID, { nullable: true, description: 'Officer who made it; null for the initial rules.' })
  changedBy!: string | null;

  @Field(() => DateTimeScalar, { description: 'When it was made; it applies from then on.' })
  createdAt!: Date;
}

@InputType('ComplaintSlaInput', { description: 'A new SLA for one complaint category.' })
export class ComplaintSlaInput {
  @Field(() => ComplaintCategory, { description: 'The category.' })
  category!: ComplaintCategory;

  @Field(() => Int, { description: 'Hours from filing to resolution, 1 to 720.' })
  hours!: number;
}

@InputType('UpdateCompliancePolicyInput', {
  description: 'A new version of the compliance rules; what is not given is kept from the version in force.',
})
export class UpdateCompliancePolicyInput {
  @Field(() => Int, { nullable: true, description: 'Days of the cure period, 1 to 180.' })
  curePeriodDays?: number | null;

  @Field(() => [ComplaintSlaInput], { nullable: true, description: 'New SLAs for some categories.' })
  slaHours?: ComplaintSlaInput[] | null;

  @Field(() => String, { description: 'Why the rules change, 3 to 500 characters.' })
  reason!: string;
}
