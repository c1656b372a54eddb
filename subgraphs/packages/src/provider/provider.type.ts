import { Connection, DateTimeScalar } from '@umrah/subgraph-kit';
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';

export enum ProviderKind {
  HOTEL = 'HOTEL',
  TRANSPORT = 'TRANSPORT',
  CATERING = 'CATERING',
  ENRICHMENT = 'ENRICHMENT',
  INSURANCE = 'INSURANCE',
  TRAVEL_AGENT = 'TRAVEL_AGENT',
}

registerEnumType(ProviderKind, {
  name: 'ProviderKind',
  description: 'The kind of service a provider sells through the Maqam booking engine.',
  valuesConfig: {
    HOTEL: { description: 'Accommodation in Makkah, Madinah or on the way.' },
    TRANSPORT: { description: 'Ground transport between airports, the holy cities and sites.' },
    CATERING: { description: 'Meals for pilgrims (إعاشة).' },
    ENRICHMENT: { description: 'Guided visits to historic and religious sites (ziyarat, إثراء).' },
    INSURANCE: { description: 'The mandatory health and accident insurance included in the visa.' },
    TRAVEL_AGENT: { description: 'A licensed travel agent selling flights and travel services.' },
  },
});

@ObjectType('ServiceProvider', {
  description:
    'A licensed provider of hotel, transport, catering, enrichment, insurance or travel services that sells its inventory through the Maqam booking engine. The registry is readable by every signed-in party; the ministry registers providers, and a provider account manages only its own inventory.',
})
@Directive('@key(fields: "id")')
export class ServiceProvider {
  @Field(() => ID, { description: 'Stable identifier of the provider.' })
  id!: string;

  @Field(() => String, { description: 'Registered name in Arabic.' })
  nameAr!: string;

  @Field(() => String, { description: 'Registered name in English.' })
  nameEn!: string;

  @Field(() => ProviderKind, { description: 'What the provider sells.' })
  kind!: ProviderKind;

  @Field(() => String, { description: 'City where the provider operates.' })
  city!: string;

  @Field(() => String, { description: 'Maqam licence number, unique across providers.' })
  licenseNumber!: string;

  @Field(() => DateTimeScalar, { description: 'When the provider was entered in the registry.' })
  registeredAt!: Date;
}

export const ServiceProviderConnection = Connection(ServiceProvider, 'ServiceProvider', 'service provider');
