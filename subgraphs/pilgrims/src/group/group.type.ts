import { Connection, DateTimeScalar } from '@umrah/subgraph-kit';
import { Field, ID, InputType, ObjectType } from 'type-graphql';

@ObjectType('PilgrimGroup', {
  description:
    'A group (فوج) of pilgrims travelling together, registered by a manager for their company or by an agent for a company it has a contract with. Readable by the ministry, managers of the company and the agent that created it.',
})
export class PilgrimGroup {
  @Field(() => ID, { description: 'Stable identifier of the group.' })
  id!: string;

  @Field(() => String, { description: 'Group number: 5 or 6 digits, unique across the system.' })
  groupNumber!: string;

  @Field(() => String, { description: 'Name the company or agent gave the group.' })
  name!: string;

  @Field(() => String, { description: 'Umrah season (Hijri year) the group travels in, e.g. `1448`.' })
  season!: string;

  @Field(() => DateTimeScalar, { description: 'When the group was registered.' })
  createdAt!: Date;

  /** Not fields: the keys the company and agent references are built from. */
  companyId!: string;
  agentId!: string | null;
}

export const PilgrimGroupConnection = Connection(PilgrimGroup, 'PilgrimGroup', 'pilgrim group');

@InputType('CreatePilgrimGroupInput', { description: 'A new group of pilgrims.' })
export class CreatePilgrimGroupInput {
  @Field(() => ID, {
    nullable: true,
    description:
      'Company the group travels with. An agent must name a company it has an agency contract in force with; a manager may leave it out (their own company).',
  })
  companyId?: string | null;

  @Field(() => String, { description: 'Name of the group, 1 to 120 characters.' })
  name!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Group number of 5 or 6 digits, when the group already has one; else the next free number is given.',
  })
  groupNumber?: string | null;
}
