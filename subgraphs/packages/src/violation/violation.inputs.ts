import { Field, ID, InputType, Int } from 'type-graphql';
import { PartyKind } from '../compliance/compliance.type';
import { ViolationSource, ViolationStatus, ViolationType } from './violation.type';

@InputType('RecordViolationInput', {
  description:
    'A violation an officer records directly, against one company or one provider (give one; with a complaint, its party is taken when neither is given).',
})
export class RecordViolationInput {
  @Field(() => ID, { nullable: true, description: 'The company it is against.' })
  companyId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The provider it is against.' })
  providerId?: string | null;

  @Field(() => ViolationType, {
    description: 'The kind of violation; not OVERSTAY (those come from the overstay detection, one per pilgrim).',
  })
  type!: ViolationType;

  @Field(() => Int, { description: 'The fine in halalas, 0 to 5,000,000 (SAR 50,000).' })
  fineHalalas!: number;

  @Field(() => String, { description: 'What was found, 3 to 2,000 characters.' })
  details!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The complaint it follows from; required for COMPLAINT_UPHELD (a complaint resolved as upheld).',
  })
  complaintId?: string | null;
}

@InputType('InspectionViolationInput', { description: 'A violation found during a field inspection.' })
export class InspectionViolationInput {
  @Field(() => ViolationType, { description: 'The kind of violation; not OVERSTAY.' })
  type!: ViolationType;

  @Field(() => Int, { description: 'The fine in halalas, 0 to 5,000,000 (SAR 50,000).' })
  fineHalalas!: number;

  @Field(() => String, { description: 'What was found, 3 to 2,000 characters.' })
  details!: string;

  @Field(() => PartyKind, {
    nullable: true,
    description:
      'Whom it is against: the inspection’s company or its provider. Required when the inspection names both.',
  })
  against?: PartyKind | null;
}

@InputType('ViolationFilter', { description: 'Conditions the violations must meet; all that are given apply.' })
export class ViolationFilter {
  @Field(() => [ViolationStatus], { nullable: true, description: 'Only violations in one of these statuses.' })
  statuses?: ViolationStatus[] | null;

  @Field(() => ViolationType, { nullable: true, description: 'Only violations of this type.' })
  type?: ViolationType | null;

  @Field(() => ViolationSource, { nullable: true, description: 'Only violations found this way.' })
  source?: ViolationSource | null;

  @Field(() => ID, { nullable: true, description: 'Only violations against this company.' })
  companyId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only violations against this provider.' })
  providerId?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'True: only OPEN violations past their cure period; false: only those that are not.',
  })
  cureOverdue?: boolean | null;
}
