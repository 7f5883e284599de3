import type { Redis } from 'ioredis';
import { redisReady } from '../cluster/redis-connection';
import { KeyedRateLimiter, type RateLimiter } from './token-bucket';

/**
 * One token bucket per key in Redis, taken atomically: `cost` 1 takes a
 * token if there is one, 0 only reads. Redis's clock (TIME), so processes
 * on machines whose clocks differ still agree; the key expires once the
 * bucket would be full again. Returns [taken (0|1), tokens left as text].
 */
const TAKE_SCRIPT = `
local perMs = tonumber(ARGV[1])
local capacity = tonumber(ARGV[2])
local cost = tonumber(ARGV[3])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local state = redis.call('HMGET', KEYS[1], 't', 'at')
local tokens = tonumber(state[1])
local at = tonumber(state[2])
if tokens == nil or at == nil then tokens = capacity; at = now end
tokens = math.min(capacity, tokens + math.max(0, now - at) * perMs)
local taken = 0
if cost > 0 then
  if tokens >= cost then tokens = tokens - cost; taken = 1 end
  redis.call('HSET', KEYS[1], 't', tostring(tokens), 'at', tostring(now))
  redis.call('PEXPIRE', KEYS[1], math.ceil((capacity - tokens) / perMs) + 1000)
end
return {taken, tostring(tokens)}
`;

/** How long what Redis last said of a key stands in for asking again (hasBudget asks after it). */
const FRESH_MS = 250;
/** Round trips in flight at most; beyond, the last word heard decides alone (Redis hung, not gone). */
const MAX_IN_FLIGHT = 1000;
const SWEEP_EVERY = 1000;

/**
 * A KeyedRateLimiter whose buckets many processes share through Redis
 * (REDIS_URL): the join budget of HS-6 and the creation budget of LIM-3
 * hold per address across the deployment, not per process.
 *
 * The answer stays synchronous, as a handshake needs it: it comes from
 * what Redis last said of the key, minus what this process took since,
 * and every take (and a read once that word is older than 250 ms) goes to
 * Redis, whose answer replaces it. So a process that has not yet heard of
 * an address lets at most one burst through before Redis's answer lands
 * (well under a millisecond on a local network); from then on the budget
 * is the deployment's. While Redis is not connected the in-process
 * limiter, spent all along, decides alone, and `onFallback` says so once
 * per outage: a class in session is never locked out because Redis blinked.
 */
export class SharedRateLimiter implements RateLimiter {
  private readonly local: KeyedRateLimiter;
  /**
   * key → tokens at `at` (this process's clock): what Redis last said, minus this process's takes it had
   * not seen yet (`unseen`: sent, not answered; Redis answers one connection's calls in order)
   */
  private readonly heard = new Map<string, { tokens: number; at: number; unseen: number }>();
  private readonly inFlight = new Set<Promise<void>>();
  private fallenBack = false;
  private setsSinceSweep = 0;

  constructor(
    private readonly redis: Redis,
    /** the Redis key prefix of this budget, e.g. `playroom:rate:join:` */
    private readonly prefix: string,
    private readonly perSecond: number,
    private readonly capacity: number,
    private readonly onFallback: () => void,
    private readonly now: () => number = Date.now,
  ) {
    this.local = new KeyedRateLimiter(perSecond, capacity, now);
  }

  take(key: string): boolean {
    const locally = this.local.take(key);
    if (!this.shared()) return locally;
    const tokens = this.estimate(key);
    const taken = tokens >= 1;
    this.remember(key, taken ? tokens - 1 : tokens, this.unseen(key) + 1);
    this.ask(key, 1);
    return taken;
  }

  hasBudget(key: string): boolean {
    if (!this.shared()) return this.local.hasBudget(key);
    const known = this.heard.get(key);
    if (!known || this.now() - known.at > FRESH_MS) this.ask(key, 0);
    return this.estimate(key) >= 1;
  }

  /** Resolves once every round trip to Redis started so far has landed (tests, and a clean close). */
  async settled(): Promise<void> {
    await Promise.all([...this.inFlight]);
  }

  private shared(): boolean {
    if (redisReady(this.redis)) {
      this.fallenBack = false;
      return true;
    }
    if (!this.fallenBack) this.onFallback();
    this.fallenBack = true;
    return false;
  }

  private estimate(key: string): number {
    const known = this.heard.get(key);
    if (!known) return this.capacity;
    return Math.min(this.capacity, known.tokens + ((this.now() - known.at) / 1000) * this.perSecond);
  }

  private unseen(key: string): number {
    return this.heard.get(key)?.unseen ?? 0;
  }

  private remember(key: string, tokens: number, unseen: number): void {
    this.heard.set(key, { tokens, at: this.now(), unseen });
    if (++this.setsSinceSweep < SWEEP_EVERY) return;
    this.setsSinceSweep = 0;
    for (const [known, entry] of this.heard) if (entry.unseen === 0 && this.estimate(known) >= this.capacity) this.heard.delete(known);
  }

  /** Redis's word on `key` after one of our calls: its tokens, less the takes sent after that call. */
  private answered(key: string, tokens: number, cost: 0 | 1): void {
    const unseen = Math.max(0, this.unseen(key) - cost);
    this.remember(key, Math.max(0, tokens - unseen), unseen);
  }

  /** A call that will never be answered (not sent, or failed): its take is no longer awaited. */
  private unanswered(key: string, cost: 0 | 1): void {
    const known = this.heard.get(key);
    if (known && cost === 1) known.unseen = Math.max(0, known.unseen - 1);
  }

  private ask(key: string, cost: 0 | 1): void {
    if (this.inFlight.size >= MAX_IN_FLIGHT) return this.unanswered(key, cost);
    const round = this.redis
      .eval(TAKE_SCRIPT, 1, this.prefix + key, String(this.perSecond / 1000), String(this.capacity), String(cost))
      .then(
        (reply) => {
          const tokens = Number((reply as [number, string])[1]);
          if (Number.isFinite(tokens)) this.answered(key, tokens, cost);
        },
        // Redis went away mid-call: the last word heard stands, and the next call falls back if it is still away
        () => this.unanswered(key, cost),
      )
      .finally(() => this.inFlight.delete(round));
    this.inFlight.add(round);
  }
}

/**
 * A per-address budget of `rate` named `name` (`join`, `create`): shared
 * through Redis when there is one, else this process's own.
 */
export function addressRateLimiter(
  redis: Redis | null,
  keyPrefix: string,
  name: string,
  rate: { perMinute: number; burst: number },
  log: { warn(message: string): void },
): RateLimiter {
  if (!redis) return new KeyedRateLimiter(rate.perMinute / 60, rate.burst);
  return new SharedRateLimiter(redis, `${keyPrefix}rate:${name}:`, rate.perMinute / 60, rate.burst, () =>
    log.warn(`Redis is not connected: the ${name} rate limit counts in this process alone until it is`),
  );
}
