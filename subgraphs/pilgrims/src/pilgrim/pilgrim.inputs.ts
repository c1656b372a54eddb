import { SortDirection, badInput } from '@umrah/subgraph-kit';
import { Field, InputType, registerEnumType } from 'type-graphql';
import { VisaStatus } from '../visa/visa.type';

export const NATIONALITY = /^[A-Z]{2}$/;
export const MAX_SEARCH_LENGTH = 100;

@InputType('PilgrimFilter', { description: 'Narrows a list of pilgrims; all given conditions must hold.' })
export class PilgrimFilter {
  @Field(() => String, {
    nullable: true,
    description: 'Only pilgrims of this nationality, ISO 3166-1 alpha-2 code (e.g. `ID`).',
  })
  nationality?: string | null;

  @Field(() => VisaStatus, {
    nullable: true,
    description: 'Only pilgrims whose current visa application (the one `Pilgrim.visa` returns) has this status.',
  })
  visaStatus?: VisaStatus | null;

  @Field(() => String, {
    nullable: true,
    description: `Words that must each appear in the Arabic or Latin name or the passport number (at most ${MAX_SEARCH_LENGTH} characters).`,
  })
  search?: string | null;
}

/** Rejects a filter the caller can fix, naming the field at fault. */
export function checkPilgrimFilter(filter: PilgrimFilter | null | undefined): void {
  if (filter?.nationality != null && !NATIONALITY.test(filter.nationality)) {
    throw badInput(
      'filter.nationality',
      'Nationality must be a country code of two capital letters, such as ID or PK.',
    );
  }
  if (filter?.search != null && filter.search.trim().length > MAX_SEARCH_LENGTH) {
    throw badInput('filter.search', `Search text must be at most ${MAX_SEARCH_LENGTH} characters.`);
  }
}

export enum PilgrimOrderField {
  FAMILY_NAME_EN = 'FAMILY_NAME_EN',
  GIVEN_NAME_EN = 'GIVEN_NAME_EN',
  FAMILY_NAME_AR = 'FAMILY_NAME_AR',
  GIVEN_NAME_AR = 'GIVEN_NAME_AR',
  NATIONALITY = 'NATIONALITY',
  DATE_OF_BIRTH = 'DATE_OF_BIRTH',
  PASSPORT_EXPIRES_ON = 'PASSPORT_EXPIRES_ON',
  REGISTERED_AT = 'REGISTERED_AT',
}

registerEnumType(PilgrimOrderField, {
  name: 'PilgrimOrderField',
  description: 'What a list of pilgrims can be sorted by.',
  valuesConfig: {
    FAMILY_NAME_EN: { description: 'Family name in Latin letters, as in the passport.' },
    GIVEN_NAME_EN: { description: 'Given name in Latin letters, as in the passport.' },
    FAMILY_NAME_AR: { description: 'Family name in Arabic.' },
    GIVEN_NAME_AR: { description: 'Given name in Arabic.' },
    NATIONALITY: { description: 'Nationality, by ISO 3166-1 alpha-2 code.' },
    DATE_OF_BIRTH: { description: 'Date of birth.' },
    PASSPORT_EXPIRES_ON: {
      description:
        'Passport expiry date. Pilgrims registered without one count as the latest: last ascending, first descending.',
    },
    REGISTERED_AT: { description: 'When the pilgrim was registered.' },
  },
});

@InputType('PilgrimOrder', {
  description: 'How to sort a list of pilgrims; ties are broken by id, so pages never overlap or skip.',
})
export class PilgrimOrder {
  @Field(() => PilgrimOrderField, { description: 'What to sort by.' })
  field!: PilgrimOrderField;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: 'Ascending or descending.' })
  direction: SortDirection = SortDirection.ASC;
}
