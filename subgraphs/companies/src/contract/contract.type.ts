import { Connection, DateScalar, DateTimeScalar } from '@umrah/subgraph-kit';
import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';

export enum AgencyContractStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  APPROVED = 'APPROVED',
  ACTIVE = 'ACTIVE',
  EXPIRED = 'EXPIRED',
  TERMINATED = 'TERMINATED',
}

registerEnumType(AgencyContractStatus, {
  name: 'AgencyContractStatus',
  description: 'Where an agency contract stands today. ACTIVE and EXPIRED follow from the dates without anyone acting.',
  valuesConfig: {
    DRAFT: { description: 'Being prepared by the company; also where a rejected contract returns.' },
    SUBMITTED: { description: 'Registered with the ministry and waiting for an officer’s decision.' },
    APPROVED: { description: 'Approved by the ministry; its validity has not started yet.' },
    ACTIVE: { description: 'Approved and within its validity dates: the agent may act for the company.' },
    EXPIRED: { description: 'Past its last valid day.' },
    TERMINATED: { description: 'Ended early by the ministry or the company.' },
  },
});

@ObjectType('AgencyContract', {
  description:
    'A contract between a licensed company and an external agent. The agent may act for the company only while it is ACTIVE. Visible to the ministry, the company’s managers and the agent.',
})
export class AgencyContract {
  @Field(() => ID, { description: 'Stable identifier of the contract.' })
  id!: string;

  @Field(() => AgencyContractStatus, { description: 'Status today; ACTIVE and EXPIRED are derived from the dates.' })
  status!: AgencyContractStatus;

  @Field(() => DateScalar, { description: 'First day the agent may act under the contract.' })
  validFrom!: string;

  @Field(() => DateScalar, { description: 'Last day the agent may act under the contract.' })
  validTo!: string;

  @Field(() => String, { description: 'Hijri season year the contract was registered for, e.g. 1447.' })
  season!: string;

  @Field(() => DateTimeScalar, { description: 'When the company created the contract.' })
  createdAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the company last submitted it to the ministry.' })
  submittedAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When a ministry officer approved it.' })
  approvedAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When a ministry officer last rejected it.' })
  rejectedAt!: Date | null;

  @Field(() => String, {
    nullable: true,
    description: 'Why the ministry last rejected it; kept after the company resubmits.',
  })
  rejectionReason!: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was terminated.' })
  terminatedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Why it was terminated.' })
  terminationReason!: string | null;

  /** Not fields: the parties, resolved through their loaders. */
  companyId!: string;
  agentId!: string;
}

export const AgencyContractConnection = Connection(AgencyContract, 'AgencyContract', 'agency contract');

@InputType('AgencyContractFilter', {
  description: 'Narrows a list of agency contracts; all given conditions must hold.',
})
export class AgencyContractFilter {
  @Field(() => AgencyContractStatus, { nullable: true, description: 'Only contracts with this status today.' })
  status?: AgencyContractStatus | null;

  @Field(() => ID, { nullable: true, description: 'Only contracts of this company.' })
  companyId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only contracts with this agent.' })
  agentId?: string | null;
}

@InputType('CreateAgencyContractInput', {
  description: 'A new agency contract between your company and an active agent; it starts as a DRAFT.',
})
export class CreateAgencyContractInput {
  @Field(() => ID, { description: 'The external agent, which must be ACTIVE.' })
  agentId!: string;

  @Field(() => DateScalar, { description: 'First day the agent may act under the contract.' })
  validFrom!: string;

  @Field(() => DateScalar, { description: 'Last day; after validFrom and not in the past.' })
  validTo!: string;
}

@InputType('AgencyContractDecisionInput', { description: 'A decision on one agency contract, with its reason.' })
export class AgencyContractDecisionInput {
  @Field(() => ID, { description: 'The contract’s id.' })
  id!: string;

  @Field(() => String, { description: 'Why the decision is taken (3–1000 characters).' })
  reason!: string;
}
