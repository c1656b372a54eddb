import { Field, Int, ObjectType } from 'type-graphql';
import { Pilgrim } from '../pilgrim/pilgrim.type';

@ObjectType('BulkRegistrationRowError', {
  description:
    'Why one row of a bulk registration was not registered: the same code and sentence as `registerPilgrim`.',
})
export class BulkRegistrationRowError {
  @Field(() => String, {
    description:
      'Error code: `BAD_USER_INPUT` (a field breaks a format or date rule, or disagrees with the MRZ), `MRZ_INVALID`, `PASSPORT_EXPIRES_TOO_SOON` or `DUPLICATE_PILGRIM` (already registered this season, or repeated earlier in the list).',
  })
  code!: string;

  @Field(() => String, { description: 'What is wrong, as a sentence a manager understands (English).' })
  message!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The input field at fault, as a path from the input, e.g. `rows.3.passportNumber`.',
  })
  field!: string | null;
}

@ObjectType('BulkRegistrationRow', {
  description: 'The outcome for one row of a bulk registration: the registered pilgrim, or the error.',
})
export class BulkRegistrationRow {
  @Field(() => Int, { description: 'Position of the row in `input.rows`, from 0.' })
  index!: number;

  @Field(() => Pilgrim, { nullable: true, description: 'The pilgrim registered from this row; null when refused.' })
  pilgrim!: Pilgrim | null;

  @Field(() => BulkRegistrationRowError, {
    nullable: true,
    description: 'Why the row was refused; null when registered.',
  })
  error!: BulkRegistrationRowError | null;
}

@ObjectType('BulkRegistrationResult', {
  description:
    'What a bulk registration did: every good row registered (each with its `PilgrimRegistered` event), every bad row reported, one entry per input row in input order.',
})
export class BulkRegistrationResult {
  @Field(() => Int, { description: 'How many rows were registered.' })
  registeredCount!: number;

  @Field(() => Int, { description: 'How many rows were refused.' })
  failedCount!: number;

  @Field(() => [BulkRegistrationRow], { description: 'One outcome per input row, in input order.' })
  rows!: BulkRegistrationRow[];
}
