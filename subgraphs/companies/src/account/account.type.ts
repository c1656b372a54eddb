import { DateTimeScalar, Role } from '@umrah/subgraph-kit';
import { Field, ID, InputType, ObjectType } from 'type-graphql';

@ObjectType('Viewer', { description: 'The signed-in account and the party it acts for.' })
export class Viewer {
  @Field(() => ID, { description: 'Account id.' })
  id!: string;

  @Field(() => String, { description: 'Sign-in email.' })
  email!: string;

  @Field(() => String, { description: 'Name shown in the app.' })
  displayName!: string;

  @Field(() => Role, { description: 'What kind of party this account acts for; decides what it may see and do.' })
  role!: Role;

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

  @Field(() => DateTimeScalar, { description: 'When the token stops working; sign in again after it.' })
  expiresAt!: Date;

  @Field(() => Viewer, { description: 'The account that signed in.' })
  viewer!: Viewer;
}
