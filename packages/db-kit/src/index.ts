export { openDatabase, Migration } from './database';
export type { Database, DatabaseOptions, MigrationClass } from './database';
export { uuidv7, isUuid } from './ids';
export { LockMode, UniqueConstraintViolationException, defineEntity, p } from '@mikro-orm/core';
export type { EntityManager } from '@mikro-orm/sql';
