import { isUuid } from '@umrah/db-kit';
import type { Viewer } from '@umrah/subgraph-kit';
import { companyRef, type Company } from './company.type';

/**
 * The company registry lives in the companies subgraph; here a reference only anchors the fields
 * this subgraph adds, each of which checks access itself. Anonymous callers get nothing.
 */
export function companyReferences(viewer: Viewer | null, ids: readonly string[]): (Company | null)[] {
  return ids.map((id) => (viewer && isUuid(id) ? companyRef(id) : null));
}
