import { DateScalar } from '@umrah/subgraph-kit';
import { Field, ID, InputType } from 'type-graphql';
import { InspectionViolationInput } from '../violation/violation.inputs';

export const MAX_VIOLATIONS_PER_INSPECTION = 20;

@InputType('RecordInspectionInput', {
  description: 'A field visit: the company, the provider or both, where and when, what was found.',
})
export class RecordInspectionInput {
  @Field(() => ID, { nullable: true, description: 'The company whose pilgrims or services were inspected.' })
  companyId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The provider whose site was inspected.' })
  providerId?: string | null;

  @Field(() => String, { description: 'City of the visit, 2 to 60 characters.' })
  city!: string;

  @Field(() => String, { description: 'The site visited, 2 to 200 characters.' })
  site!: string;

  @Field(() => DateScalar, { description: 'Day of the visit: today or earlier (Riyadh calendar), within a year.' })
  visitedOn!: string;

  @Field(() => String, { description: 'What the committee found, 10 to 4,000 characters.' })
  findings!: string;

  @Field(() => [InspectionViolationInput], {
    defaultValue: [],
    description: `Violations found, recorded in the same transaction as the visit (at most ${MAX_VIOLATIONS_PER_INSPECTION}).`,
  })
  violations!: InspectionViolationInput[];
}

@InputType('InspectionFilter', { description: 'Conditions the inspections must meet; all that are given apply.' })
export class InspectionFilter {
  @Field(() => ID, { nullable: true, description: 'Only inspections naming this company.' })
  companyId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only inspections naming this provider.' })
  providerId?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Only visits on or after this day.' })
  visitedFrom?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Only visits on or before this day.' })
  visitedTo?: string | null;
}
