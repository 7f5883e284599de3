import type { ClassEnded, SessionUpdateCause } from '@playroom/protocol';
import type { Classroom } from './classroom';
import type { Participant } from './roster';
import type { TrainingSession } from './training-session';

/**
 * What happens in classrooms, for whoever must react: the socket gateway
 * broadcasts, the checkpointer persists. The domain never sees either: the
 * registry, the command executor and the training outcomes all tell one hub.
 */
export interface ClassroomEvents {
  /** a class was created (it must be stored before its sessions) */
  classCreated(classroom: Classroom): void;
  /** a new participant joined a class (stored before their token is handed out) */
  participantJoined(classroom: Classroom, participant: Participant): void;
  /** a student was taken out (by the teacher, or their empty seat given away): their sockets close, their token is gone */
  participantRemoved(classroom: Classroom, participant: Participant): void;
  /** an accepted change or a server-side one (divergence, freeze) */
  sessionChanged(classroom: Classroom, session: TrainingSession, cause: SessionUpdateCause, by: string | null): void;
  /** a `step` queued epochs for the scheduler (the session changes when they are trained) */
  stepsQueued(classroom: Classroom, session: TrainingSession): void;
  forkCreated(classroom: Classroom, fork: TrainingSession): void;
  forkRemoved(classroom: Classroom, fork: TrainingSession): void;
  /** someone joined (new participant), connected or left */
  rosterChanged(classroom: Classroom, joined?: string): void;
  classStatusChanged(classroom: Classroom): void;
  classEnded(classroom: Classroom, reason: ClassEnded['reason']): void;
  /** a challenge started or ended (CHAL-5, CHAL-6): its record is stored, the class hears at once */
  challengeChanged(classroom: Classroom): void;
}

/** Fans every event out to any number of listeners; one failing listener does not stop the others. */
export class ClassroomEventHub implements ClassroomEvents {
  private readonly listeners: Partial<ClassroomEvents>[] = [];

  constructor(private readonly onListenerError: (error: unknown) => void = () => {}) {}

  /** Add a listener; returns a function that removes it. */
  subscribe(listener: Partial<ClassroomEvents>): () => void {
    this.listeners.push(listener);
    return () => {
      const index = this.listeners.indexOf(listener);
      if (index >= 0) this.listeners.splice(index, 1);
    };
  }

  private emit<K extends keyof ClassroomEvents>(name: K, ...args: Parameters<ClassroomEvents[K]>): void {
    for (const listener of this.listeners) {
      const handler = listener[name] as ((...a: Parameters<ClassroomEvents[K]>) => void) | undefined;
      if (!handler) continue;
      try {
        handler.apply(listener, args);
      } catch (error) {
        this.onListenerError(error);
      }
    }
  }

  classCreated(...args: Parameters<ClassroomEvents['classCreated']>): void {
    this.emit('classCreated', ...args);
  }
  participantJoined(...args: Parameters<ClassroomEvents['participantJoined']>): void {
    this.emit('participantJoined', ...args);
  }
  participantRemoved(...args: Parameters<ClassroomEvents['participantRemoved']>): void {
    this.emit('participantRemoved', ...args);
  }
  sessionChanged(...args: Parameters<ClassroomEvents['sessionChanged']>): void {
    this.emit('sessionChanged', ...args);
  }
  stepsQueued(...args: Parameters<ClassroomEvents['stepsQueued']>): void {
    this.emit('stepsQueued', ...args);
  }
  forkCreated(...args: Parameters<ClassroomEvents['forkCreated']>): void {
    this.emit('forkCreated', ...args);
  }
  forkRemoved(...args: Parameters<ClassroomEvents['forkRemoved']>): void {
    this.emit('forkRemoved', ...args);
  }
  rosterChanged(...args: Parameters<ClassroomEvents['rosterChanged']>): void {
    this.emit('rosterChanged', ...args);
  }
  classStatusChanged(...args: Parameters<ClassroomEvents['classStatusChanged']>): void {
    this.emit('classStatusChanged', ...args);
  }
  classEnded(...args: Parameters<ClassroomEvents['classEnded']>): void {
    this.emit('classEnded', ...args);
  }
  challengeChanged(...args: Parameters<ClassroomEvents['challengeChanged']>): void {
    this.emit('challengeChanged', ...args);
  }
}
