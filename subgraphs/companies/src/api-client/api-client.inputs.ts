import { Field, ID, InputType } from 'type-graphql';
import { ApiScope } from './api-scope';

@InputType('CreateApiClientInput', { description: 'A new API client for the caller’s own party.' })
export class CreateApiClientInput {
  @Field(() => String, { description: 'A name to recognise the client by, 2 to 100 characters.' })
  name!: string;

  @Field(() => [ApiScope], { description: 'What its tokens may do; at least one scope.' })
  scopes!: ApiScope[];
}

@InputType('RevokeApiClientInput', { description: 'Revokes an API client for good, with the reason.' })
export class RevokeApiClientInput {
  @Field(() => ID, { description: 'The client’s id (`ApiClient.id`).' })
  id!: string;

  @Field(() => String, { description: 'Why, 3 to 1000 characters; kept in the audit trail.' })
  reason!: string;
}

@InputType('ClientCredentialsInput', { description: 'An API client’s credentials.' })
export class ClientCredentialsInput {
  @Field(() => String, { description: 'The public client id (`ugc_…`).' })
  clientId!: string;

  @Field(() => String, { description: 'The client secret (`ugs_…`) shown when the client was created or rotated.' })
  clientSecret!: string;
}
