import { Connection, DateScalar, DateTimeScalar } from '@umrah/subgraph-kit';
import { Directive, Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum AgentStatus {
  PENDING = 'PENDING',
  ACTIVE = 'ACTIVE',
  SUSPENDED = 'SUSPENDED',
}

registerEnumType(AgentStatus, {
  name: 'AgentStatus',
  description: 'Whether an external agent may work for Saudi companies.',
  valuesConfig: {
    PENDING: { description: 'Registered, waiting for a ministry officer to approve it.' },
    ACTIVE: { description: 'Approved: it may hold agency contracts and act under active ones.' },
    SUSPENDED: { description: 'Suspended by the ministry until the end of a cure period: it may not act.' },
  },
});

@ObjectType('ExternalAgent', {
  description:
    'A travel agency abroad that collects pilgrims for Saudi companies under an agency contract. Its registry entry (name, country, licence, status) is readable by every signed-in party; its contact details, rating and history only by the ministry, the agent itself and managers of companies contracted with it.',
})
@Directive('@key(fields: "id")')
export class ExternalAgent {
  @Field(() => ID, { description: 'Stable identifier of the agent.' })
  id!: string;

  @Field(() => String, { description: 'Trading name of the agency.' })
  name!: string;

  @Field(() => String, { description: 'Home country, ISO 3166-1 alpha-2 code.' })
  countryCode!: string;

  @Field(() => String, { description: 'Licence number issued by the agency’s home country; unique per country.' })
  homeLicenseNumber!: string;

  @Field(() => AgentStatus, { description: 'Whether the agent is pending approval, active or suspended.' })
  status!: AgentStatus;

  @Field(() => DateScalar, { nullable: true, description: 'End of the cure period while suspended; null otherwise.' })
  suspendedUntil!: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When a ministry officer first approved the agent.' })
  approvedAt!: Date | null;

  @Field(() => String, {
    nullable: true,
    description: 'Contact email; null unless you may see the agent’s details.',
  })
  contactEmail!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Contact phone in international format (+…); null unless you may see the agent’s details.',
  })
  contactPhone!: string | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Compliance rating from 0 to 5 (two decimals); null when not rated yet or unless you may see the agent’s details.',
  })
  rating!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Violations recorded against the agent; null unless you may see the agent’s details.',
  })
  violationsCount!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Complaints recorded against the agent; null unless you may see the agent’s details.',
  })
  complaintsCount!: number | null;

  /** Not a field: whether the caller may read contact, rating and history (ministry, itself, contracted managers). */
  detailsVisible!: boolean;
}

export const ExternalAgentConnection = Connection(ExternalAgent, 'ExternalAgent', 'external agent');

@ObjectType('AgentStatusChange', { description: 'One change of an external agent’s status: who, when, what and why.' })
export class AgentStatusChange {
  @Field(() => ID, { description: 'Identifier of this history entry.' })
  id!: string;

  @Field(() => AgentStatus, { nullable: true, description: 'Status before the change; null for the registration.' })
  fromStatus!: AgentStatus | null;

  @Field(() => AgentStatus, { description: 'Status after the change.' })
  toStatus!: AgentStatus;

  @Field(() => String, { description: 'Why the change was made.' })
  reason!: string;

  @Field(() => DateScalar, { nullable: true, description: 'End of the cure period, for a suspension.' })
  cureUntil!: string | null;

  @Field(() => ID, { nullable: true, description: 'Account that made the change.' })
  changedBy!: string | null;

  @Field(() => DateTimeScalar, { description: 'When the change was made.' })
  changedAt!: Date;
}

export const AgentStatusChangeConnection = Connection(AgentStatusChange, 'AgentStatusChange', 'agent status change');

@InputType('ExternalAgentFilter', { description: 'Narrows a list of external agents; all given conditions must hold.' })
export class ExternalAgentFilter {
  @Field(() => AgentStatus, { nullable: true, description: 'Only agents with this status.' })
  status?: AgentStatus | null;

  @Field(() => String, { nullable: true, description: 'Only agents from this country (ISO 3166-1 alpha-2).' })
  countryCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Part of the name or of the home licence number.' })
  search?: string | null;
}

@InputType('RegisterAgentInput', { description: 'A new external agent for the registry; it starts PENDING.' })
export class RegisterAgentInput {
  @Field(() => String, { description: 'Trading name of the agency (2–200 characters).' })
  name!: string;

  @Field(() => String, { description: 'Home country, ISO 3166-1 alpha-2 code such as ID or PK.' })
  countryCode!: string;

  @Field(() => String, { description: 'Licence number issued by the home country (2–60 characters).' })
  homeLicenseNumber!: string;

  @Field(() => String, { description: 'Contact email of the agency.' })
  contactEmail!: string;

  @Field(() => String, { description: 'Contact phone in international format, e.g. +6281234567890.' })
  contactPhone!: string;
}

@InputType('AgentDecisionInput', { description: 'A ministry decision on one agent, with its reason.' })
export class AgentDecisionInput {
  @Field(() => ID, { description: 'The agent’s id.' })
  id!: string;

  @Field(() => String, { description: 'Why the decision is taken (3–1000 characters); kept in the history.' })
  reason!: string;
}

@InputType('SuspendAgentInput', { description: 'Suspends an active agent until the end of a cure period.' })
export class SuspendAgentInput {
  @Field(() => ID, { description: 'The agent’s id.' })
  id!: string;

  @Field(() => String, { description: 'Why the agent is suspended (3–1000 characters); kept in the history.' })
  reason!: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Last day of the cure period; by default today plus the policy’s agent cure days.',
  })
  cureUntil?: string | null;
}
