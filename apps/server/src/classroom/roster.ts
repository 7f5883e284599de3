import type { Role, RosterEntry } from '@playroom/protocol';

/** A person in a class. The token itself is never kept, only its hash. */
export interface Participant {
  id: string;
  classId: string;
  name: string;
  role: Role;
  tokenHash: string;
  joinedAt: number;
}

/** Who is in a class, who is online (by open sockets) and how to find someone by token. */
export class Roster {
  private readonly participants = new Map<string, Participant>();
  private readonly byTokenHash = new Map<string, string>();
  private readonly sockets = new Map<string, number>();
  /** when each participant's last socket closed (or they were added, before their first) */
  private readonly absentSince = new Map<string, number>();

  /** Add (or restore) a participant; absent until their first socket opens. */
  add(participant: Participant, now: number = Date.now()): void {
    this.participants.set(participant.id, participant);
    this.byTokenHash.set(participant.tokenHash, participant.id);
    if (!this.sockets.has(participant.id)) this.absentSince.set(participant.id, now);
  }

  get(id: string): Participant | undefined {
    return this.participants.get(id);
  }

  /** Take someone out: their token stops matching (their sockets are the gateway's to close). */
  remove(id: string): Participant | undefined {
    const participant = this.participants.get(id);
    if (!participant) return undefined;
    this.participants.delete(id);
    this.byTokenHash.delete(participant.tokenHash);
    this.sockets.delete(id);
    this.absentSince.delete(id);
    return participant;
  }

  /** The participant holding the token with this hash, if they have this role. */
  findByToken(tokenHash: string, role: Role): Participant | undefined {
    const id = this.byTokenHash.get(tokenHash);
    const participant = id === undefined ? undefined : this.participants.get(id);
    return participant?.role === role ? participant : undefined;
  }

  /** A socket of this participant opened. */
  connect(id: string): void {
    this.sockets.set(id, (this.sockets.get(id) ?? 0) + 1);
    this.absentSince.delete(id);
  }

  /** A socket of this participant closed. */
  disconnect(id: string, now: number = Date.now()): void {
    const left = (this.sockets.get(id) ?? 1) - 1;
    if (left > 0) this.sockets.set(id, left);
    else {
      this.sockets.delete(id);
      if (this.participants.has(id)) this.absentSince.set(id, now);
    }
  }

  /** Open sockets of one participant. */
  socketsOf(id: string): number {
    return this.sockets.get(id) ?? 0;
  }

  /** How long a participant has had no open socket (0 while online). */
  absentFor(id: string, now: number = Date.now()): number {
    const since = this.absentSince.get(id);
    return since === undefined ? 0 : now - since;
  }

  isOnline(id: string): boolean {
    return this.sockets.has(id);
  }

  /** Open sockets of the whole class. */
  onlineSockets(): number {
    let count = 0;
    for (const n of this.sockets.values()) count += n;
    return count;
  }

  students(): Participant[] {
    return [...this.participants.values()].filter((p) => p.role === 'student');
  }

  onlineStudents(): number {
    return this.students().filter((p) => this.isOnline(p.id)).length;
  }

  all(): Participant[] {
    return [...this.participants.values()];
  }

  /** The roster as the wire shows it, teacher first, then students in join order. */
  entries(forkCount: (participantId: string) => number): RosterEntry[] {
    return this.all()
      .sort((a, b) => (a.role === b.role ? a.joinedAt - b.joinedAt : a.role === 'teacher' ? -1 : 1))
      .map((p) => ({
        participantId: p.id,
        name: p.name,
        role: p.role,
        online: this.isOnline(p.id),
        forkCount: forkCount(p.id),
      }));
  }
}
