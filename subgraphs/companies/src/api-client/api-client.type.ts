import { Connection, DateTimeScalar } from '@umrah/subgraph-kit';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { ApiScope } from './api-scope';

export enum ApiClientStatus {
  ACTIVE = 'ACTIVE',
  REVOKED = 'REVOKED',
}

registerEnumType(ApiClientStatus, {
  name: 'ApiClientStatus',
  description: 'Whether an API client may still obtain tokens.',
  valuesConfig: {
    ACTIVE: { description: 'Its current secret can be exchanged for tokens.' },
    REVOKED: { description: 'Revoked for good: its secret and tokens are refused.' },
  },
});

@ObjectType('ApiClient', {
  description:
    'Credentials a company, agent or provider gives its own software to call this API with the party’s slice. The secret is shown once, when created or rotated, and never again.',
})
export class ApiClient {
  @Field(() => ID, { description: 'Stable identifier; also the `sub` of the client’s tokens.' })
  id!: string;

  @Field(() => String, { description: 'Public client id (`ugc_…`), sent with the secret to `clientCredentialsToken`.' })
  clientId!: string;

  @Field(() => String, { description: 'A name the owner chose, to recognise the client.' })
  name!: string;

  @Field(() => [ApiScope], { description: 'What the client’s tokens may do, within the owning party’s rights.' })
  scopes!: ApiScope[];

  @Field(() => ApiClientStatus, { description: 'Active or revoked.' })
  status!: ApiClientStatus;

  @Field(() => DateTimeScalar, { description: 'When the client was created.' })
  createdAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When a token was last issued to the client, if ever.' })
  lastUsedAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the secret was last replaced, if ever.' })
  rotatedAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the client was revoked, if it was.' })
  revokedAt!: Date | null;

  companyId!: string | null;
  agentId!: string | null;
  providerId!: string | null;
}

export const ApiClientConnection = Connection(ApiClient, 'ApiClient', 'API client');

@ObjectType('ApiClientSecretPayload', {
  description: 'An API client with its secret in clear text: shown in this response only, store it now.',
})
export class ApiClientSecretPayload {
  @Field(() => ApiClient, { description: 'The client.' })
  client!: ApiClient;

  @Field(() => String, { description: 'The client secret (`ugs_…`). Only its hash is kept: it cannot be shown again.' })
  clientSecret!: string;

  // Not a field: lets the audit trail record the client as the mutation's target.
  id!: string;
}

@ObjectType('ClientCredentialsPayload', { description: 'A short-lived access token for an API client.' })
export class ClientCredentialsPayload {
  @Field(() => String, { description: 'Bearer token to send as `Authorization: Bearer <token>`.' })
  accessToken!: string;

  @Field(() => DateTimeScalar, { description: 'When the token stops working (15 minutes by default); exchange again.' })
  expiresAt!: Date;

  @Field(() => [ApiScope], { description: 'The scopes the token carries.' })
  scopes!: ApiScope[];
}
