import { joinUrlOf } from '@playroom/protocol';
import fp from 'fastify-plugin';
import { ClassroomEventHub } from '../classroom/classroom-events';
import { ClassroomRegistry } from '../classroom/classroom-registry';
import { EndedClasses } from '../classroom/ended-classes';
import { CommandExecutor } from '../classroom/command-executor';
import type { ServerOptions } from '../config';
import { resolvePublicUrl, type PublicUrl } from '../public-url';
import { ServerMetrics } from '../metrics/server-metrics';
import { TrainingOutcomes } from '../classroom/training-outcomes';
import { NaiveScheduler } from '../scheduler/naive-scheduler';
import type { Scheduler } from '../scheduler/scheduler';
import { TrainingPool } from '../scheduler/training-pool';
import { TrainingScheduler } from '../scheduler/training-scheduler';
import { JoinGuard } from '../security/join-guard';
import { SharedKnownCodes } from '../security/shared-known-codes';
import { addressRateLimiter } from '../security/shared-rate-limiter';
import type { RateLimiter } from '../security/token-bucket';
import { closeRedis, openRedis, readyWithin } from '../cluster/redis-connection';
import { Checkpointer } from '../storage/checkpointer';
import { PostgresStorage } from '../storage/postgres-storage';
import { SqliteStorage } from '../storage/sqlite-storage';
import type { Storage } from '../storage/storage';

/** The classroom services every route and the gateway use. */
export interface Playroom {
  options: ServerOptions;
  storage: Storage;
  registry: ClassroomRegistry;
  hub: ClassroomEventHub;
  executor: CommandExecutor;
  scheduler: Scheduler;
  /** the worker threads that train, when TRAINING_WORKERS > 0 (it is then the scheduler) */
  trainingPool: TrainingPool | null;
  checkpointer: Checkpointer;
  metrics: ServerMetrics;
  limiters: { create: RateLimiter };
  /** who may try room codes and tokens (HS-6): handshakes, look-ups and creations share it */
  joinGuard: JoinGuard;
  /** codes of classes that ended, so joining one says so (HS-3) */
  endedClasses: EndedClasses;
  /** where students' devices reach this server, looked up afresh (a laptop changes Wi-Fi) */
  publicUrl(): PublicUrl;
  /** a class's join link at the public URL (JOIN-4, REST-1) */
  joinUrl(code: string): string;
  /** true once every stored class is restored, false again while shutting down (rule HS-7, /readyz) */
  ready: boolean;
  /** shutdown: stop the periodic checkpoint and write everything, once (later calls get the same promise, PERSIST-1) */
  finalSave(): Promise<void>;
}

declare module 'fastify' {
  interface FastifyInstance {
    playroom: Playroom;
  }
}

const IDLE_SWEEP_MS = 60_000;
/** ended classes whose code still says "ended" (HS-3): the newest this many, last used this recently */
const ENDED_CODES_KEPT = 10_000;
const ENDED_CODES_FOR_MS = 30 * 24 * 60 * 60_000;
const ABSENCE_SWEEP_MS = 5_000;
/** challenges: forks scored (each at most once a second, CHAL-7) and time limits checked this often */
const CHALLENGE_SWEEP_MS = 250;
/** main-thread time one periodic checkpoint burst may take: short, so it barely adds to a training slice's delay */
const CHECKPOINT_BURST_MS = 2;

/** Postgres when DATABASE_URL is set, else SQLite in DATA_DIR. */
async function openStorage(options: ServerOptions, onError: (error: Error) => void): Promise<Storage> {
  if (!options.databaseUrl) return SqliteStorage.open(options.dataDir);
  return PostgresStorage.open(options.databaseUrl, {
    ...(options.databaseSchema ? { schema: options.databaseSchema } : {}),
    onError,
  });
}

/**
 * Opens storage, restores every live class (paused), and runs the
 * scheduler and the checkpointer; on close, stops training and writes
 * everything before the database closes (rules PERSIST-1, PERSIST-2).
 */
