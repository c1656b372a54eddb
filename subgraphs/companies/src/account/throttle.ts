/**
 * Counts failed attempts per key in a sliding window, in this process's memory. A shared store
 * (Redis) is needed once companies runs more than one replica.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly limit = 5,
    private readonly windowMs = 15 * 60_000,
    // Keys are emails, addresses and client ids an attacker can vary: bound the memory they cost.
    private readonly maxKeys = 50_000,
  ) {}

  /** Seconds until the key may try again, or 0 when it may try now. */
  retryAfter(key: string, now = Date.now()): number {
    const recent = (this.failures.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (recent.length === 0) {
      this.failures.delete(key);
      return 0;
    }
    this.failures.set(key, recent);
    if (recent.length < this.limit) return 0;
    return Math.ceil((recent[0]! + this.windowMs - now) / 1000);
  }

  fail(key: string, now = Date.now()): void {
    if (this.failures.size >= this.maxKeys && !this.failures.has(key)) this.prune(now);
    this.failures.set(key, [...(this.failures.get(key) ?? []), now].slice(-this.limit));
  }

  succeed(key: string): void {
    this.failures.delete(key);
  }

  private prune(now: number): void {
    for (const [key, times] of this.failures) {
      if (times.every((t) => now - t >= this.windowMs)) this.failures.delete(key);
    }
    // Still full of live keys: forget the oldest ones rather than grow without bound.
    for (const key of this.failures.keys()) {
      if (this.failures.size < this.maxKeys) break;
      this.failures.delete(key);
    }
  }
}
