import { Connection, DateTimeScalar, Role } from '@umrah/subgraph-kit';
import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';

export enum AuditSource {
  COMPANIES = 'COMPANIES',
  PILGRIMS = 'PILGRIMS',
  PACKAGES = 'PACKAGES',
  LOYALTY = 'LOYALTY',
}

registerEnumType(AuditSource, {
  name: 'AuditSource',
  description: 'The part of the graph that recorded an audit entry.',
  valuesConfig: {
    COMPANIES: { description: 'Companies, licences, agents, contracts, accounts and API clients.' },
    PILGRIMS: { description: 'Seasons, groups, pilgrims, visa applications and webhooks.' },
    PACKAGES: { description: 'Providers, inventory, packages, bookings, complaints, inspections and violations.' },
    LOYALTY: { description: 'Al-Barakat points, rewards and redemptions.' },
  },
});

@ObjectType('AuditEntry', {
  description:
    'One mutation call anywhere in the graph, whatever its outcome: who, when, which operation, on what, why and how it ended. Entries from other parts of the graph arrive within seconds.',
})
export class AuditEntry {
  @Field(() => ID, { description: 'Identifier of the entry.' })
  id!: string;

  @Field(() => DateTimeScalar, { description: 'When the call was made.' })
  at!: Date;

  @Field(() => ID, { nullable: true, description: 'Account that called; null for an anonymous call.' })
  actorAccountId!: string | null;

  @Field(() => Role, { nullable: true, description: 'Role the caller acted in; null for an anonymous call.' })
  actorRole!: Role | null;

  @Field(() => String, { description: 'The mutation called, e.g. suspendLicense.' })
  operation!: string;

  @Field(() => String, { nullable: true, description: 'Id of the object the call was about, when there was one.' })
  targetId!: string | null;

  @Field(() => String, { nullable: true, description: 'Reason given with the call, when it took one.' })
  reason!: string | null;

  @Field(() => String, {
    description: 'How the call ended: OK, or the error code it was refused with (FORBIDDEN, BAD_USER_INPUT, …).',
  })
  outcome!: string;

  @Field(() => AuditSource, { description: 'The part of the graph that recorded the call.' })
  source!: AuditSource;

  @Field(() => ID, { nullable: true, description: 'The company the call was made for or about, when there was one.' })
  companyId!: string | null;
}

@InputType('AuditLogFilter', { description: 'Conditions the audit entries must meet; all given ones apply.' })
export class AuditLogFilter {
  @Field(() => AuditSource, { nullable: true, description: 'Only entries recorded by this part of the graph.' })
  source?: AuditSource | null;

  @Field(() => String, { nullable: true, description: 'Only calls of this mutation, e.g. `approveVisaApplication`.' })
  operation?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'True: only calls that were refused or failed (outcome other than OK); false: only successful ones.',
  })
  refused?: boolean | null;

  @Field(() => ID, { nullable: true, description: 'Only calls by this account.' })
  actorAccountId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only calls made for or about this company.' })
  companyId?: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Only calls made at or after this time.' })
  from?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Only calls made before this time.' })
  to?: Date | null;
}

export const AuditEntryConnection = Connection(AuditEntry, 'AuditEntry', 'audit entry');