export default fp<{ server: ServerOptions }>(
  async (app, { server: options }) => {
    const storage = await openStorage(options, (error) => app.log.error({ err: error }, 'database connection failed'));
    const metrics = new ServerMetrics(options.metricsWindowMs);
    const hub = new ClassroomEventHub((error) => app.log.error({ err: error }, 'classroom listener failed'));
    const registry = new ClassroomRegistry(
      {
        maxSessions: options.maxSessions,
        maxSessionsPerClass: options.maxSessionsPerClass,
        vacantSeatAfterMs: options.vacantSeatAfterMs,
        absentForkPauseMs: options.absentForkPauseMs,
        maxForksPerParticipant: options.maxForksPerParticipant,
        maxParticipantsPerClass: options.maxParticipantsPerClass,
      },
      hub,
    );
    const checkpointer = new Checkpointer(registry, storage, {
      intervalMs: options.checkpointIntervalMs,
      budgetMs: Math.min(CHECKPOINT_BURST_MS, options.sliceBudgetMs),
      onError: (error) => app.log.error({ err: error }, 'checkpoint failed'),
    });
    hub.subscribe(checkpointer);
    const executor = new CommandExecutor(registry, hub, checkpointer);

    const observer = new TrainingOutcomes(registry, hub, {
      epochs: (count) => metrics.recordEpochs(count),
      failure: (session, error) => app.log.error({ err: error, sessionId: session.id }, 'training failed; session paused'),
    });
    const sessions = () => registry.allSessions();
    // SCHEDULER=naive: the load benchmark's peer on the main thread, never the default
    const trainingPool =
      options.scheduler === 'fair' && options.trainingWorkers > 0
        ? new TrainingPool(sessions, {
            workers: options.trainingWorkers,
            sliceBudgetMs: options.sliceBudgetMs,
            // one round per snapshot round (the pump asks: roundDue), each measuring every moved session's losses, which a snapshot shows; unasked, one every two periods
            roundMs: Math.max(1, Math.floor(1000 / options.snapshotHz)),
            observer,
            workerReplaced: (worker, cause) => {
              metrics.recordTrainingWorkerReplaced();
              app.log.error({ err: cause, worker }, 'training worker stopped; replaced, its sessions continue from their last round');
            },
            startFailed: (cause) => app.log.error({ err: cause }, 'training workers could not start; trying again in a second'),
          })
        : null;
    if (trainingPool) metrics.readWorkerLoadFrom(() => trainingPool.load());
    const scheduler: Scheduler =
      trainingPool ??
      (options.scheduler === 'naive'
        ? new NaiveScheduler(sessions, observer)
        : new TrainingScheduler(sessions, { sliceBudgetMs: options.sliceBudgetMs, observer }));
    // a queued step should not wait out the scheduler's idle poll
    hub.subscribe({ stepsQueued: () => scheduler.wake() });

    // one process restores every live class; with many (REDIS_URL) each class comes back only to the process that takes its lease (cluster plugin)
    for (const stored of options.redisUrl ? [] : await storage.loadLiveClasses()) {
      try {
        const classroom = registry.restore(stored.record, stored.participants, stored.sessions);
        checkpointer.markSaved(classroom.sessions());
      } catch (error) {
        app.log.error({ err: error, classId: stored.record.id }, 'could not restore a class; it stays in storage');
      }
    }
    // a class ended (or archived idle) is told apart from a code nobody used, also after a restart (HS-3)
    const endedClasses = new EndedClasses(ENDED_CODES_KEPT);
    for (const ended of await storage.loadEndedCodes(Date.now() - ENDED_CODES_FOR_MS, ENDED_CODES_KEPT)) {
      endedClasses.remember(ended.code, ended.endedAt);
    }
    hub.subscribe({ classEnded: (classroom) => endedClasses.remember(classroom.code) });
    if (registry.classrooms().length > 0) {
      app.log.info({ classes: registry.classrooms().length, sessions: registry.sessionCount() }, 'restored live classes');
    }

    // REDIS_URL: per-address budgets (HS-6, LIM-3) hold across every process of the deployment
    const redis = options.redisUrl ? openRedis(options.redisUrl, 'limits', app.log, { failFast: true }) : null;
    // Redis answered a moment ago (app.ts waited for it): shared from the first request, not after a first burst counted alone
    if (redis) await readyWithin(redis, 2000);
    const addressLimiter = (name: string, rate: { perMinute: number; burst: number }) => addressRateLimiter(redis, options.redisKeyPrefix, name, rate, app.log);
    let finalSave: Promise<void> | undefined;
    const publicUrl = (): PublicUrl => {
      // where it really listens, once it does (a test's listen() names its own host; PORT=0 picks the port)
      const address = app.server.address();
      const listening = typeof address === 'object' && address !== null;
      return resolvePublicUrl({
        publicUrl: options.publicUrl,
        host: listening ? address.address : options.host,
        port: listening ? address.port : options.port,
      });
    };
    const playroom: Playroom = {
      options,
      storage,
      registry,
      hub,
      executor,
      scheduler,
      trainingPool,
      checkpointer,
      metrics,
      joinGuard: new JoinGuard(addressLimiter('join', options.joinRate), redis && new SharedKnownCodes(redis, `${options.redisKeyPrefix}known:`)),
      endedClasses,
      limiters: {
        create: addressLimiter('create', options.createRate),
      },
      publicUrl,
      joinUrl: (code) => joinUrlOf(publicUrl().origin, code),
      ready: false,
      finalSave: () =>
        (finalSave ??= (async () => {
          checkpointer.stop();
          await checkpointer.flushAll();
        })()),
    };
    app.decorate('playroom', playroom);

    const idleSweep = setInterval(() => {
      for (const classroom of registry.idleClassrooms(options.idleArchiveMs)) {
        registry.remove(classroom);
        hub.classEnded(classroom, 'archived');
      }
    }, Math.min(IDLE_SWEEP_MS, options.idleArchiveMs));
    idleSweep.unref();
    // nobody trains for an empty chair: forks of students gone for a while pause (LIM-7)
    const absenceSweep = setInterval(() => {
      for (const classroom of registry.classrooms()) {
        for (const fork of classroom.pauseAbsentForks(options.absentForkPauseMs)) hub.sessionChanged(classroom, fork, 'pause', null);
      }
    }, Math.min(ABSENCE_SWEEP_MS, options.absentForkPauseMs / 2));
    absenceSweep.unref();
    // challenges: the server scores forks on its held-out set, off the command path, and a time limit ends one (CHAL-6, CHAL-7)
    const challengeSweep = setInterval(() => {
      const now = Date.now();
      for (const classroom of registry.classrooms()) {
        const challenge = classroom.challenge;
        if (!challenge?.running) continue;
        try {
          if (challenge.expired(now)) {
            challenge.end(classroom.challengeForks(), now);
            hub.challengeChanged(classroom);
          } else challenge.evaluate(classroom.challengeForks(), now);
        } catch (error) {
          app.log.error({ err: error, classId: classroom.id }, 'challenge scoring failed');
        }
      }
    }, CHALLENGE_SWEEP_MS);
    challengeSweep.unref();

    metrics.start();
    scheduler.start();
    checkpointer.start();

    app.addHook('onReady', async () => {
      playroom.ready = true;
    });
    app.addHook('preClose', async () => {
      playroom.ready = false;
      clearInterval(idleSweep);
      clearInterval(absenceSweep);
      clearInterval(challengeSweep);
      scheduler.stop();
    });
    // the final save has usually run already (graceful-close, right after the sockets closed): then this only waits for it
    app.addHook('onClose', async () => {
      await playroom.finalSave();
      metrics.stop();
      await storage.close();
      if (redis) {
        await Promise.all([playroom.joinGuard.settled(), playroom.limiters.create.settled()]);
        await closeRedis(redis);
      }
    });
  },
  { name: 'playroom-classroom' },
);
