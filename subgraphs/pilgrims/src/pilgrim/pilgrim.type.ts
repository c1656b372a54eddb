import { Connection, DateScalar } from '@umrah/subgraph-kit';
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';

export enum Sex {
  MALE = 'MALE',
  FEMALE = 'FEMALE',
}

registerEnumType(Sex, {
  name: 'Sex',
  description: 'Sex as printed in the passport.',
  valuesConfig: {
    MALE: { description: 'Male (M in the passport).' },
    FEMALE: { description: 'Female (F in the passport).' },
  },
});

@ObjectType('Pilgrim', {
  description:
    'A person registered for Umrah by a licensed company, usually through an external agent. Readable by the ministry, by managers of the company and by the agent who registered the pilgrim.',
})
@Directive('@key(fields: "id")')
export class Pilgrim {
  @Field(() => ID, { description: 'Stable identifier of the pilgrim.' })
  id!: string;

  @Field(() => String, { description: 'Umrah season (Hijri year) the pilgrim is registered for, e.g. `1447`.' })
  season!: string;

  @Field(() => String, { description: 'Four-part name in Arabic: given, father’s, grandfather’s and family name.' })
  fullNameAr!: string;

  @Field(() => String, { description: 'Four-part name in Latin letters, as in the passport’s machine-readable zone.' })
  fullNameEn!: string;

  @Field(() => String, { description: 'Given (first) name in Arabic.' })
  givenNameAr!: string;

  @Field(() => String, { description: 'Father’s name in Arabic.' })
  fatherNameAr!: string;

  @Field(() => String, { description: 'Grandfather’s name in Arabic.' })
  grandfatherNameAr!: string;

  @Field(() => String, { description: 'Family name in Arabic.' })
  familyNameAr!: string;

  @Field(() => String, { description: 'Given (first) name in Latin letters.' })
  givenNameEn!: string;

  @Field(() => String, { description: 'Father’s name in Latin letters.' })
  fatherNameEn!: string;

  @Field(() => String, { description: 'Grandfather’s name in Latin letters.' })
  grandfatherNameEn!: string;

  @Field(() => String, { description: 'Family name in Latin letters.' })
  familyNameEn!: string;

  @Field(() => String, { description: 'Passport number: 5 to 20 capital letters and digits.' })
  passportNumber!: string;

  @Field(() => String, { description: 'Nationality of the passport, ISO 3166-1 alpha-2 code (e.g. `ID`, `PK`).' })
  nationality!: string;

  @Field(() => DateScalar, { description: 'Date of birth as in the passport.' })
  dateOfBirth!: string;

  @Field(() => Sex, { description: 'Sex as in the passport.' })
  sex!: Sex;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Day the passport was issued; null for pilgrims loaded before registration recorded it.',
  })
  passportIssuedOn!: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'Day the passport expires; at registration it had to be at least six months after the planned departure. Null for pilgrims loaded before registration recorded it.',
  })
  passportExpiresOn!: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Day the pilgrim plans to leave the Kingdom, if given at registration.',
  })
  plannedDepartureOn!: string | null;

  /** Not fields: the keys the company and agent references are built from. */
  companyId!: string;
  agentId!: string | null;
  groupId!: string | null;
}

export const PilgrimConnection = Connection(Pilgrim, 'Pilgrim', 'pilgrim');
