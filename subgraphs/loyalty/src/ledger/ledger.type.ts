import { Connection, DateScalar, DateTimeScalar } from '@umrah/subgraph-kit';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { LoyaltyTier } from '../loyalty-account/tier';

export enum LedgerEntryKind {
  EARN = 'EARN',
  REDEEM = 'REDEEM',
  REFUND = 'REFUND',
  EXPIRE = 'EXPIRE',
  ADJUST = 'ADJUST',
}

export enum LedgerEntryCause {
  OPENING_BALANCE = 'OPENING_BALANCE',
  PILGRIM_REGISTERED = 'PILGRIM_REGISTERED',
  VISA_ISSUED = 'VISA_ISSUED',
  REDEMPTION_REQUESTED = 'REDEMPTION_REQUESTED',
  REDEMPTION_REJECTED = 'REDEMPTION_REJECTED',
  REDEMPTION_CANCELLED = 'REDEMPTION_CANCELLED',
  POINTS_EXPIRED = 'POINTS_EXPIRED',
  OFFICER_ADJUSTMENT = 'OFFICER_ADJUSTMENT',
}

registerEnumType(LedgerEntryKind, {
  name: 'LoyaltyLedgerEntryKind',
  description: 'What a ledger entry did to the balance.',
  valuesConfig: {
    EARN: { description: 'Points earned (positive).' },
    REDEEM: { description: 'Points held for a reward the company requested (negative).' },
    REFUND: { description: 'Held points given back when a request was rejected or cancelled (positive).' },
    EXPIRE: { description: 'Points that reached their expiry date unused (negative).' },
    ADJUST: { description: 'A correction by a ministry officer, with its reason (either sign).' },
  },
});

registerEnumType(LedgerEntryCause, {
  name: 'LoyaltyLedgerEntryCause',
  description: 'Why a ledger entry was written.',
  valuesConfig: {
    OPENING_BALANCE: { description: 'Points the company brought when its account was opened.' },
    PILGRIM_REGISTERED: { description: 'A pilgrim was registered through the platform.' },
    VISA_ISSUED: { description: 'A visa was issued (the season’s bonus).' },
    REDEMPTION_REQUESTED: { description: 'The company requested a reward.' },
    REDEMPTION_REJECTED: { description: 'The programme staff rejected a request.' },
    REDEMPTION_CANCELLED: { description: 'The company cancelled a request before it was decided.' },
    POINTS_EXPIRED: { description: 'Points reached their expiry date.' },
    OFFICER_ADJUSTMENT: { description: 'A ministry officer corrected the balance.' },
  },
});

@ObjectType('LoyaltyLedgerEntry', {
  description:
    'One line of an account’s ledger (append-only). The balance after each line is the sum of all lines up to it.',
})
export class LoyaltyLedgerEntry {
  @Field(() => ID, { description: 'Stable identifier of the entry.' })
  id!: string;

  @Field(() => Int, { description: 'Line number within the account’s ledger, from 1, without gaps.' })
  line!: number;

  @Field(() => LedgerEntryKind, { description: 'What the entry did to the balance.' })
  kind!: LedgerEntryKind;

  @Field(() => LedgerEntryCause, { description: 'Why it was written.' })
  cause!: LedgerEntryCause;

  @Field(() => Int, { description: 'Points added (positive) or taken (negative).' })
  points!: number;

  @Field(() => Int, { description: 'Balance right after this entry.' })
  balanceAfter!: number;

  @Field(() => DateTimeScalar, {
    description: 'When what it records happened (the registration, the request, the expiry date).',
  })
  occurredAt!: Date;

  @Field(() => DateTimeScalar, { description: 'When the entry was written.' })
  recordedAt!: Date;

  @Field(() => String, {
    description:
      'The source that makes the entry unique in its account: `pilgrims:<event id>` for points earned from an event, `redemption:<id>:hold|refund`, `expiry:<lot>:<n>`, `adjustment:<id>`.',
  })
  source!: string;

  @Field(() => ID, { nullable: true, description: 'The event the points were earned from, if any.' })
  sourceEventId!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'What the entry is about: the pilgrim (registration) or visa application (issued visa) id.',
  })
  reference!: string | null;

  @Field(() => ID, { nullable: true, description: 'The earning rules version applied, for earned points.' })
  ruleId!: string | null;

  @Field(() => LoyaltyTier, { nullable: true, description: 'The company’s tier when it earned these points.' })
  tier!: LoyaltyTier | null;

  @Field(() => Int, { nullable: true, description: 'The tier multiplier applied, in percent.' })
  multiplierPercent!: number | null;

  @Field(() => ID, { nullable: true, description: 'The redemption this entry holds or refunds points for.' })
  redemptionId!: string | null;

  @Field(() => String, { nullable: true, description: 'The officer’s reason, for adjustments.' })
  reason!: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'For credits: the day these points expire unless redeemed first.',
  })
  expiresOn!: string | null;
}

export const LoyaltyLedgerEntryConnection = Connection(LoyaltyLedgerEntry, 'LoyaltyLedgerEntry', 'ledger entry');

@ObjectType('LoyaltyExpiry', { description: 'Points that expire on one day unless redeemed first.' })
export class LoyaltyExpiry {
  @Field(() => DateScalar, { description: 'The day the points expire (Riyadh calendar).' })
  expiresOn!: string;

  @Field(() => Int, { description: 'Points that expire that day.' })
  points!: number;
}

@ObjectType('LoyaltyStatement', {
  description: 'An account’s statement for a period: balances at both ends and every entry recorded in it, as CSV.',
})
export class LoyaltyStatement {
  @Field(() => DateScalar, { description: 'First day of the period (Riyadh).' })
  from!: string;

  @Field(() => DateScalar, { description: 'Last day of the period (Riyadh).' })
  to!: string;

  @Field(() => Int, { description: 'Balance before the first entry of the period.' })
  openingBalance!: number;

  @Field(() => Int, { description: 'Balance after the last entry of the period.' })
  closingBalance!: number;

  @Field(() => Int, { description: 'Entries recorded in the period.' })
  entryCount!: number;

  @Field(() => String, {
    description:
      'The entries as RFC 4180 CSV (UTF-8, CRLF), one per row in ledger order, with the header `line,recorded_at,occurred_at,kind,cause,points,balance_after,source,reference,rule_version,tier,multiplier_percent,expires_on,reason`.',
  })
  csv!: string;
}
