import { registerEnumType } from 'type-graphql';

/** What an API client's token may do, within what its owning party may do. */
export enum ApiScope {
  READ = 'READ',
  WRITE = 'WRITE',
}

registerEnumType(ApiScope, {
  name: 'ApiScope',
  description:
    'A permission granted to an API client; its token carries the scopes and never more than its party’s rights.',
  valuesConfig: {
    READ: { description: 'Read the owning party’s data (its company, agent or provider slice of the graph).' },
    WRITE: { description: 'Make the changes the owning party may make (register pilgrims, submit contracts, …).' },
  },
});

export const API_SCOPES = Object.values(ApiScope);
