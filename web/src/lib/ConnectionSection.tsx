import type { ReactNode } from 'react';
import { ConnectionFooter } from './ConnectionFooter';
import { QueryError } from './QueryError';
import type { ConnectionState } from './useConnection';

interface ConnectionSectionProps {
  list: ConnectionState<unknown>;
  onExport: () => void;
  /** The table showing `list.rows`. */
  children: ReactNode;
}

/**
 * The states every list page shares: an error instead of the table when nothing loaded, an error
 * above the rows when a later page failed, and the count / load-more / export footer.
 */
export function ConnectionSection({ list, onExport, children }: ConnectionSectionProps) {
  if (list.error && !list.hasData) return <QueryError error={list.error} onRetry={list.refetch} />;
  return (
    <>
      {Boolean(list.error) && <QueryError error={list.error} onRetry={list.refetch} />}
      {children}
      <ConnectionFooter
        loaded={list.rows.length}
        total={list.totalCount}
        hasNextPage={list.hasNextPage}
        loadingMore={list.loadingMore}
        onLoadMore={list.loadMore}
        onExport={onExport}
      />
    </>
  );
}
