import { Connection, DateScalar, DateTimeScalar, Role } from '@umrah/subgraph-kit';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Pilgrim } from '../booking/pilgrim.type';
import { Company } from '../company/company.type';
import { ViolationSource, ViolationStatus, ViolationType } from './violation.rules';

export { ViolationSource, ViolationStatus, ViolationType };

registerEnumType(ViolationType, {
  name: 'ViolationType',
  description: 'The kind of violation; with its fine it sets the violation’s weight in the compliance score.',
  valuesConfig: {
    OVERSTAY: {
      description:
        'A pilgrim stayed past the permitted stay (التخلف). Recorded automatically from the pilgrims registry, one per pilgrim, with the season’s fine (SAR 25,000 by default).',
    },
    HOUSING_NOT_AS_SOLD: { description: 'Accommodation other than the package sold (hotel, room, distance).' },
    NO_TRANSPORT: { description: 'Transport sold but not provided.' },
    UNLICENSED_HOUSING: { description: 'Pilgrims housed in unlicensed accommodation.' },
    CATERING_NOT_AS_SOLD: { description: 'Meals missing or not as sold.' },
    SERVICE_NOT_DELIVERED: { description: 'Another service of the package not delivered.' },
    UNLICENSED_OPERATION: { description: 'Operating without a valid licence (e.g. an unlicensed campaign).' },
    COMPLAINT_UPHELD: { description: 'A complaint the ministry upheld (names the complaint).' },
    OTHER: { description: 'Any other breach of the ministry’s requirements, described in the details.' },
  },
});

registerEnumType(ViolationStatus, {
  name: 'ViolationStatus',
  description:
    'Where a violation stands. OPEN → CURED (put right) or ESCALATED (cure period over, not put right: handed to licence action); any but CANCELLED → CANCELLED (recorded in error or overturned). CURED, ESCALATED and CANCELLED are final except that a cured or escalated violation may still be cancelled.',
  valuesConfig: {
    OPEN: { description: 'Recorded; the fine is owed and the cure period runs until `cureDueOn`.' },
    CURED: { description: 'An officer confirmed it was put right; the fine stays owed.' },
    ESCALATED: {
      description:
        'Not put right within the cure period: handed to licence action (suspension up to six months or cancellation, decided on the licence).',
    },
    CANCELLED: { description: 'Recorded in error or overturned: nothing is owed and it no longer counts.' },
  },
});

registerEnumType(ViolationSource, {
  name: 'ViolationSource',
  description: 'How the violation was found.',
  valuesConfig: {
    OVERSTAY_DETECTION: { description: 'The pilgrims registry’s daily overstay check.' },
    INSPECTION: { description: 'A field inspection (names it).' },
    OFFICER: { description: 'Recorded by an officer directly, e.g. after a complaint.' },
  },
});

@ObjectType('ViolationStatusChange', { description: 'One step of a violation’s history: who did what, when.' })
export class ViolationStatusChange {
  @Field(() => ID, { description: 'Stable identifier of the step.' })
  id!: string;

  @Field(() => ViolationStatus, { nullable: true, description: 'Status before the step; null for the recording.' })
  fromStatus!: ViolationStatus | null;

  @Field(() => ViolationStatus, { description: 'Status after the step.' })
  toStatus!: ViolationStatus;

  @Field(() => String, { nullable: true, description: 'The officer’s note or reason.' })
  note!: string | null;

  @Field(() => ID, { nullable: true, description: 'Account that took the step; null when the system did.' })
  changedBy!: string | null;

  @Field(() => Role, { nullable: true, description: 'Role of that account when it took the step.' })
  changedByRole!: Role | null;

  @Field(() => DateTimeScalar, { description: 'When the step was taken.' })
  changedAt!: Date;
}

@ObjectType('Violation', {
  description:
    'A violation recorded against a licensed company or a service provider, with its fine (integer halalas) and a cure period. Readable by the ministry and by the party it is against (the company’s managers, or the provider). Each is published as a `ViolationRecorded` event for the licence’s owner.',
})
export class Violation {
  @Field(() => ID, { description: 'Stable identifier of the violation.' })
  id!: string;

  @Field(() => ViolationType, { description: 'The kind of violation.' })
  type!: ViolationType;

  @Field(() => ViolationStatus, { description: 'Where it stands.' })
  status!: ViolationStatus;

  @Field(() => ViolationSource, { description: 'How it was found.' })
  source!: ViolationSource;

  @Field(() => Company, { nullable: true, description: 'The company it is against; null when against a provider.' })
  company!: Company | null;

  /** The provider it is against, resolved by a batched field resolver. */
  providerId!: string | null;
  inspectionId!: string | null;
  complaintId!: string | null;

  @Field(() => String, { description: 'What was found, in the officer’s (or the detection’s) words.' })
  details!: string;

  @Field(() => Int, {
    description:
      'The fine in halalas (SAR × 100): up to 5,000,000 (SAR 50,000) when set by an officer; an overstay’s is the season policy’s fine per pilgrim.',
  })
  fineHalalas!: number;

  @Field(() => Int, {
    description:
      'Its weight in the compliance score: the type’s gravity plus one point per SAR 5,000 of fine (counted while OPEN, doubled once ESCALATED, one point once CURED, none once CANCELLED).',
  })
  points!: number;

  @Field(() => Pilgrim, { nullable: true, description: 'The overstaying pilgrim (OVERSTAY); null otherwise.' })
  pilgrim!: Pilgrim | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The overstaying pilgrim’s visa application in the pilgrims registry (OVERSTAY); null otherwise.',
  })
  visaApplicationId!: string | null;

  @Field(() => String, { nullable: true, description: 'The Umrah season (Hijri year) of an overstay; null otherwise.' })
  season!: string | null;

  @Field(() => DateTimeScalar, { description: 'When it was recorded.' })
  recordedAt!: Date;

  @Field(() => DateScalar, {
    description: 'Last day of the cure period (the policy’s days, 30 by default, from the day it was found).',
  })
  cureDueOn!: string;

  @Field(() => Boolean, {
    description: 'True when it is still OPEN after `cureDueOn` (Riyadh calendar): due for escalation.',
  })
  cureOverdue!: boolean;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was cured, escalated or cancelled.' })
  closedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'The officer’s note when it was cured, escalated or cancelled.' })
  closeNote!: string | null;
}

export const ViolationConnection = Connection(Violation, 'Violation', 'violation');
