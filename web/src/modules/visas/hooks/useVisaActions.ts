import { useMutation } from '@apollo/client/react';
import {
  ApproveVisaApplicationDocument,
  CancelVisaApplicationDocument,
  RecordArrivalDocument,
  RecordDepartureDocument,
  RejectVisaApplicationDocument,
  RetryVisaProcessingDocument,
  type RecordArrivalInput,
  type RecordDepartureInput,
} from '@/generated/graphql';

// The mutations return the whole application (status, facts, timeline), which updates the page in
// the cache; the lists, counts and the pilgrims page are asked again.
const REFETCH = ['VisaApplications', 'VisaPipelineStatistics', 'VisaDashboard', 'Pilgrims'];

/** The workflow's steps for one application; each rejects with the API's refusal. */
export function useVisaActions() {
  const options = { refetchQueries: REFETCH };
  const [approve] = useMutation(ApproveVisaApplicationDocument, options);
  const [reject] = useMutation(RejectVisaApplicationDocument, options);
  const [cancel] = useMutation(CancelVisaApplicationDocument, options);
  const [retry] = useMutation(RetryVisaProcessingDocument, options);
  const [arrival] = useMutation(RecordArrivalDocument, options);
  const [departure] = useMutation(RecordDepartureDocument, options);
  return {
    approve: (id: string) => approve({ variables: { id } }),
    reject: (id: string, reason: string) => reject({ variables: { id, reason } }),
    cancel: (id: string, reason: string) => cancel({ variables: { id, reason } }),
    retry: (id: string) => retry({ variables: { id } }),
    recordArrival: (id: string, input: RecordArrivalInput) => arrival({ variables: { id, input } }),
    recordDeparture: (id: string, input: RecordDepartureInput) => departure({ variables: { id, input } }),
  };
}
