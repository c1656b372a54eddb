import { useSyncExternalStore } from 'react';

// The access token lives in sessionStorage: it survives a reload but not the tab, and a short
// lifetime limits what a stolen one is worth.
const TOKEN_KEY = 'umrah.accessToken';
const EXPIRES_KEY = 'umrah.accessTokenExpiresAt';

export interface Session {
  token: string;
  expiresAt: string;
}

/** Why the last session ended, so the sign-in page can say so. */
export type SessionEndReason = 'signedOut' | 'expired';

type Listener = () => void;
const listeners = new Set<Listener>();
let snapshot: Session | null | undefined;
let lastEndReason: SessionEndReason | null = null;

function read(): Session | null {
  try {
    const token = sessionStorage.getItem(TOKEN_KEY);
    const expiresAt = sessionStorage.getItem(EXPIRES_KEY);
    if (!token || !expiresAt) return null;
    if (Date.parse(expiresAt) <= Date.now()) return null;
    return { token, expiresAt };
  } catch {
    return null;
  }
}

function emit(): void {
  snapshot = read();
  for (const listener of listeners) listener();
}

/** The live session for a request; an expired token is never sent (the server would refuse it). */
export function getSession(): Session | null {
  return read();
}

export function startSession(session: Session): void {
  sessionStorage.setItem(TOKEN_KEY, session.token);
  sessionStorage.setItem(EXPIRES_KEY, session.expiresAt);
  lastEndReason = null;
  emit();
}

export function endSession(reason: SessionEndReason): void {
  const hadSession = read() !== null;
  sessionStorage.removeItem(TOKEN_KEY);
  sessionStorage.removeItem(EXPIRES_KEY);
  if (hadSession || reason === 'expired') lastEndReason = reason;
  emit();
}

/** Reads and forgets why the last session ended. */
export function takeSessionEndReason(): SessionEndReason | null {
  const reason = lastEndReason;
  lastEndReason = null;
  return reason;
}

function subscribe(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function getSnapshot(): Session | null {
  if (snapshot === undefined) snapshot = read();
  return snapshot;
}

export function useSession(): Session | null {
  return useSyncExternalStore(subscribe, getSnapshot);
}
