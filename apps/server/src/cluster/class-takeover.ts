import type { Classroom } from '../classroom/classroom';
import type { ClassroomRegistry } from '../classroom/classroom-registry';
import type { Storage } from '../storage/storage';
import type { ClassLeases } from './class-leases';

export interface ClassTakeoverDeps {
  storage: Storage;
  registry: ClassroomRegistry;
  leases: ClassLeases;
  /** a class restored here: its sessions count as stored (the checkpointer's markSaved) */
  restored: (classroom: Classroom) => void;
  log: { info(obj: object, msg: string): void; error(obj: object, msg: string): void };
}

/**
 * With many processes, a class is trained by the process holding its lease.
 * Every `intervalMs` this process looks for live classes in storage that
 * it does not hold; for each whose lease is free (its owner died, or it
 * was never claimed since a full restart) it claims the lease, restores the
 * class from its last checkpoint and plays again what was playing. A class
 * is never restored without its lease held, and nothing is taken over until
 * this process has been connected to Redis for a whole lease TTL (see
 * ClassLeases.mayTakeOver).
 */
export class ClassTakeover {
  private timer: NodeJS.Timeout | undefined;
  private running = false;

  constructor(
    private readonly deps: ClassTakeoverDeps,
    private readonly intervalMs: number,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.sweep(), this.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** One look for classes nobody owns (public for tests); resolves with the ids taken over. */
  async sweep(): Promise<string[]> {
    const { storage, registry, leases, log } = this.deps;
    if (this.running || !leases.mayTakeOver()) return [];
    this.running = true;
    const taken: string[] = [];
    try {
      for (const classId of await storage.liveClassIds()) {
        if (registry.byId(classId) || leases.holds(classId)) continue;
        if (!(await leases.claim(classId))) continue;
        if (await this.restore(classId)) taken.push(classId);
      }
    } catch (error) {
      log.error({ err: error }, 'looking for classes without an owner failed; trying again');
    } finally {
      this.running = false;
    }
    return taken;
  }

  private async restore(classId: string): Promise<boolean> {
    const { storage, registry, leases, log } = this.deps;
    try {
      const stored = await storage.loadClass(classId);
      // it ended meanwhile (its owner archived it between the two reads)
      if (!stored || !(await storage.liveClassIds()).includes(classId)) {
        await leases.release(classId);
        return false;
      }
      const playing = new Set(await leases.playingOf(classId));
      const classroom = registry.restore(stored.record, stored.participants, stored.sessions);
      this.deps.restored(classroom);
      for (const session of classroom.sessions()) if (playing.has(session.id)) session.play();
      log.info({ classId, instanceId: leases.instanceId, playing: playing.size }, 'took over a class whose owner is gone');
      return true;
    } catch (error) {
      log.error({ err: error, classId }, 'could not take over a class; its lease is given back');
      await leases.release(classId).catch(() => {});
      return false;
    }
  }
}
