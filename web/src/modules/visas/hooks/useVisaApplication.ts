import { useQuery } from '@apollo/client/react';
import { useEffect } from 'react';
import { VisaApplicationDocument } from '@/generated/graphql';
import { pollIntervalFor } from '../lib/visaActions';

/**
 * One application, asked for again every second while it is in the automatic steps (approved,
 * paid, sent to MOFA) so the page shows it reach "issued"; every five seconds while a failed step
 * waits for its retry; not at all once it left those steps or stopped for the company.
 */
export function useVisaApplication(id: string) {
  const query = useQuery(VisaApplicationDocument, { variables: { id } });
  const { startPolling, stopPolling } = query;
  const visa = query.data?.visaApplication ?? null;
  const interval = visa ? pollIntervalFor(visa) : null;
  useEffect(() => {
    if (interval === null) return undefined;
    startPolling(interval);
    return () => stopPolling();
  }, [interval, startPolling, stopPolling]);
  return { ...query, visa, polling: interval !== null };
}
