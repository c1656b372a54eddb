import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Owned by the companies subgraph; here only as the reference a pilgrim carries. */
@ObjectType('ExternalAgent', {
  description: 'A travel agency abroad that collects pilgrims for Saudi companies under an agency contract.',
})
@Directive('@key(fields: "id", resolvable: false)')
export class ExternalAgent {
  @Field(() => ID, { description: 'Stable identifier of the agent.' })
  id!: string;
}

export const agentRef = (id: string): ExternalAgent => Object.assign(new ExternalAgent(), { id });
