import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Owned by the packages subgraph; here only as a reference from an account. */
@ObjectType('ServiceProvider', {
  description:
    'A licensed provider of hotel, transport, catering, enrichment, insurance or travel services that sells its inventory through the Maqam booking engine. Its registry entry (name, kind, city, licence) is readable by every signed-in party; its inventory only by the ministry, company managers (who compose packages from it) and the provider itself.',
})
@Directive('@key(fields: "id", resolvable: false)')
export class ServiceProviderRef {
  @Field(() => ID, { description: 'Stable identifier of the provider.' })
  id!: string;
}
