import { DateScalar } from '@umrah/subgraph-kit';
import { Field, ID, InputType } from 'type-graphql';
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
