import { useApolloClient } from '@apollo/client/react';
import { useCallback, useRef, useState } from 'react';
import { RegisterPilgrimsDocument } from '@/generated/graphql';
import { chunk, chunkKey, ROWS_PER_CALL } from './importChunks';
import { toRowInput, type ImportRow } from './rowValidation';

/** The server's answer for one row of the file. */
export interface RowOutcome {
  pilgrimId: string | null;
  error: { code: string; message: string; field: string | null } | null;
}

export type RunStatus = 'idle' | 'running' | 'stopping' | 'stopped' | 'done' | 'failed';

export interface ImportRunState {
  status: RunStatus;
  /** Rows the server has answered for. */
  done: number;
  /** Rows to send in this run. */
  total: number;
  /** Answers by row id. */
  outcomes: ReadonlyMap<number, RowOutcome>;
  /** Why the last call failed as a whole (network, access, the company's licence). */
  error: unknown;
}

const IDLE: ImportRunState = { status: 'idle', done: 0, total: 0, outcomes: new Map(), error: null };

/**
 * Sends the rows in calls of ROWS_PER_CALL, one after another, each with its own idempotency key:
 * a stop waits for the call in flight (the server finishes it anyway), and running again skips
 * the answered chunks and re-sends the others with the same keys, so nothing registers twice.
 */
export function useImportRun(fileHash: string, companyId: string | null) {
  const client = useApolloClient();
  const [state, setState] = useState<ImportRunState>(IDLE);
  const stopRequested = useRef(false);
  const outcomes = useRef(new Map<number, RowOutcome>());

  const run = useCallback(
    async (rows: readonly ImportRow[]) => {
      stopRequested.current = false;
      const answered = () => rows.filter((row) => outcomes.current.has(row.id)).length;
      setState({ status: 'running', done: answered(), total: rows.length, outcomes: outcomes.current, error: null });
      const chunks = chunk(rows, ROWS_PER_CALL);
      for (const [index, part] of chunks.entries()) {
        if (part.every((row) => outcomes.current.has(row.id))) continue;
        if (stopRequested.current) {
          setState((s) => ({ ...s, status: 'stopped' }));
          return;
        }
        const inputs = part.map((row) => toRowInput(row.values));
        try {
          const idempotencyKey = await chunkKey(fileHash, companyId, index, inputs);
          const { data } = await client.mutate({
            mutation: RegisterPilgrimsDocument,
            variables: { input: { ...(companyId ? { companyId } : {}), rows: inputs }, idempotencyKey },
          });
          const next = new Map(outcomes.current);
          for (const answer of data?.registerPilgrims.rows ?? []) {
            const row = part[answer.index];
            if (row) next.set(row.id, { pilgrimId: answer.pilgrim?.id ?? null, error: answer.error });
          }
          outcomes.current = next;
          // The cached pilgrims list is stale now: the next visit reads it again.
          client.cache.evict({ id: 'ROOT_QUERY', fieldName: 'pilgrims' });
          setState((s) => ({ ...s, done: answered(), outcomes: next }));
        } catch (error) {
          setState((s) => ({ ...s, status: 'failed', error }));
          return;
        }
      }
      setState((s) => ({ ...s, status: 'done', done: answered() }));
    },
    [client, companyId, fileHash],
  );

  const stop = useCallback(() => {
    stopRequested.current = true;
    setState((s) => (s.status === 'running' ? { ...s, status: 'stopping' } : s));
  }, []);

  /** Forgets every answer: for a new file, or rows changed after a run. */
  const reset = useCallback(() => {
    stopRequested.current = false;
    outcomes.current = new Map();
    setState(IDLE);
  }, []);

  return { state, run, stop, reset };
}
