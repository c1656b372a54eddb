import { DateTimeScalar } from '@umrah/subgraph-kit';
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

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

  /** Not a field: the key of the pilgrim this application is for. */
  pilgrimId!: string;
}

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
