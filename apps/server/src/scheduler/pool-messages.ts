/** The messages between the training pool (main thread) and its workers (training-worker.ts). */
import type { SessionReplicaState, TrainedRound, TrainingFailure } from '../classroom/session-replica';

/** What a worker is started with. */
export interface TrainingWorkerData {
  sliceBudgetMs: number;
  /** it sends what it trained when asked (each snapshot round), or after twice this without a request */
  roundMs: number;
}

export type ToTrainingWorker =
  /** train this session from this state (a new one, or a newer revision of one it trains) */
  | { type: 'adopt'; replica: SessionReplicaState }
  /** stop training this session and forget it */
  | { type: 'drop'; sessionId: string }
  /** a snapshot round went out: send what trained since the last round, now */
  | { type: 'sendRound' }
  /** a full garbage collection (only with --expose-gc: the memory tests read what every thread retains) */
  | { type: 'collectGarbage' };

export type FromTrainingWorker =
  | { type: 'ready'; threadId: number }
  /**
   * one round: every session that trained, and the load of the round's interval (`seconds` long); `snapshots`
   * (transferred, not copied) holds each session's snapshot body (TrainingSession.snapshotBody), rounds[i]'s
   * from snapshotEnds[i − 1] (0 for the first) to snapshotEnds[i], empty when it could not be encoded
   */
  | {
      type: 'round';
      rounds: TrainedRound[];
      snapshots: ArrayBuffer;
      snapshotEnds: number[];
      failures: TrainingFailure[];
      epochs: number;
      seconds: number;
      busy: number;
    };
