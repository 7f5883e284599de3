/**
 * A token bucket: `capacity` tokens, refilled at `perSecond`. Used per socket
 * (commands) and per client address (joins, creations).
 */
export class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    private readonly perSecond: number,
    private readonly capacity: number,
    private readonly now: () => number = Date.now,
  ) {
    this.tokens = capacity;
    this.updatedAt = now();
  }

  /** Take one token if there is one. */
  take(): boolean {
    this.refill();
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  /** Whether a token is there to take, without taking it. */
  hasToken(): boolean {
    this.refill();
    return this.tokens >= 1;
  }

  /** Whether the bucket is full again (so a keyed limiter may forget it). */
  isFull(): boolean {
    this.refill();
    return this.tokens >= this.capacity;
  }

  private refill(): void {
    const now = this.now();
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.updatedAt) / 1000) * this.perSecond);
    this.updatedAt = now;
  }
}

/** A budget per key (a client address): this process's KeyedRateLimiter, or one shared through Redis. */
export interface RateLimiter {
  /** Take one token from `key`'s bucket; false when it is empty. */
  take(key: string): boolean;
  /** Whether `key` has budget left, without spending it. */
  hasBudget(key: string): boolean;
  /** Resolves once every take so far is counted where the budget lives (at once for this process's own). */
  settled(): Promise<void>;
}

/** One token bucket per key (a client address), forgetting keys whose bucket is full again. */
export class KeyedRateLimiter implements RateLimiter {
  private readonly buckets = new Map<string, TokenBucket>();
  private takesSinceSweep = 0;

  constructor(
    private readonly perSecond: number,
    private readonly capacity: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Take one token from `key`'s bucket. */
  take(key: string): boolean {
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = new TokenBucket(this.perSecond, this.capacity, this.now);
      this.buckets.set(key, bucket);
    }
    if (++this.takesSinceSweep >= 1000) this.sweep();
    return bucket.take();
  }

  /** Whether `key` has budget left, without spending it (a key never seen has a full bucket). */
  hasBudget(key: string): boolean {
    return this.buckets.get(key)?.hasToken() ?? true;
  }

  settled(): Promise<void> {
    return Promise.resolve();
  }

  private sweep(): void {
    this.takesSinceSweep = 0;
    for (const [key, bucket] of this.buckets) if (bucket.isFull()) this.buckets.delete(key);
  }
}
