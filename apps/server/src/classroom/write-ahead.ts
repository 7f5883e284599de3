import type { ClassSwitches, Classroom } from './classroom';
import type { TrainingSession } from './training-session';

/**
 * A change whose ack promises it is stored (PERSIST-5): it is committed to
 * storage before anything changes in memory or on anybody's screen, so a
 * refusal really changes nothing.
 */
export type StoredChange =
  | { type: 'endClass'; classroom: Classroom }
  | { type: 'deleteFork'; fork: TrainingSession }
  | { type: 'removeParticipant'; participantId: string; forks: TrainingSession[] }
  /** the class row with these switches changed (lockClass, setLessonControls, hideNames) */
  | { type: 'classSwitches'; classroom: Classroom; switches: Partial<ClassSwitches> };

/** Raised when storage did not commit what an answer would promise; answered `storageUnavailable`. */
export class StorageUnavailableError extends Error {
  constructor(message = 'the database is not answering: nothing was changed, try again in a moment') {
    super(message);
  }
}

/** Storage ahead of a change (the Checkpointer implements it). */
export interface WriteAhead {
  /** Resolves once `change` is committed; rejects with StorageUnavailableError (nothing stored) otherwise. */
  commitFirst(change: StoredChange): Promise<void>;
}
