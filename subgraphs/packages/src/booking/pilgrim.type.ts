import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * Owned by the pilgrims subgraph; this subgraph adds the pilgrim's booking. Resolvable here by id
 * (not `resolvable: false`), because a subgraph that adds a field must be reachable by the key.
 */
@ObjectType('Pilgrim', {
  description:
    'A person registered for Umrah by a licensed company, usually through an external agent. Readable by the ministry, by managers of the company and by the agent who registered the pilgrim.',
})
@Directive('@key(fields: "id")')
export class Pilgrim {
  @Field(() => ID, { description: 'Stable identifier of the pilgrim.' })
  id!: string;
}

export const pilgrimRef = (id: string): Pilgrim => Object.assign(new Pilgrim(), { id });
