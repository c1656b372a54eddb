import { Directive, Field, ID, ObjectType } from 'type-graphql';

@ObjectType('ExternalAgent', {
  description: 'A travel agency abroad that collects pilgrims for Saudi companies under an agency contract.',
})
@Directive('@key(fields: "id")')
export class ExternalAgent {
  @Field(() => ID, { description: 'Stable identifier of the agent.' })
  id!: string;

  @Field(() => String, { description: 'Trading name of the agency.' })
  name!: string;

  @Field(() => String, { description: 'Home country, ISO 3166-1 alpha-2 code.' })
  countryCode!: string;
}
