import { Connection, DateTimeScalar, Role } from '@umrah/subgraph-kit';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Pilgrim } from '../booking/pilgrim.type';
import { Company } from '../company/company.type';
import { ComplaintCategory, ComplaintChannel, ComplaintStatus } from './complaint.rules';

export { ComplaintCategory, ComplaintChannel, ComplaintStatus };

registerEnumType(ComplaintCategory, {
  name: 'ComplaintCategory',
  description: 'What a complaint is about; each category has its own SLA (see `compliancePolicy`).',
  valuesConfig: {
    ACCOMMODATION: { description: 'Housing: the hotel, the room, its distance from the Haram, as sold or not.' },
    TRANSPORT: { description: 'Buses and transfers: missing, late, unsafe or not as sold.' },
    CATERING: { description: 'Meals (إعاشة): missing, insufficient or unsafe.' },
    ENRICHMENT: { description: 'Guided visits (ziyarat, إثراء) not given as sold.' },
    HEALTH_AND_SAFETY: { description: 'A danger to pilgrims’ health or safety; the shortest SLA.' },
    SERVICE_QUALITY: { description: 'Conduct of staff, guidance and care of the pilgrims.' },
    FINANCIAL: { description: 'Prices, charges and refunds.' },
    VISA_AND_DOCUMENTS: { description: 'Visas, passports and papers held by the company or its agent.' },
    OTHER: { description: 'Anything else.' },
  },
});

registerEnumType(ComplaintStatus, {
  name: 'ComplaintStatus',
  description:
    'Where a complaint stands: OPEN when filed; IN_PROGRESS once the party complained about answers; ESCALATED by a ministry officer (then only the ministry closes it); RESOLVED, with a resolution, is final.',
  valuesConfig: {
    OPEN: { description: 'Filed; nobody has answered yet. The SLA clock runs.' },
    IN_PROGRESS: { description: 'The party complained about has answered and is dealing with it. The clock runs.' },
    ESCALATED: { description: 'Taken up by the ministry (e.g. sent to a field committee). The clock runs.' },
    RESOLVED: { description: 'Closed with a resolution; final. The clock stops.' },
  },
});

registerEnumType(ComplaintChannel, {
  name: 'ComplaintChannel',
  description: 'Who took the complaint.',
  valuesConfig: {
    MINISTRY_HOTLINE: { description: 'The ministry’s hotline or field staff (filed by an officer).' },
    COMPANY: { description: 'A licensed company, about a service provider it uses.' },
    AGENT: { description: 'An external agent, for its pilgrims.' },
  },
});

@ObjectType('ComplaintStatusChange', { description: 'One step of a complaint’s history: who did what, when.' })
export class ComplaintStatusChange {
  @Field(() => ID, { description: 'Stable identifier of the step.' })
  id!: string;

  @Field(() => ComplaintStatus, { nullable: true, description: 'Status before the step; null for the filing.' })
  fromStatus!: ComplaintStatus | null;

  @Field(() => ComplaintStatus, { description: 'Status after the step (the same when only an answer was added).' })
  toStatus!: ComplaintStatus;

  @Field(() => String, { nullable: true, description: 'What was said or decided at this step.' })
  note!: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Account that took the step; null when the system did (demo data).',
  })
  changedBy!: string | null;

  @Field(() => Role, { nullable: true, description: 'Role of that account when it took the step.' })
  changedByRole!: Role | null;

  @Field(() => DateTimeScalar, { description: 'When the step was taken.' })
  changedAt!: Date;
}

@ObjectType('Complaint', {
  description:
    'A complaint against a licensed company or a service provider, with its SLA clock (a due time set by its category when filed). Readable by the ministry, by the party complained about (managers of the company, or the provider), and by whoever filed it (the filing company’s managers or the agent).',
})
export class Complaint {
  @Field(() => ID, { description: 'Stable identifier of the complaint.' })
  id!: string;

  @Field(() => ComplaintCategory, { description: 'What the complaint is about.' })
  category!: ComplaintCategory;

  @Field(() => String, { description: 'The complaint in the filer’s words, 10 to 2,000 characters.' })
  description!: string;

  @Field(() => String, { description: 'City where it happened, e.g. Makkah, Madinah or Jeddah.' })
  city!: string;

  @Field(() => String, { nullable: true, description: 'The site: a hotel, a stop, a street; null when not given.' })
  site!: string | null;

  @Field(() => ComplaintStatus, { description: 'Where the complaint stands.' })
  status!: ComplaintStatus;

  @Field(() => ComplaintChannel, { description: 'Who took the complaint.' })
  channel!: ComplaintChannel;

  @Field(() => Company, {
    nullable: true,
    description: 'The company complained about; null when the complaint is against a provider.',
  })
  company!: Company | null;

  /** The provider complained about, resolved by a batched field resolver. */
  providerId!: string | null;

  @Field(() => Pilgrim, {
    nullable: true,
    description: 'The pilgrim concerned, when one was named; null when none or not yours to see.',
  })
  pilgrim!: Pilgrim | null;

  @Field(() => DateTimeScalar, { description: 'When the complaint was filed; the SLA clock starts here.' })
  filedAt!: Date;

  @Field(() => Int, { description: 'Hours the category’s SLA allowed when the complaint was filed.' })
  slaHours!: number;

  @Field(() => DateTimeScalar, { description: 'When the complaint must be resolved by: filing time plus the SLA.' })
  slaDueAt!: Date;

  @Field(() => Boolean, {
    description:
      'True when the SLA was missed: still unresolved after `slaDueAt`, or resolved late. Each breach counts once against the party’s compliance score.',
  })
  slaBreached!: boolean;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When the breach was counted (the due time it passed); null while none was counted.',
  })
  slaBreachedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'How the complaint was resolved; null until it is.' })
  resolution!: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'The ministry’s finding when an officer resolved it: true when upheld (it counts against the party), false when not; null when the party resolved it itself or it is not resolved.',
  })
  upheld!: boolean | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the complaint was resolved; null until it is.' })
  resolvedAt!: Date | null;
}

export const ComplaintConnection = Connection(Complaint, 'Complaint', 'complaint');
