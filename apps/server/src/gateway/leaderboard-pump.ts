import type { LeaderboardUpdate } from '@playroom/protocol';
import { TEACHER_VIEW, type Classroom } from '../classroom/classroom';
import type { ClassroomRegistry } from '../classroom/classroom-registry';
import { rooms } from './rooms';
import type { FanoutPort } from './fanout-port';

export interface LeaderboardPumpOptions {
  /** how often the standings are compared with what each audience got (CHAL-5: at most one send per interval) */
  intervalMs: number;
  onError: (error: unknown) => void;
}

/**
 * The `leaderboard` event (CHAL-5): at a challenge's start or end at once,
 * otherwise at most once per interval and only to an audience whose view
 * changed. The teacher's sockets get every fork with names; each student
 * their own view (NAMES-2: other students' names hidden while names are).
 * Scoring itself is the domain's (Challenge.evaluate, run by the classroom plugin).
 */
export class LeaderboardPump {
  /** per class: audience room → the JSON it last got */
  private readonly sent = new Map<string, Map<string, string>>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly fanout: FanoutPort,
    private readonly registry: ClassroomRegistry,
    private readonly options: LeaderboardPumpOptions,
  ) {}

  start(): void {
    this.timer ??= setInterval(() => {
      try {
        for (const classroom of this.registry.classrooms()) if (classroom.challenge?.running) this.send(classroom, false);
      } catch (error) {
        this.options.onError(error);
      }
    }, this.options.intervalMs);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** A challenge started or ended: every audience hears now. */
  challengeChanged(classroom: Classroom): void {
    this.send(classroom, true);
  }

  classEnded(classroom: Classroom): void {
    this.sent.delete(classroom.id);
  }

  /** What one socket of `participantId` gets on connecting. */
  viewFor(classroom: Classroom, role: 'teacher' | 'student', participantId: string): LeaderboardUpdate {
    return { challenge: classroom.challengeView(role === 'teacher' ? TEACHER_VIEW : { role, participantId }) };
  }

  private send(classroom: Classroom, always: boolean): void {
    let sent = this.sent.get(classroom.id);
    if (!sent) this.sent.set(classroom.id, (sent = new Map()));
    const emit = (room: string, update: LeaderboardUpdate) => {
      const json = JSON.stringify(update);
      if (!always && sent.get(room) === json) return;
      sent.set(room, json);
      this.fanout.emit(room, 'leaderboard', update);
    };
    emit(rooms.teacherOf(classroom.id), { challenge: classroom.challengeView(TEACHER_VIEW) });
    for (const student of classroom.roster.students()) {
      if (!classroom.roster.isOnline(student.id)) continue;
      emit(rooms.participant(student.id), { challenge: classroom.challengeView({ role: 'student', participantId: student.id }) });
    }
  }
}
