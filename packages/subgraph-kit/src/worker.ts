/**
 * Background work a subgraph does besides answering requests: processing queues (visa
 * applications waiting for payment or MOFA), sending webhooks, scheduled jobs (overstays).
 * Each worker does one bounded pass at a time; the runner repeats passes while there is work,
 * sleeps between idle passes, backs off on errors, and can be woken early.
 */
export interface BackgroundWorker {
  name: string;
  /** Pause between passes that found nothing to do. */
  intervalMs: number;
  /** One pass over due work; returns how many items it handled (0 when idle). */
  runOnce(): Promise<number>;
}

export interface WorkerSet {
  /** Asks a worker to run a pass now instead of waiting out its interval (no-op when not looping). */
  wake(name: string): void;
  /** Runs every worker's passes until none has work left; returns the items handled. Tests call it. */
  drain(): Promise<number>;
  stop(): Promise<void>;
}

const MAX_BACKOFF_MS = 30_000;
const MAX_DRAIN_PASSES = 1_000;

/** Runs the workers; with `loop: false` (tests) nothing runs until `drain()` is called. */
export function runWorkers(workers: BackgroundWorker[], options: { loop: boolean }): WorkerSet {
  let stopped = false;
  const wakers = new Map<string, () => void>();
  // One pass at a time per worker, whether started by the loop or by drain().
  const running = new Map<string, Promise<number>>();
  const pass = (worker: BackgroundWorker): Promise<number> => {
    const next = (running.get(worker.name) ?? Promise.resolve(0)).catch(() => 0).then(() => worker.runOnce());
    running.set(worker.name, next);
    return next;
  };

  const loop = async (worker: BackgroundWorker): Promise<void> => {
    let delay = worker.intervalMs;
    while (!stopped) {
      try {
        const handled = await pass(worker);
        delay = worker.intervalMs;
        if (handled > 0) continue;
      } catch (error) {
        delay = Math.min(delay * 2, MAX_BACKOFF_MS);
        console.warn(`[worker] ${worker.name}: ${(error as Error).message}; retrying in ${delay} ms`);
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, delay);
        timer.unref();
        wakers.set(worker.name, () => {
          clearTimeout(timer);
          resolve();
        });
      });
      wakers.delete(worker.name);
    }
  };
  const loops = options.loop ? workers.map((worker) => loop(worker)) : [];

  return {
    wake: (name) => wakers.get(name)?.(),
    drain: async () => {
      let total = 0;
      for (let i = 0; i < MAX_DRAIN_PASSES; i++) {
        const handled = (await Promise.all(workers.map((w) => pass(w)))).reduce((a, b) => a + b, 0);
        total += handled;
        if (handled === 0) return total;
      }
      throw new Error('background workers did not run dry');
    },
    stop: async () => {
      stopped = true;
      for (const wake of wakers.values()) wake();
      await Promise.all([...running.values()].map((p) => p.catch(() => 0)));
      await Promise.all(loops);
    },
  };
}
