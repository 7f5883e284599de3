import type { Redis } from 'ioredis';
import { redisReady } from '../cluster/redis-connection';

/** How long Redis remembers that an address used a code: a school day and then some. */
const KNOWN_FOR_SECONDS = 24 * 60 * 60;
/** One look-up per address and code this often at most (a refused client retries every 2 s). */
const ASK_EVERY_MS = 1000;
/** Pairs remembered in this process at most (then forgotten all at once: they are asked again). */
const MAX_HEARD = 10_000;

/**
 * The codes each address has used for real (HS-6), shared through Redis:
 * when a class's sockets land on another process (its owner died, nginx
 * sent them on), that process still knows the class's own address, so a
 * guesser behind it spending the budget does not lock the class out there.
 * Synchronous like the budget: a pair this process has not heard of is
 * unknown until Redis answers, which the client's retry then finds.
 */
export class SharedKnownCodes {
  private readonly heard = new Set<string>();
  private readonly askedAt = new Map<string, number>();
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(
    private readonly redis: Redis,
    /** the Redis key prefix, e.g. `playroom:known:` (one set of codes per address) */
    private readonly prefix: string,
    private readonly now: () => number = Date.now,
  ) {}

  /** `address` used `code` for real. */
  remember(address: string, code: string): void {
    this.hear(address, code);
    if (!redisReady(this.redis)) return;
    const key = this.prefix + address;
    this.track(this.redis.multi().sadd(key, code).expire(key, KNOWN_FOR_SECONDS).exec());
  }

  /** Whether `address` is known to have used `code` in any process (as far as this one has heard). */
  knows(address: string, code: string): boolean {
    const pair = `${address} ${code}`;
    if (this.heard.has(pair)) return true;
    const asked = this.askedAt.get(pair);
    if (redisReady(this.redis) && (asked === undefined || this.now() - asked >= ASK_EVERY_MS)) {
      if (this.askedAt.size >= MAX_HEARD) this.askedAt.clear();
      this.askedAt.set(pair, this.now());
      this.track(
        this.redis.sismember(this.prefix + address, code).then((member) => {
          if (member) this.hear(address, code);
        }),
      );
    }
    return false;
  }

  /** Resolves once every call to Redis started so far has landed. */
  async settled(): Promise<void> {
    await Promise.all([...this.inFlight]);
  }

  private hear(address: string, code: string): void {
    if (this.heard.size >= MAX_HEARD) this.heard.clear();
    this.heard.add(`${address} ${code}`);
  }

  private track(call: Promise<unknown>): void {
    const round = call
      .catch(() => {
        // Redis went away mid-call: this process knows what it knows, and asks again later
      })
      .finally(() => this.inFlight.delete(round));
    this.inFlight.add(round);
  }
}
