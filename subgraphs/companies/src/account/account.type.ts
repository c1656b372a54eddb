import { Connection, DateTimeScalar, Role } from '@umrah/subgraph-kit';
import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { ApiScope } from '../api-client/api-scope';

export enum ViewerKind {
  PERSON = 'PERSON',
  API_CLIENT = 'API_CLIENT',
}

registerEnumType(ViewerKind, {
  name: 'ViewerKind',
  description: 'Whether the caller is a person signed in with a password or a third party’s API client.',
  valuesConfig: {
    PERSON: { description: 'A person signed in with email and password.' },
    API_CLIENT: { description: 'Software of a third party, signed in with a client id and secret.' },
  },
});

@ObjectType('Viewer', {
  description:
    'The caller and the party it acts for: a person’s account, or an API client (which acts with the role and slice of the company, agent or provider that owns it).',
})
export class Viewer {
  @Field(() => ID, { description: 'Account id, or the API client’s id for a client token.' })
  id!: string;

  @Field(() => ViewerKind, { description: 'A person or an API client.' })
  kind!: ViewerKind;

  @Field(() => String, {
    description: 'What the caller signs in with: a person’s email, or an API client’s client id.',
  })
  email!: string;

  @Field(() => String, { description: 'Name shown in the app (the client’s name for an API client).' })
  displayName!: string;

  @Field(() => Role, { description: 'What kind of party this account acts for; decides what it may see and do.' })
  role!: Role;

  @Field(() => [ApiScope], { description: 'An API client’s scopes; empty for a person (the role alone decides).' })
  scopes!: ApiScope[];

  companyId!: string | null;
  agentId!: string | null;
  providerId!: string | null;
}

@InputType('LoginInput', { description: 'Credentials of a person signing in.' })
export class LoginInput {
  @Field(() => String, { description: 'Sign-in email (case does not matter).' })
  email!: string;

  @Field(() => String, { description: 'Password.' })
  password!: string;
}

@ObjectType('LoginPayload', { description: 'A short-lived access token for the signed-in account.' })
export class LoginPayload {
  @Field(() => String, { description: 'Bearer token to send as `Authorization: Bearer <token>`.' })
  accessToken!: string;

  @Field(() => DateTimeScalar, {
    description: 'When the token stops working (15 minutes by default); sign in again after it.',
  })
  expiresAt!: Date;

  @Field(() => Viewer, { description: 'The account that signed in.' })
  viewer!: Viewer;
}

export enum AccountStatus {
  ACTIVE = 'ACTIVE',
  DISABLED = 'DISABLED',
}

registerEnumType(AccountStatus, {
  name: 'AccountStatus',
  description: 'Whether an account may sign in.',
  valuesConfig: {
    ACTIVE: { description: 'May sign in.' },
    DISABLED: {
      description:
        'Disabled: cannot sign in, and tokens issued before are refused (elsewhere they expire within minutes).',
    },
  },
});

@ObjectType('Account', {
  description:
    'A person’s sign-in account. The ministry sees every account; a company manager sees the accounts of their own company.',
})
export class Account {
  @Field(() => ID, { description: 'Stable identifier of the account.' })
  id!: string;

  @Field(() => String, { description: 'Sign-in email, lower-case, unique.' })
  email!: string;

  @Field(() => String, { description: 'Name shown in the app.' })
  displayName!: string;

  @Field(() => Role, { description: 'The kind of party the account acts for.' })
  role!: Role;

  @Field(() => AccountStatus, { description: 'Whether the account may sign in.' })
  status!: AccountStatus;

  @Field(() => DateTimeScalar, { description: 'When the account was created.' })
  createdAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the account was disabled, if it is.' })
  disabledAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Why the account was disabled, if it is.' })
  disabledReason!: string | null;

  companyId!: string | null;
  agentId!: string | null;
  providerId!: string | null;
}

export const AccountConnection = Connection(Account, 'Account', 'account');
