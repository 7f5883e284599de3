import type { Role, RosterEntry } from '@playroom/protocol';

/** A person in a class. The token itself is never kept, only its hash. */
export interface Participant {
  id: string;
  classId: string;
  name: string;
  role: Role;
  tokenHash: string;
  joinedAt: number;
  /** unique in the class, never changed (NAMES-4); given by the roster when they are added without one */
  alias?: number;
}

/** Who is in a class, who is online (by open sockets) and how to find someone by token. */
export class Roster {
  private readonly participants = new Map<string, Participant>();
  private readonly byTokenHash = new Map<string, string>();
  private readonly sockets = new Map<string, number>();
  /** when each participant's last socket closed (or they were added, before their first) */
  private readonly absentSince = new Map<string, number>();

  /**
   * Add (or restore) a participant; absent until their first socket opens. One without an alias, or
   * with one someone else holds, gets the smallest free alias (NAMES-4): restored in join order, a
   * class stored before aliases gives everyone the one they would have had.
   */
  add(participant: Participant, now: number = Date.now()): void {
    if (participant.alias === undefined || this.aliasHolder(participant.alias, participant.id)) participant.alias = this.freeAlias();
    this.participants.set(participant.id, participant);
    this.byTokenHash.set(participant.tokenHash, participant.id);
    if (!this.sockets.has(participant.id)) this.absentSince.set(participant.id, now);
  }

  get(id: string): Participant | undefined {
    return this.participants.get(id);
  }

  /**
   * Bring stored participants back: those with an alias first, so each keeps it, then those stored
   * before aliases (NAMES-4) in join order, who get the free ones as they did at the restore before.
   */
  restore(participants: Participant[], now: number = Date.now()): void {
    const byJoin = [...participants].sort((a, b) => a.joinedAt - b.joinedAt);
    for (const p of byJoin) if (p.alias !== undefined) this.add(p, now);
    for (const p of byJoin) if (p.alias === undefined) this.add(p, now);
  }

  /** The alias of a participant in this class (NAMES-4). */
  aliasOf(id: string): number {
    return this.participants.get(id)?.alias ?? 0;
  }

  /** The smallest alias nobody in the class holds; a removed student's alias may go to someone new. */
  private freeAlias(): number {
    const held = new Set<number>();
    for (const p of this.participants.values()) if (p.alias !== undefined) held.add(p.alias);
    let alias = 0;
    while (held.has(alias)) alias++;
    return alias;
  }

  private aliasHolder(alias: number, exceptId: string): Participant | undefined {
    for (const p of this.participants.values()) if (p.alias === alias && p.id !== exceptId) return p;
    return undefined;
  }

  /** Every name the class holds, to keep a new one apart from them (NAMES-3). */
  names(): string[] {
    return [...this.participants.values()].map((p) => p.name);
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

  /** The roster as the wire shows it, teacher first, then students in join order; `nameOf` says what name each gets (NAMES-2). */
  entries(forkCount: (participantId: string) => number, nameOf: (participant: Participant) => string = (p) => p.name): RosterEntry[] {
    return this.all()
      .sort((a, b) => (a.role === b.role ? a.joinedAt - b.joinedAt : a.role === 'teacher' ? -1 : 1))
      .map((p) => ({
        participantId: p.id,
        name: nameOf(p),
        role: p.role,
        alias: this.aliasOf(p.id),
        online: this.isOnline(p.id),
        forkCount: forkCount(p.id),
      }));
  }
}
