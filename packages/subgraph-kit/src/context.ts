import type { EntityManager } from '@umrah/db-kit';
import DataLoader from 'dataloader';
import type { Viewer } from './auth';

/** Per-request DataLoaders, created on first use so each request batches its own look-ups. */
export class Loaders {
  private readonly loaders = new Map<string, DataLoader<unknown, unknown>>();

  get<K, V>(name: string, batch: (keys: readonly K[]) => Promise<readonly (V | Error)[]>): DataLoader<K, V> {
    let loader = this.loaders.get(name);
    if (!loader) {
      loader = new DataLoader<K, V>(batch, { maxBatchSize: 500 }) as DataLoader<unknown, unknown>;
      this.loaders.set(name, loader);
    }
    return loader as DataLoader<K, V>;
  }
}

/** What every resolver receives. */
export interface SubgraphContext {
  /** The verified caller, or null for an anonymous request. */
  viewer: Viewer | null;
  /** A forked EntityManager for this request only. */
  em: EntityManager;
  loaders: Loaders;
  requestId: string;
}
