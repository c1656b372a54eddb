import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Owned by the companies subgraph; this subgraph adds the company's loyalty account. */
@ObjectType('Company', {
  description:
    'A Saudi company licensed to host Umrah pilgrims. Its registry entry (names, city, licence) is readable by every signed-in party; its business data (pilgrims, packages, points) only by the ministry and its own managers.',
})
@Directive('@key(fields: "id")')
export class Company {
  @Field(() => ID, { description: 'Stable identifier of the company.' })
  id!: string;
}

export const companyRef = (id: string): Company => Object.assign(new Company(), { id });
