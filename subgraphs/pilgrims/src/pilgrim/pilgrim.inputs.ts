import { badInput } from '@umrah/subgraph-kit';
import { Field, InputType } from 'type-graphql';
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

  @Field(() => VisaStatus, { nullable: true, description: 'Only pilgrims whose visa application has this status.' })
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
