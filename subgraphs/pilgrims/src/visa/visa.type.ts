import { Connection, DateScalar, DateTimeScalar } from '@umrah/subgraph-kit';
import { Directive, Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum VisaStatus {
  SUBMITTED = 'SUBMITTED',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  PAID = 'PAID',
  SENT_TO_MOFA = 'SENT_TO_MOFA',
  ISSUED = 'ISSUED',
  ARRIVED = 'ARRIVED',
  DEPARTED = 'DEPARTED',
  CANCELLED = 'CANCELLED',
  EXPIRED = 'EXPIRED',
  OVERSTAYED = 'OVERSTAYED',
}

registerEnumType(VisaStatus, {
  name: 'VisaStatus',
  description: 'Where a visa application stands, from the agent’s submission to the pilgrim’s departure.',
  valuesConfig: {
    SUBMITTED: { description: 'Registered by the agent; waiting for the Saudi company to approve it.' },
    APPROVED: { description: 'Approved by the company; waiting for payment.' },
    REJECTED: { description: 'Rejected by the company or the ministry; it goes no further.' },
    PAID: { description: 'Paid; waiting for the ministry to send it to MOFA.' },
    SENT_TO_MOFA: {
      description: 'Sent by the ministry to the MOFA information centre; waiting for a reference number.',
    },
    ISSUED: {
      description: 'Visa issued with a MOFA reference; the pilgrim must enter within the season’s entry window.',
    },
    ARRIVED: { description: 'The pilgrim entered the Kingdom through a port of entry.' },
    DEPARTED: { description: 'The pilgrim left the Kingdom within the permitted stay.' },
    CANCELLED: { description: 'Withdrawn by the company or the agent before use.' },
    EXPIRED: { description: 'Issued but not used: the pilgrim did not enter in time.' },
    OVERSTAYED: { description: 'The pilgrim stayed beyond the permitted stay; the company is answerable for it.' },
  },
});

export enum PortKind {
  AIR = 'AIR',
  LAND = 'LAND',
  SEA = 'SEA',
}

registerEnumType(PortKind, {
  name: 'PortKind',
  description: 'Kind of port of entry or exit (المنافذ).',
  valuesConfig: {
    AIR: { description: 'An airport, e.g. King Abdulaziz International Airport, Jeddah.' },
    LAND: { description: 'A land border crossing.' },
    SEA: { description: 'A seaport, e.g. Jeddah Islamic Port.' },
  },
});

/** Workflow order, used wherever statuses are listed. */
export const VISA_STATUSES: readonly VisaStatus[] = Object.values(VisaStatus);

@ObjectType('VisaApplication', {
  description: 'A pilgrim’s Umrah visa application and where it stands. Readable by whoever may read the pilgrim.',
})
@Directive('@key(fields: "id")')
export class VisaApplication {
  @Field(() => ID, { description: 'Stable identifier of the visa application.' })
  id!: string;

  @Field(() => VisaStatus, { description: 'Current status of the application.' })
  status!: VisaStatus;

  @Field(() => DateTimeScalar, { description: 'When the agent submitted the application.' })
  submittedAt!: Date;

  @Field(() => String, {
    nullable: true,
    description:
      'MOFA reference number (رقم المراجعة, 8–9 digits) that embassies print on the passport; null until MOFA answers.',
  })
  mofaReference!: string | null;

  @Field(() => String, { nullable: true, description: 'Number of the issued visa; null until the visa is issued.' })
  visaNumber!: string | null;

  @Field(() => String, { description: 'Umrah season (Hijri year) the application belongs to.' })
  season!: string;

  @Field(() => String, { description: 'Nationality of the pilgrim’s passport, ISO 3166-1 alpha-2 code.' })
  nationality!: string;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the company approved it; null before.' })
  approvedAt!: Date | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When the visa and insurance fee was paid; null before.',
  })
  paidAt!: Date | null;

  @Field(() => String, {
    nullable: true,
    description: 'The payment system’s reference for the fee; null before payment.',
  })
  paymentReference!: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Visa and insurance fee paid, in halalas (1 SAR = 100 halalas); null before payment.',
  })
  feeHalalas!: number | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the ministry sent it to MOFA; null before.' })
  sentToMofaAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When MOFA issued the visa; null before.' })
  issuedAt!: Date | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Seconds from submission to issuance, recorded at issuance; null until issued.',
  })
  processingSeconds!: number | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Last day the pilgrim may enter the Kingdom on this visa (entry window, within the season).',
  })
  enterBy!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Day the pilgrim entered the Kingdom; null before.' })
  arrivedOn!: string | null;

  @Field(() => String, { nullable: true, description: 'Port the pilgrim entered through.' })
  arrivalPort!: string | null;

  @Field(() => PortKind, { nullable: true, description: 'Kind of the port of entry.' })
  arrivalPortKind!: PortKind | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Last day of the permitted stay, from the day of entry (within the season); null before entry.',
  })
  stayUntil!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Day the pilgrim left the Kingdom; null before.' })
  departedOn!: string | null;

  @Field(() => String, { nullable: true, description: 'Port the pilgrim left through.' })
  departurePort!: string | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When the pilgrim was found to have overstayed; stays set after a late departure.',
  })
  overstayedAt!: Date | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Why processing is waiting: the last failure of the payment or MOFA systems (retried automatically with backoff) or a refusal the manager must address; null when nothing is wrong.',
  })
  lastError!: string | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When the next automatic attempt at payment or MOFA is due; null when none is.',
  })
  nextAttemptAt!: Date | null;

  /** Not a field: the key of the pilgrim this application is for. */
  pilgrimId!: string;

  /** Not a field: the hosting company (for `company`). */
  companyId!: string;

  /** Not a field: the agent who registered the pilgrim (for `agent`). */
  agentId!: string | null;
}

