export { bootGraph, bootSubgraph } from './boot';
export type { BootOptions, TestGraph, TestSubgraph } from './boot';
export { codes, postGraphQL } from './client';
export { licensedCompany } from './companies-feed';
export type { Caller, GraphQLResponse } from './client';
export { openTestDatabase } from './database';
export { as, testSigningKey, testVerifier, tokenFor } from './identity';
export { undocumented } from './schema';
