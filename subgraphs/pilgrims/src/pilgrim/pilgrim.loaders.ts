import type { SubgraphContext } from '@umrah/subgraph-kit';
import { pilgrimsByIds } from './pilgrim.service';
import type { Pilgrim } from './pilgrim.type';

/** Pilgrims by id for this request, within the viewer's slice; lists prime it with what they read. */
export function pilgrimLoader(ctx: SubgraphContext) {
  return ctx.loaders.get<string, Pilgrim | null>('pilgrim', (ids) => pilgrimsByIds(ctx.em, ctx.viewer, ids));
}

/** Remembers pilgrims already read, so `VisaApplication.pilgrim` below them costs no query. */
export function primePilgrims(ctx: SubgraphContext, pilgrims: Iterable<Pilgrim>): void {
  const loader = pilgrimLoader(ctx);
  for (const pilgrim of pilgrims) loader.prime(pilgrim.id, pilgrim);
}
