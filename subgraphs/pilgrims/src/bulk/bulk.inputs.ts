import { Field, ID, InputType } from 'type-graphql';
import { PilgrimDetailsInput } from '../registration/registration.inputs';

/** Most pilgrims one `registerPilgrims` call takes; a longer list is sent in several calls. */
export const MAX_PILGRIMS_PER_CALL = 500;

@InputType('RegisterPilgrimsRowInput', {
  description:
    'One pilgrim of a bulk registration, as written in the passport. The same fields and rules as `RegisterPilgrimInput`, without the company and group, which the batch names once.',
})
export class RegisterPilgrimsRowInput extends PilgrimDetailsInput {}

@InputType('RegisterPilgrimsInput', {
  description: `A list of 1 to ${MAX_PILGRIMS_PER_CALL} pilgrims to register together, for one company and optionally one group.`,
})
export class RegisterPilgrimsInput {
  @Field(() => ID, {
    nullable: true,
    description:
      'Company that hosts every pilgrim of the list. An agent must name a company it has an agency contract in force with (or give a group); a manager may leave it out (their own company).',
  })
  companyId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'Group every pilgrim of the list travels in: for an agent one of its own groups, for a manager one of the company’s groups made by managers.',
  })
  groupId?: string | null;

  @Field(() => [RegisterPilgrimsRowInput], {
    description: `The pilgrims, 1 to ${MAX_PILGRIMS_PER_CALL}. Results and errors refer to them by their 0-based position in this list.`,
  })
  rows!: RegisterPilgrimsRowInput[];
}
