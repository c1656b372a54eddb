import { DateScalar, DateTimeScalar } from '@umrah/subgraph-kit';
import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';

export enum LicenseStatus {
  ACTIVE = 'ACTIVE',
  SUSPENDED = 'SUSPENDED',
  REVOKED = 'REVOKED',
  EXPIRED = 'EXPIRED',
}

registerEnumType(LicenseStatus, {
  name: 'LicenseStatus',
  description: 'Whether a licence lets its holder operate today.',
  valuesConfig: {
    ACTIVE: { description: 'In force: the company may take new work.' },
    SUSPENDED: { description: 'Suspended by the ministry until the end of a cure period: no new work.' },
    REVOKED: { description: 'Cancelled by the ministry for good.' },
    EXPIRED: { description: 'Past its expiry date without renewal; read as expired without anyone acting.' },
  },
});

export enum LicenseAction {
  ISSUE = 'ISSUE',
  SUSPEND = 'SUSPEND',
  REINSTATE = 'REINSTATE',
  REVOKE = 'REVOKE',
  RENEW = 'RENEW',
}

registerEnumType(LicenseAction, {
  name: 'LicenseAction',
  description: 'What the ministry did to a licence.',
  valuesConfig: {
    ISSUE: { description: 'The licence was issued (or was on record when the history began).' },
    SUSPEND: { description: 'Suspended with a cure period: the company may take no new work.' },
    REINSTATE: { description: 'A suspension was lifted: the licence is in force again.' },
    REVOKE: { description: 'Cancelled for good.' },
    RENEW: { description: 'Extended by the policy’s licence term.' },
  },
});

@ObjectType('License', { description: 'A ministry licence to operate Umrah services.' })
export class License {
  @Field(() => ID, { description: 'Stable identifier of the licence.' })
  id!: string;

  @Field(() => String, { description: 'Licence number as printed on the licence.' })
  number!: string;

  @Field(() => LicenseStatus, { description: 'Status today; EXPIRED is derived from the expiry date.' })
  status!: LicenseStatus;

  @Field(() => DateScalar, { description: 'Date the licence was issued.' })
  issuedOn!: string;

  @Field(() => DateScalar, { description: 'Date the licence expires unless renewed.' })
  expiresOn!: string;

  @Field(() => DateScalar, { nullable: true, description: 'End of the cure period while suspended.' })
  suspendedUntil!: string | null;

  /** The holder, for access checks on the history (not published). */
  companyId!: string | null;
}

@ObjectType('LicenseStatusChange', {
  description: 'One entry of a licence’s history: who changed its status, when, what they did and why.',
})
export class LicenseStatusChange {
  @Field(() => ID, { description: 'Identifier of this history entry.' })
  id!: string;

  @Field(() => LicenseAction, { description: 'What was done.' })
  action!: LicenseAction;

  @Field(() => LicenseStatus, {
    nullable: true,
    description: 'Status before the change as the ministry saw it (EXPIRED when past expiry); null when issued.',
  })
  fromStatus!: LicenseStatus | null;

  @Field(() => LicenseStatus, { description: 'Status the change set.' })
  toStatus!: LicenseStatus;

  @Field(() => String, { description: 'Why, in the officer’s words.' })
  reason!: string;

  @Field(() => DateScalar, { nullable: true, description: 'End of the cure period given with a suspension.' })
  cureUntil!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'New expiry date set by an issue or a renewal.' })
  newExpiresOn!: string | null;

  @Field(() => ID, { nullable: true, description: 'Account that made the change; null when recorded by the system.' })
  actorAccountId!: string | null;

  @Field(() => DateTimeScalar, { description: 'When the change was made.' })
  at!: Date;
}

@InputType('SuspendLicenseInput', { description: 'Suspends a company’s licence for a cure period.' })
export class SuspendLicenseInput {
  @Field(() => ID, { description: 'The company whose licence is suspended.' })
  companyId!: string;

  @Field(() => String, { description: 'Why (3–1000 characters); shown in the licence history.' })
  reason!: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Last day of the cure period, in the future; defaults to today plus the policy’s company cure days.',
  })
  cureUntil?: string | null;
}

@InputType('LicenseActionInput', { description: 'A decision on a company’s licence, with its reason.' })
export class LicenseActionInput {
  @Field(() => ID, { description: 'The company whose licence is concerned.' })
  companyId!: string;

  @Field(() => String, { description: 'Why (3–1000 characters); shown in the licence history.' })
  reason!: string;
}
