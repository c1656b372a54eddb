import { Role } from '@umrah/subgraph-kit';
import { Field, ID, InputType } from 'type-graphql';

@InputType('CreateAccountInput', {
  description:
    'A new account, created by a ministry officer. A company manager names its company, an agent account its external agent, a provider account its service provider; ministry accounts name none.',
})
export class CreateAccountInput {
  @Field(() => String, { description: 'Sign-in email; unique (case does not matter).' })
  email!: string;

  @Field(() => String, { description: 'Name shown in the app, 2 to 100 characters.' })
  displayName!: string;

  @Field(() => Role, { description: 'The kind of party the account acts for.' })
  role!: Role;

  @Field(() => ID, { nullable: true, description: 'The company, for a COMPANY_MANAGER account only.' })
  companyId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The external agent, for an AGENT account only.' })
  agentId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The service provider, for a PROVIDER account only.' })
  providerId?: string | null;

  @Field(() => String, {
    description:
      'First password, handed to the person out of band: at least 12 characters mixing at least two of lower-case, capitals, digits and other characters.',
  })
  initialPassword!: string;
}

@InputType('AddStaffInput', { description: 'Another manager account for the caller’s own company.' })
export class AddStaffInput {
  @Field(() => String, { description: 'Sign-in email; unique (case does not matter).' })
  email!: string;

  @Field(() => String, { description: 'Name shown in the app, 2 to 100 characters.' })
  displayName!: string;

  @Field(() => String, {
    description: 'First password: at least 12 characters mixing at least two kinds of characters.',
  })
  initialPassword!: string;
}

@InputType('AccountActionInput', {
  description: 'An action on one account, with the reason recorded in the audit trail.',
})
export class AccountActionInput {
  @Field(() => ID, { description: 'The account’s id.' })
  id!: string;

  @Field(() => String, { description: 'Why, 3 to 1000 characters; kept in the audit trail.' })
  reason!: string;
}

@InputType('ChangePasswordInput', { description: 'A new password for the signed-in account.' })
export class ChangePasswordInput {
  @Field(() => String, { description: 'The password in use now.' })
  currentPassword!: string;

  @Field(() => String, {
    description: 'The new password: at least 12 characters mixing at least two kinds of characters.',
  })
  newPassword!: string;
}

@InputType('AccountFilter', { description: 'Narrows a list of accounts; all given conditions must hold.' })
export class AccountFilter {
  @Field(() => Role, { nullable: true, description: 'Only accounts of this role.' })
  role?: Role | null;

  @Field(() => ID, { nullable: true, description: 'Only accounts of this company.' })
  companyId?: string | null;
}
