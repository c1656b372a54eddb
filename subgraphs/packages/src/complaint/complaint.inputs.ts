import { Field, ID, InputType } from 'type-graphql';
import { ComplaintCategory, ComplaintChannel, ComplaintStatus } from './complaint.type';

@InputType('FileComplaintInput', {
  description: 'A complaint against one company or one service provider (give exactly one of the two).',
})
export class FileComplaintInput {
  @Field(() => ID, {
    nullable: true,
    description:
      'The company complained about (the ministry and agents). A company files complaints about providers only.',
  })
  companyId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The service provider complained about.' })
  providerId?: string | null;

  @Field(() => ComplaintCategory, { description: 'What it is about; sets the SLA.' })
  category!: ComplaintCategory;

  @Field(() => String, { description: 'What happened, 10 to 2,000 characters.' })
  description!: string;

  @Field(() => String, { description: 'City where it happened, 2 to 60 characters (e.g. Makkah).' })
  city!: string;

  @Field(() => String, { nullable: true, description: 'The site (a hotel, a stop, a street), 2 to 200 characters.' })
  site?: string | null;

  @Field(() => ID, { nullable: true, description: 'The pilgrim concerned, if the complaint is about one.' })
  pilgrimId?: string | null;
}

@InputType('ComplaintFilter', { description: 'Conditions the complaints must meet; all that are given apply.' })
export class ComplaintFilter {
  @Field(() => [ComplaintStatus], { nullable: true, description: 'Only complaints in one of these statuses.' })
  statuses?: ComplaintStatus[] | null;

  @Field(() => ComplaintCategory, { nullable: true, description: 'Only complaints of this category.' })
  category?: ComplaintCategory | null;

  @Field(() => ComplaintChannel, { nullable: true, description: 'Only complaints taken through this channel.' })
  channel?: ComplaintChannel | null;

  @Field(() => ID, { nullable: true, description: 'Only complaints against this company.' })
  companyId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only complaints against this provider.' })
  providerId?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'True: only complaints that missed their SLA; false: only those that have not (yet).',
  })
  slaBreached?: boolean | null;
}
