import { DateScalar, SortDirection } from '@umrah/subgraph-kit';
import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { PortKind, VisaStatus } from './visa.type';

@InputType('RecordArrivalInput', { description: 'The pilgrim’s entry into the Kingdom.' })
export class RecordArrivalInput {
  @Field(() => DateScalar, {
    description: 'Day of entry: not before issuance, not after the visa’s last entry day, not in the future.',
  })
  arrivedOn!: string;

  @Field(() => String, {
    description: 'Port of entry, e.g. `JED` or “King Abdulaziz International Airport” (2–80 characters).',
  })
  port!: string;

  @Field(() => PortKind, { description: 'Kind of the port of entry.' })
  portKind!: PortKind;
}

@InputType('RecordDepartureInput', { description: 'The pilgrim’s departure from the Kingdom.' })
export class RecordDepartureInput {
  @Field(() => DateScalar, { description: 'Day of departure: not before entry, not in the future.' })
  departedOn!: string;

  @Field(() => String, { description: 'Port of exit (2–80 characters).' })
  port!: string;
}

@InputType('VisaApplicationFilter', { description: 'Conditions visa applications must meet; all given ones apply.' })
export class VisaApplicationFilter {
  @Field(() => [VisaStatus], { nullable: true, description: 'Only applications in one of these statuses.' })
  statuses?: VisaStatus[] | null;

  @Field(() => ID, { nullable: true, description: 'Only this company’s applications (the ministry’s filter).' })
  companyId?: string | null;

  @Field(() => String, { nullable: true, description: 'Only pilgrims of this nationality (ISO 3166-1 alpha-2).' })
  nationality?: string | null;

  @Field(() => String, { nullable: true, description: 'Only applications of this season (Hijri year).' })
  season?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Only applications whose pilgrim overstayed (true) or not (false).',
  })
  overstayed?: boolean | null;
}

export enum VisaApplicationOrderField {
  SUBMITTED_AT = 'SUBMITTED_AT',
  STATUS = 'STATUS',
  NATIONALITY = 'NATIONALITY',
  ISSUED_AT = 'ISSUED_AT',
  PROCESSING_TIME = 'PROCESSING_TIME',
  STAY_UNTIL = 'STAY_UNTIL',
}

registerEnumType(VisaApplicationOrderField, {
  name: 'VisaApplicationOrderField',
  description:
    'What a list of visa applications can be sorted by. Where a value is still missing (not issued, not arrived), it counts as the latest: last ascending, first descending.',
  valuesConfig: {
    SUBMITTED_AT: { description: 'When the application was submitted.' },
    STATUS: { description: 'Current status, by its code (alphabetical).' },
    NATIONALITY: { description: 'The pilgrim’s nationality, by ISO 3166-1 alpha-2 code.' },
    ISSUED_AT: { description: 'When the visa was issued; missing until then.' },
    PROCESSING_TIME: { description: 'Time from submission to issuance; missing until issuance.' },
    STAY_UNTIL: { description: 'Last day of the permitted stay; missing until arrival.' },
  },
});

@InputType('VisaApplicationOrder', {
  description: 'How to sort a list of visa applications; ties are broken by id, so pages never overlap or skip.',
})
export class VisaApplicationOrder {
  @Field(() => VisaApplicationOrderField, { description: 'What to sort by.' })
  field!: VisaApplicationOrderField;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: 'Ascending or descending.' })
  direction: SortDirection = SortDirection.ASC;
}
