import { DateScalar } from '@umrah/subgraph-kit';
import { Field, ID, InputType } from 'type-graphql';
import { Sex } from '../pilgrim/pilgrim.type';

/**
 * A pilgrim's details as written in the passport: what single and bulk registration both take, and
 * what one validation (`validatePilgrimDetails`) checks for both.
 */
// Not referenced by any field, so not in the schema: its fields appear in each input type extending it.
@InputType('PilgrimDetailsInput', { description: 'A pilgrim as written in the passport.' })
export abstract class PilgrimDetailsInput {
  @Field(() => String, { description: 'Given (first) name in Arabic, 1 to 80 characters.' })
  givenNameAr!: string;

  @Field(() => String, { description: 'Father’s name in Arabic, 1 to 80 characters.' })
  fatherNameAr!: string;

  @Field(() => String, { description: 'Grandfather’s name in Arabic, 1 to 80 characters.' })
  grandfatherNameAr!: string;

  @Field(() => String, { description: 'Family name in Arabic, 1 to 80 characters.' })
  familyNameAr!: string;

  @Field(() => String, { description: 'Given (first) name in Latin letters, 1 to 80 characters.' })
  givenNameEn!: string;

  @Field(() => String, { description: 'Father’s name in Latin letters, 1 to 80 characters.' })
  fatherNameEn!: string;

  @Field(() => String, { description: 'Grandfather’s name in Latin letters, 1 to 80 characters.' })
  grandfatherNameEn!: string;

  @Field(() => String, { description: 'Family name (surname) in Latin letters, 1 to 80 characters.' })
  familyNameEn!: string;

  @Field(() => String, { description: 'Passport number: 5 to 20 letters and digits (kept in capitals).' })
  passportNumber!: string;

  @Field(() => String, { description: 'Nationality of the passport, ISO 3166-1 alpha-2 code (e.g. `PK`).' })
  nationality!: string;

  @Field(() => DateScalar, { description: 'Date of birth as in the passport.' })
  dateOfBirth!: string;

  @Field(() => Sex, { description: 'Sex as in the passport.' })
  sex!: Sex;

  @Field(() => DateScalar, { description: 'Day the passport was issued.' })
  passportIssuedOn!: string;

  @Field(() => DateScalar, {
    description:
      'Day the passport expires: at least six months after the planned departure, or after the season’s last departure day when none is given.',
  })
  passportExpiresOn!: string;

  @Field(() => DateScalar, { nullable: true, description: 'Day the pilgrim plans to leave the Kingdom, if known.' })
  plannedDepartureOn?: string | null;

  @Field(() => [String], {
    nullable: true,
    description:
      'The passport’s machine-readable zone, two lines of 44 characters (TD3). When given, its check digits are verified and it must agree with the typed fields.',
  })
  mrz?: string[] | null;
}

@InputType('RegisterPilgrimInput', { description: 'A pilgrim to register, as written in the passport.' })
export class RegisterPilgrimInput extends PilgrimDetailsInput {
  @Field(() => ID, {
    nullable: true,
    description:
      'Group the pilgrim travels in: for an agent one of its own groups, for a manager one of the company’s groups made by managers.',
  })
  groupId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'Company that hosts the pilgrim. An agent must name a company it has an agency contract in force with (or give a group); a manager may leave it out (their own company).',
  })
  companyId?: string | null;
}
