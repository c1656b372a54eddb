import { Connection, DateScalar, DateTimeScalar } from '@umrah/subgraph-kit';
import { Field, ID, ObjectType } from 'type-graphql';
import { Company } from '../company/company.type';

@ObjectType('Inspection', {
  description:
    'A field committee’s visit (اللجان الميدانية) recorded by a ministry officer: where, when, what was found, and the violations it raised. Readable by the ministry and by the parties it names (the company’s managers, the provider).',
})
export class Inspection {
  @Field(() => ID, { description: 'Stable identifier of the inspection.' })
  id!: string;

  @Field(() => Company, { nullable: true, description: 'The company whose pilgrims or services were inspected.' })
  company!: Company | null;

  /** The provider whose site was inspected, resolved by a batched field resolver. */
  providerId!: string | null;

  @Field(() => String, { description: 'City of the visit, e.g. Makkah.' })
  city!: string;

  @Field(() => String, { description: 'The site visited: a hotel, a camp, a bus depot.' })
  site!: string;

  @Field(() => DateScalar, { description: 'Day of the visit (Riyadh calendar).' })
  visitedOn!: string;

  @Field(() => String, { description: 'What the committee found.' })
  findings!: string;

  @Field(() => DateTimeScalar, { description: 'When the visit was recorded.' })
  recordedAt!: Date;
}

export const InspectionConnection = Connection(Inspection, 'Inspection', 'inspection');
