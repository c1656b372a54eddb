import type { RegisterPilgrimsRowInput } from '@/generated/graphql';

/** Rows per `registerPilgrims` call: small enough for a quick answer and a smooth progress bar. */
export const ROWS_PER_CALL = 100;

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The idempotency key of one call: derived from the file, the company and the rows sent (after
 * any fixes), so sending the same chunk again — a retry after a network error, a resumed import,
 * the same file uploaded twice — returns the first answer instead of registering twice, while a
 * changed row makes a new key.
 */
export async function chunkKey(
  fileHash: string,
  companyId: string | null,
  chunkIndex: number,
  rows: readonly RegisterPilgrimsRowInput[],
): Promise<string> {
  const hash = await sha256Hex(JSON.stringify([fileHash, companyId, chunkIndex, rows]));
  return `pilgrim-import-${hash}`;
}
