import { hiddenActivations } from '@playroom/engine';
import { encodeForkPreview } from '@playroom/protocol';
import type { Classroom } from '../classroom/classroom';
import type { TrainingSession } from '../classroom/training-session';

/**
 * The teacher's fork previews (rule SUM-2): each fork's quantized weights,
 * encoded once per clock however many teacher sockets get it, and for each
 * teacher socket only the forks whose clock moved since that socket last got
 * one. A socket that is new (a reload, a second device) has seen none, so it
 * gets every fork at its first rounds; one whose transport is still busy gets
 * nothing this round and everything it missed later. A batch holds at most
 * `budgetBytes` (at least one fork): the forks whose preview is oldest go
 * first, so in a class of large networks each card still refreshes every
 * few rounds and the stream never costs more than the budget.
 */
export class ForkPreviews {
  private readonly encoded = new Map<string, { clock: number; bytes: Uint8Array }>();
  /** per teacher socket: the clock of each fork it last got, and the round it got it in */
  private readonly sent = new Map<string, Map<string, { clock: number; round: number }>>();
  private round = 0;

  constructor(private readonly budgetBytes: number) {}

  /** Starts a round: the entries handed out from now on are of this round. */
  nextRound(): void {
    this.round++;
  }

  /** The entries `socketId` has not seen yet (within the budget), marked as seen; empty when nothing moved. */
  dueFor(socketId: string, forks: readonly TrainingSession[]): Uint8Array[] {
    let seen = this.sent.get(socketId);
    if (!seen) this.sent.set(socketId, (seen = new Map()));
    const known = seen;
    const moved = forks.filter((fork) => known.get(fork.id)?.clock !== fork.clock);
    moved.sort((a, b) => (known.get(a.id)?.round ?? -1) - (known.get(b.id)?.round ?? -1));
    const due: Uint8Array[] = [];
    let bytes = 0;
    for (const fork of moved) {
      const entry = this.entryOf(fork);
      if (due.length > 0 && bytes + entry.byteLength > this.budgetBytes) break;
      bytes += entry.byteLength;
      known.set(fork.id, { clock: fork.clock, round: this.round });
      due.push(entry);
    }
    if (seen.size > forks.length) {
      const live = new Set(forks.map((fork) => fork.id));
      for (const id of seen.keys()) if (!live.has(id)) seen.delete(id);
    }
    return due;
  }

  /** Forgets sockets and forks that are gone (called once per round with what is live). */
  prune(liveSockets: ReadonlySet<string>, classrooms: readonly Classroom[]): void {
    for (const id of this.sent.keys()) if (!liveSockets.has(id)) this.sent.delete(id);
    if (this.encoded.size === 0) return;
    const live = new Set(classrooms.flatMap((classroom) => classroom.allForks().map((fork) => fork.id)));
    for (const id of this.encoded.keys()) if (!live.has(id)) this.encoded.delete(id);
  }

  private entryOf(fork: TrainingSession): Uint8Array {
    const cached = this.encoded.get(fork.id);
    if (cached && cached.clock === fork.clock) return cached.bytes;
    const { config } = fork;
    const bytes = encodeForkPreview({
      sessionId: fork.id,
      clock: fork.clock,
      layerSizes: fork.layerSizes,
      hiddenActivations: hiddenActivations(config),
      outputLoss: config.outputLoss,
      features: config.features,
      params: fork.params,
    });
    this.encoded.set(fork.id, { clock: fork.clock, bytes });
    return bytes;
  }
}
