import 'reflect-metadata';

export {
  Role,
  TOKEN_AUDIENCE,
  TOKEN_ISSUER,
  createTokenVerifier,
  generateSigningKey,
  issueToken,
  parseSigningKey,
  parseTrustedKeys,
  publicKeySet,
} from './auth';
export type { IssuedToken, SigningKey, TokenVerifier, Viewer } from './auth';
export {
  ALL_ROLES,
  MINISTRY_ROLES,
  authChecker,
  canSeeCompanyData,
  isMinistry,
  requireViewer,
  scopeAllows,
} from './access';
export { Loaders } from './context';
export type { SubgraphContext } from './context';
export { AppError, CommonErrorCode, badInput, forbidden, formatError, unauthenticated } from './errors';
export { buildFederatedSchema } from './federation';
export type { FederatedSchema, FederatedSchemaOptions, ReferenceResolver } from './federation';
export { devSubgraphSecret, parseEnv, subgraphEnvSchema } from './env';
export {
  Connection,
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  PageArgs,
  PageInfo,
  checkPageSize,
  countByParent,
  decodeCursor,
  encodeCursor,
  findPage,
  findPagesByParent,
  pagesByParent,
  selects,
  toPage,
} from './pagination';
export type { CountByParent, CountOf, Edge, Page } from './pagination';
export { SortDirection, columnSortKey, decodeSortCursor, encodeSortCursor, findSortedPage } from './sorting';
export type { SortKey, SortOp, SortOrder, SortValueKind } from './sorting';
export { DateScalar, DateTimeScalar } from './scalars';
export { SUBGRAPH_SECRET_HEADER, startSubgraph } from './server';
export type { RunningSubgraph, SubgraphOptions } from './server';
export { defineSubgraph } from './definition';
export type { EventConsumerSpec, FeedAddresses, SubgraphDefinition, SubgraphRuntime, SubgraphSpec } from './definition';
export { runSubgraph } from './main';
export { runWorkers } from './worker';
export type { BackgroundWorker, WorkerSet } from './worker';
export { AUDIT_LOG_SQL, AUDIT_RELAY_SQL, auditMutations, recordAudit } from './audit';
export {
  COMPANY_DIRECTORY_EVENTS,
  COMPANY_DIRECTORY_SQL,
  companyDirectoryHandler,
  companyNotFound,
  requireCompany,
  seedCompanyDirectory,
} from './company-directory';