@ObjectType('VisaStatusChange', {
  description: 'One step of a visa application’s history: who moved it, when, and why.',
})
export class VisaStatusChange {
  @Field(() => ID, { description: 'Stable identifier of the step.' })
  id!: string;

  @Field(() => VisaStatus, { nullable: true, description: 'Status before the step; null for the submission.' })
  fromStatus!: VisaStatus | null;

  @Field(() => VisaStatus, { description: 'Status after the step.' })
  toStatus!: VisaStatus;

  @Field(() => DateTimeScalar, { description: 'When the step happened.' })
  changedAt!: Date;

  @Field(() => ID, {
    nullable: true,
    description: 'Account that made the step; null when the system did (payment, MOFA, scheduled checks).',
  })
  changedBy!: string | null;

  @Field(() => String, { nullable: true, description: 'Reason given, or the refusal that caused the step.' })
  reason!: string | null;
}

export const VisaApplicationConnection = Connection(VisaApplication, 'VisaApplication', 'visa application');

@ObjectType('VisaStatusCount', { description: 'How many visa applications are in one status.' })
export class VisaStatusCount {
  @Field(() => VisaStatus, { description: 'The status counted.' })
  status!: VisaStatus;

  @Field(() => Int, { description: 'Number of visa applications in this status.' })
  count!: number;
}

@ObjectType('NationalityCount', { description: 'How many visa applications are for pilgrims of one nationality.' })
export class NationalityCount {
  @Field(() => String, { description: 'Nationality, ISO 3166-1 alpha-2 code.' })
  nationality!: string;

  @Field(() => Int, { description: 'Number of visa applications for pilgrims of this nationality.' })
  count!: number;
}

@ObjectType('VisaStats', { description: 'Visa applications of one company, counted by status and by nationality.' })
export class VisaStats {
  @Field(() => Int, { description: 'Number of visa applications in all statuses.' })
  total!: number;

  @Field(() => [VisaStatusCount], {
    description: 'Count per status, in workflow order, for every status (zero included).',
  })
  byStatus!: VisaStatusCount[];

  @Field(() => [NationalityCount], {
    description: 'Count per nationality, largest first; nationalities without applications are left out.',
  })
  byNationality!: NationalityCount[];

  /** Not a field: whose applications these are; the counts are loaded per field, batched. */
  companyId!: string;
}
