import { DateScalar } from '@umrah/subgraph-kit';
import { Field, Int, ObjectType } from 'type-graphql';
import { Company } from '../company/company.type';
import { NationalityCount, VisaStatus, VisaStatusCount } from '../visa/visa.type';

@ObjectType('CompanyVisaCount', { description: 'One company’s visa figures in a season.' })
export class CompanyVisaCount {
  @Field(() => Company, { description: 'The company.' })
  company!: Company;

  @Field(() => Int, { description: 'Applications in all statuses.' })
  total!: number;

  @Field(() => Int, { description: 'Visas issued (issued, used, expired or overstayed).' })
  issued!: number;

  @Field(() => Int, { description: 'Pilgrims in the Kingdom now (arrived or overstaying).' })
  inKingdomNow!: number;

  @Field(() => Int, { description: 'Pilgrims who overstayed, including those who left late.' })
  overstays!: number;
}

@ObjectType('VisaDayCount', { description: 'How many applications reached a status on one day (Riyadh time).' })
export class VisaDayCount {
  @Field(() => DateScalar, { description: 'The day.' })
  day!: string;

  @Field(() => VisaStatus, { description: 'The status reached.' })
  status!: VisaStatus;

  @Field(() => Int, { description: 'Applications that reached it that day.' })
  count!: number;
}

@ObjectType('VisaStatistics', {
  description:
    'Visa figures of a season, for the ministry (all companies or one) or a company manager (their own company). Read from aggregates maintained with every change, so they cost the same at any volume.',
})
export class VisaStatistics {
  @Field(() => String, { description: 'The season (Hijri year).' })
  season!: string;

  @Field(() => Company, {
    nullable: true,
    description: 'The company the figures are limited to; null for all companies.',
  })
  company!: Company | null;

  @Field(() => Int, { description: 'Applications in all statuses.' })
  total!: number;

  @Field(() => [VisaStatusCount], { description: 'Count per status, in workflow order, zeros included.' })
  byStatus!: VisaStatusCount[];

  @Field(() => [NationalityCount], { description: 'Count per nationality, largest first (seed 003’s table).' })
  byNationality!: NationalityCount[];

  @Field(() => Int, { description: 'Pilgrims in the Kingdom now (arrived or overstaying).' })
  inKingdomNow!: number;

  @Field(() => Int, { description: 'Pilgrims who overstayed, including those who left late.' })
  overstays!: number;

  /** Not a field: the company filter, or null. */
  companyId!: string | null;
}
