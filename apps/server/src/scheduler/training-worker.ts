/**
 * A training worker thread (scheduler/training-pool.ts starts it): it holds
 * a replica of each session the pool gave it and trains them with the same
 * TrainingScheduler the main thread would use (fair share, LIM-9 class
 * shares, queued steps first), and once per round sends back, for each
 * session that trained, its new state (TrainedRound). It never decides
 * anything a command could: a newer revision from the main thread replaces
 * a replica whole.
 */
import os from 'node:os';
import { parentPort, threadId, workerData } from 'node:worker_threads';
import type { RoundOutcome, RoundStart, TrainedRound, TrainingFailure } from '../classroom/session-replica';
import { TrainingSession } from '../classroom/training-session';
import type { FromTrainingWorker, ToTrainingWorker, TrainingWorkerData } from './pool-messages';
import { TrainingScheduler } from './training-scheduler';

/** nice value of a training thread (0 normal, 19 lowest): weight 110 against the main thread's 1024 */
const TRAINING_NICE = 10;
const port = parentPort;
// Training yields the CPU to the main thread: on Linux a thread has its own nice value (setpriority of the
// calling thread), so when cores are short the main thread's sockets go first and training slows, not the class's view.
try {
  os.setPriority(TRAINING_NICE);
} catch {
  // not permitted or not supported here: training competes as an equal
}
if (!port) throw new Error('training-worker.ts runs as a worker thread (TrainingPool starts it)');
const { sliceBudgetMs, roundMs } = workerData as TrainingWorkerData;

const replicas = new Map<string, TrainingSession>();
/** where each replica's current round began: the timeline checkpoints and loss points after it are new */
const roundStart = new Map<string, RoundStart>();
const outcomes = new Map<string, RoundOutcome>();
let failures: TrainingFailure[] = [];
let epochs = 0;

const outcomeOf = (session: TrainingSession): RoundOutcome => {
  let outcome = outcomes.get(session.id);
  if (!outcome) outcomes.set(session.id, (outcome = { ran: 0, stopped: null, stepsDone: false }));
  return outcome;
};

const scheduler = new TrainingScheduler<TrainingSession>(() => replicas.values(), {
  sliceBudgetMs,
  observer: {
    trained: (session, ran) => {
      outcomeOf(session).ran += ran;
      epochs += ran;
    },
    stopped: (session, reason) => void (outcomeOf(session).stopped = reason),
    stepsDone: (session) => void (outcomeOf(session).stepsDone = true),
    failed: (session, error) => {
      failures.push({ sessionId: session.id, revision: session.revision, message: error instanceof Error ? error.message : String(error) });
      replicas.delete(session.id);
      outcomes.delete(session.id);
    },
  },
});

port.on('message', (message: ToTrainingWorker) => {
  switch (message.type) {
    case 'adopt': {
      const replica = TrainingSession.replicaOf(message.replica);
      replicas.set(replica.id, replica);
      roundStart.set(replica.id, replica.roundStart());
      outcomes.delete(replica.id);
      scheduler.wake();
      return;
    }
    case 'drop':
      replicas.delete(message.sessionId);
      roundStart.delete(message.sessionId);
      outcomes.delete(message.sessionId);
      return;
    case 'sendRound':
      sendRound();
      return;
    case 'collectGarbage':
      (globalThis as { gc?: () => void }).gc?.();
      return;
    default: {
      const unknown: never = message;
      throw new Error(`unknown message ${JSON.stringify(unknown)}`);
    }
  }
});

let utilization = performance.eventLoopUtilization();
let lastRoundAt = performance.now();
/** What trained since the last round, to the pool. */
function sendRound(): void {
  const now = performance.now();
  const rounds: TrainedRound[] = [];
  const bodies: Uint8Array[] = [];
  for (const [id, outcome] of outcomes) {
    const replica = replicas.get(id);
    if (!replica) continue;
    rounds.push(replica.trainedRound(roundStart.get(id) ?? replica.roundStart(), outcome));
    roundStart.set(id, replica.roundStart());
    bodies.push(snapshotBodyOf(replica));
  }
  outcomes.clear();
  const { snapshots, snapshotEnds } = joinBodies(bodies);
  const busy = performance.eventLoopUtilization(utilization);
  utilization = performance.eventLoopUtilization();
  const message: FromTrainingWorker = { type: 'round', rounds, snapshots, snapshotEnds, failures, epochs, seconds: (now - lastRoundAt) / 1000, busy: busy.utilization };
  port!.postMessage(message, [snapshots]);
  // posted, so copied: the main thread keeps the checkpoints, the replicas only their epochs
  for (const round of rounds) replicas.get(round.sessionId)?.roundReported();
  failures = [];
  epochs = 0;
  lastRoundAt = now;
}
/** The replica's snapshot body, or none (the main thread encodes that session's snapshot itself). */
function snapshotBodyOf(replica: TrainingSession): Uint8Array {
  try {
    return new Uint8Array(replica.snapshotBody());
  } catch {
    return new Uint8Array(0);
  }
}

/** The round's snapshot bodies in one buffer, to transfer rather than copy, and where each ends. */
function joinBodies(bodies: Uint8Array[]): { snapshots: ArrayBuffer; snapshotEnds: number[] } {
  const snapshotEnds: number[] = [];
  let end = 0;
  for (const body of bodies) snapshotEnds.push((end += body.byteLength));
  const joined = new Uint8Array(end);
  bodies.forEach((body, i) => joined.set(body, i === 0 ? 0 : snapshotEnds[i - 1]));
  return { snapshots: joined.buffer, snapshotEnds };
}

// Rounds go when the pool asks, right after each snapshot round, so every snapshot round finds training the
// previous one did not show (two free-running 15 Hz clocks beat: a student got 10.6 snapshots/s of 15). Unasked
// (no snapshot rounds: a pool without a gateway), a round goes after twice the interval.
setInterval(() => {
  if (performance.now() - lastRoundAt >= 2 * roundMs) sendRound();
}, roundMs);

scheduler.start();
port.postMessage({ type: 'ready', threadId } satisfies FromTrainingWorker);
