import type { Redis } from 'ioredis';

export interface ClassLeasesOptions {
  instanceId: string;
  keyPrefix: string;
  ttlMs: number;
  /** a lease this process held is now another's: it must stop owning that class */
  onLost: (classId: string) => void;
  onError: (error: unknown) => void;
}

/**
 * Renew (or re-assert, after a Redis that lost its keys) a lease this
 * process holds; 0 when another process holds it now. Also keeps the
 * ids of the class's playing sessions beside it, for whoever takes the
 * class over (what was playing plays again).
 */
const RENEW = `
local current = redis.call('GET', KEYS[1])
if current == ARGV[1] then redis.call('PEXPIRE', KEYS[1], ARGV[2])
elseif current == false then redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
else return 0 end
redis.call('SET', KEYS[2], ARGV[3], 'PX', ARGV[4])
return 1`;
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1], KEYS[2]) end return 0`;
/** the playing list outlives the lease, so a taker that comes late still finds it */
const PLAYING_TTL_FACTOR = 12;

/**
 * Exactly one process owns (trains) a class: the one holding its lease in
 * Redis (`SET lease NX PX ttl`), renewed every third of the TTL by a
 * compare-and-extend script. After Redis comes back (possibly empty, no
 * persistence) this process re-asserts its leases at the next renewal, and
 * takes nothing over until a whole TTL has passed since it (re)connected,
 * so every live owner has re-asserted first: a live owner's class is never
 * taken.
 */
export class ClassLeases {
  private readonly held = new Set<string>();
  private connectedAt: number | null = null;
  private timer: NodeJS.Timeout | undefined;
  private renewing = false;
  private playing: (classId: string) => string[] = () => [];

  constructor(
    private readonly redis: Redis,
    private readonly options: ClassLeasesOptions,
  ) {
    if (redis.status === 'ready') this.connectedAt = Date.now();
    redis.on('ready', () => {
      this.connectedAt = Date.now();
      // re-assert at once: a Redis restarted without persistence holds no lease of ours
      void this.renew();
    });
    redis.on('close', () => (this.connectedAt = null));
  }

  get instanceId(): string {
    return this.options.instanceId;
  }

  /** Renew every held lease every third of the TTL; `playing(classId)`: its playing session ids. */
  start(playing: (classId: string) => string[]): void {
    this.playing = playing;
    this.timer = setInterval(() => void this.renew(), Math.floor(this.options.ttlMs / 3));
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  holds(classId: string): boolean {
    return this.held.has(classId);
  }

  /** Whether this process may take a class over now: connected to Redis for longer than a lease lives. */
  mayTakeOver(now = Date.now()): boolean {
    return this.connectedAt !== null && now - this.connectedAt > this.options.ttlMs;
  }

  /** Take the lease of a class nobody holds; true when this process now owns it. */
  async claim(classId: string): Promise<boolean> {
    const set = await this.redis.set(this.leaseKey(classId), this.options.instanceId, 'PX', this.options.ttlMs, 'NX');
    if (set !== 'OK') return false;
    this.held.add(classId);
    return true;
  }

  /** The INSTANCE_ID holding a class's lease, or null. */
  holderOf(classId: string): Promise<string | null> {
    return this.redis.get(this.leaseKey(classId));
  }

  /** The playing session ids the last owner left beside the lease. */
  async playingOf(classId: string): Promise<string[]> {
    const raw = await this.redis.get(this.playingKey(classId));
    const parsed: unknown = raw === null ? [] : JSON.parse(raw);
    return Array.isArray(parsed) ? parsed.filter((id): id is string => typeof id === 'string') : [];
  }

  /** Give a class up (it ended, or this process closes): another may take it at once. */
  async release(classId: string): Promise<void> {
    this.held.delete(classId);
    await this.redis.eval(RELEASE, 2, this.leaseKey(classId), this.playingKey(classId), this.options.instanceId);
  }

  async releaseAll(): Promise<void> {
    await Promise.allSettled([...this.held].map((classId) => this.release(classId)));
  }

  private async renew(): Promise<void> {
    if (this.renewing || this.redis.status !== 'ready') return;
    this.renewing = true;
    try {
      const { ttlMs, instanceId } = this.options;
      const classIds = [...this.held];
      const answers = await Promise.all(
        classIds.map((classId) =>
          this.redis.eval(RENEW, 2, this.leaseKey(classId), this.playingKey(classId), instanceId, ttlMs, JSON.stringify(this.playing(classId)), ttlMs * PLAYING_TTL_FACTOR),
        ),
      );
      answers.forEach((answer, i) => {
        const classId = classIds[i]!;
        if (answer !== 0 || !this.held.delete(classId)) return;
        this.options.onLost(classId);
      });
    } catch (error) {
      // Redis went away meanwhile: the next renewal after it is back re-asserts
      this.options.onError(error);
    } finally {
      this.renewing = false;
    }
  }

  private leaseKey(classId: string): string {
    return `${this.options.keyPrefix}lease:${classId}`;
  }

  private playingKey(classId: string): string {
    return `${this.options.keyPrefix}playing:${classId}`;
  }
}
