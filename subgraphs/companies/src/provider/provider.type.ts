import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Owned by the packages subgraph; here only as a reference from an account. */
@ObjectType('ServiceProvider', { description: 'A hotel, transport, catering, enrichment or insurance provider.' })
@Directive('@key(fields: "id", resolvable: false)')
export class ServiceProviderRef {
  @Field(() => ID, { description: 'Stable identifier of the provider.' })
  id!: string;
}
