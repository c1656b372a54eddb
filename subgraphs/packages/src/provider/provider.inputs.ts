import { Field, InputType } from 'type-graphql';
import { ProviderKind } from './provider.type';

@InputType('ServiceProviderFilter', { description: 'Conditions the providers must meet; all that are given apply.' })
export class ServiceProviderFilter {
  @Field(() => ProviderKind, { nullable: true, description: 'Only providers of this kind.' })
  kind?: ProviderKind | null;

  @Field(() => String, {
    nullable: true,
    description: 'Only providers in this city, as registered (`Makkah`, `Madinah`, `Jeddah`…); letter case is ignored.',
  })
  city?: string | null;
}

@InputType('RegisterServiceProviderInput', { description: 'A licensed provider to add to the Maqam registry.' })
export class RegisterServiceProviderInput {
  @Field(() => String, { description: 'Registered name in Arabic, 2 to 200 characters.' })
  nameAr!: string;

  @Field(() => String, { description: 'Registered name in English, 2 to 200 characters.' })
  nameEn!: string;

  @Field(() => ProviderKind, { description: 'What the provider sells; its inventory is of this kind.' })
  kind!: ProviderKind;

  @Field(() => String, {
    description: 'City where the provider operates (`Makkah`, `Madinah`, `Jeddah`…), 2 to 80 characters.',
  })
  city!: string;

  @Field(() => String, {
    description:
      'Maqam licence number: 4 to 40 capital letters, digits and dashes (letters are upper-cased), unique across providers.',
  })
  licenseNumber!: string;
}
