import { DateScalar } from '@umrah/subgraph-kit';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';

export enum LicenseStatus {
  ACTIVE = 'ACTIVE',
  SUSPENDED = 'SUSPENDED',
  REVOKED = 'REVOKED',
  EXPIRED = 'EXPIRED',
}

registerEnumType(LicenseStatus, {
  name: 'LicenseStatus',
  description: 'Whether a licence lets its holder operate today.',
  valuesConfig: {
    ACTIVE: { description: 'In force: the company may take new work.' },
    SUSPENDED: { description: 'Suspended by the ministry until the end of a cure period: no new work.' },
    REVOKED: { description: 'Cancelled by the ministry for good.' },
    EXPIRED: { description: 'Past its expiry date without renewal; read as expired without anyone acting.' },
  },
});

@ObjectType('License', { description: 'A ministry licence to operate Umrah services.' })
export class License {
  @Field(() => ID, { description: 'Stable identifier of the licence.' })
  id!: string;

  @Field(() => String, { description: 'Licence number as printed on the licence.' })
  number!: string;

  @Field(() => LicenseStatus, { description: 'Status today; EXPIRED is derived from the expiry date.' })
  status!: LicenseStatus;

  @Field(() => DateScalar, { description: 'Date the licence was issued.' })
  issuedOn!: string;

  @Field(() => DateScalar, { description: 'Date the licence expires unless renewed.' })
  expiresOn!: string;

  @Field(() => DateScalar, { nullable: true, description: 'End of the cure period while suspended.' })
  suspendedUntil!: string | null;
}
