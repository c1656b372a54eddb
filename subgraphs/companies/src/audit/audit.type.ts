import { Connection, DateTimeScalar, Role } from '@umrah/subgraph-kit';
import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType('AuditEntry', {
  description:
    'One mutation call recorded by this subgraph, whatever its outcome: who, when, which operation, on what, why and how it ended.',
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
}

export const AuditEntryConnection = Connection(AuditEntry, 'AuditEntry', 'audit entry');
