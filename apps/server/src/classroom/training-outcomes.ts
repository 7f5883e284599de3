import type { Divergence } from '@playroom/engine';
import type { TrainingObserver } from '../scheduler/scheduler';
import type { ClassroomEvents } from './classroom-events';
import type { ClassroomRegistry } from './classroom-registry';
import type { TrainingSession } from './training-session';

/** Where the outcomes report what they cannot turn into a class event. */
export interface TrainingOutcomeSinks {
  /** epochs trained, for the server's metrics */
  epochs(count: number): void;
  /** a training call threw (a bug): logged; the session is paused and the class told */
  failure(session: TrainingSession, error: unknown): void;
}

/**
 * What the scheduler's training means for a class: a divergence or a
 * failure pauses the session and is broadcast as `diverged` (TRAIN-3), a
 * finished `step` as `step` by whoever asked (CMD-8). The composition root
 * only wires it between the scheduler and the event hub.
 */
export class TrainingOutcomes implements TrainingObserver<TrainingSession> {
  constructor(
    private readonly registry: ClassroomRegistry,
    private readonly events: ClassroomEvents,
    private readonly sinks: TrainingOutcomeSinks,
  ) {}

  trained(_session: TrainingSession, epochs: number): void {
    this.sinks.epochs(epochs);
  }

  stopped(session: TrainingSession, _reason: Divergence): void {
    this.tell(session, 'diverged', null);
  }

  stepsDone(session: TrainingSession): void {
    this.tell(session, 'step', session.stepRequestedBy);
  }

  failed(session: TrainingSession, error: unknown): void {
    this.sinks.failure(session, error);
    session.pause();
    this.tell(session, 'diverged', null);
  }

  private tell(session: TrainingSession, cause: 'diverged' | 'step', by: string | null): void {
    const classroom = this.registry.byId(session.identity.classId);
    if (classroom) this.events.sessionChanged(classroom, session, cause, by);
  }
}
