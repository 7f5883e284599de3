import type { ChallengeGoal, Disqualification } from '@playroom/protocol';
import { compareScores, disqualifications, networkSize } from './challenge-rules';
import { HeldOutSet } from './held-out-set';
import type { TrainingSession } from './training-session';

/** One fork's place in a challenge, before names are put in for a viewer (NAMES-2). */
export interface Standing {
  forkId: string;
  ownerId: string;
  ownerName: string;
  testLoss: number | null;
  neurons: number;
  weights: number;
  timeToTargetMs: number | null;
  rank: number | null;
  disqualified: Disqualification[];
}

/** What storage keeps of a challenge (with the class's switches): the held-out seed stays on the server (CHAL-2). */
export interface ChallengeRecord {
  goal: ChallengeGoal;
  startedAt: number;
  endsAt: number | null;
  endedAt: number | null;
  heldOutSeed: number;
  /** fork id → ms from the start until the server first measured the target reached */
  reached: Record<string, number>;
  /** the final standings, once ended */
  final: Standing[] | null;
}

/** How often one fork is scored at most, and how much main-thread time one scoring round may take (CHAL-7). */
export interface EvaluationPace {
  minIntervalMs: number;
  budgetMs: number;
}
export const DEFAULT_PACE: EvaluationPace = { minIntervalMs: 1000, budgetMs: 8 };

interface Evaluation {
  clock: number;
  at: number;
  testLoss: number;
}

/**
 * A class's challenge (CHAL-1…CHAL-7): the goal, the server's held-out set,
 * every fork's last score on it, and the standings. Scores come from here
 * only: a fork's own test loss is never read.
 */
export class Challenge {
  private readonly heldOut: HeldOutSet;
  private readonly evaluations = new Map<string, Evaluation>();

  constructor(
    private readonly record: ChallengeRecord,
    private readonly clockMs: () => number = performance.now.bind(performance),
  ) {
    this.heldOut = new HeldOutSet(record.goal.dataset, record.goal.noise, record.heldOutSeed);
  }

  static start(goal: ChallengeGoal, now: number, heldOutSeed: number): Challenge {
    const endsAt = goal.timeLimitSec === null ? null : now + goal.timeLimitSec * 1000;
    return new Challenge({ goal, startedAt: now, endsAt, endedAt: null, heldOutSeed, reached: {}, final: null });
  }

  get goal(): ChallengeGoal {
    return this.record.goal;
  }
  get startedAt(): number {
    return this.record.startedAt;
  }
  get endsAt(): number | null {
    return this.record.endsAt;
  }
  get endedAt(): number | null {
    return this.record.endedAt;
  }
  get running(): boolean {
    return this.record.endedAt === null;
  }

  /** The server's held-out points (tests compare an engine evaluation on them). */
  get heldOutSet(): HeldOutSet {
    return this.heldOut;
  }

  /** Whether its time limit has passed while it still runs (CHAL-6). */
  expired(now: number): boolean {
    return this.running && this.record.endsAt !== null && now >= this.record.endsAt;
  }

  /**
   * Score forks whose clock moved, each at most every `minIntervalMs`, the
   * longest-waiting first, until `budgetMs` of main-thread time is spent
   * (CHAL-7). Returns how many were scored.
   */
  evaluate(forks: readonly TrainingSession[], now: number, pace: EvaluationPace = DEFAULT_PACE): number {
    if (!this.running) return 0;
    const due = forks
      .filter((fork) => {
        const last = this.evaluations.get(fork.id);
        return !last || (last.clock !== fork.clock && now - last.at >= pace.minIntervalMs);
      })
      .sort((a, b) => (this.evaluations.get(a.id)?.at ?? -1) - (this.evaluations.get(b.id)?.at ?? -1));
    const started = this.clockMs();
    let scored = 0;
    for (const fork of due) {
      if (scored > 0 && this.clockMs() - started >= pace.budgetMs) break;
      this.score(fork, now);
      scored++;
    }
    return scored;
  }

  /** Score every fork now, whatever the pace (the end of a challenge). */
  evaluateAll(forks: readonly TrainingSession[], now: number): void {
    for (const fork of forks) this.score(fork, now);
  }

  private score(fork: TrainingSession, now: number): void {
    const size = networkSize(fork.layerSizes);
    if (disqualifications(this.goal, fork.config, size, fork.diverged).length > 0) {
      this.evaluations.set(fork.id, { clock: fork.clock, at: now, testLoss: Number.NaN });
      return;
    }
    const testLoss = this.heldOut.loss(fork.network, fork.config.features);
    this.evaluations.set(fork.id, { clock: fork.clock, at: now, testLoss });
    if (Number.isFinite(testLoss) && testLoss <= this.goal.targetTestLoss && this.record.reached[fork.id] === undefined) {
      this.record.reached[fork.id] = Math.max(0, Math.round(now - this.record.startedAt));
    }
  }

  /** End it: every fork scored once more, the standings kept as final (CHAL-6). */
  end(forks: readonly TrainingSession[], now: number): void {
    if (!this.running) return;
    this.evaluateAll(forks, now);
    this.record.final = this.standings(forks);
    this.record.endedAt = now;
  }

  /** Every fork's standing: ranked ones by rank (CHAL-4), then the ones that do not qualify; final once ended. */
  standings(forks: readonly TrainingSession[]): Standing[] {
    if (this.record.final) return this.record.final.map((s) => ({ ...s, disqualified: [...s.disqualified] }));
    const all = forks.map((fork): Standing => {
      const size = networkSize(fork.layerSizes);
      const reasons = disqualifications(this.goal, fork.config, size, fork.diverged);
      const evaluation = this.evaluations.get(fork.id);
      const testLoss = reasons.length === 0 && evaluation && Number.isFinite(evaluation.testLoss) ? evaluation.testLoss : null;
      return {
        forkId: fork.id,
        ownerId: fork.ownerId,
        ownerName: fork.identity.ownerName,
        testLoss,
        ...size,
        timeToTargetMs: this.record.reached[fork.id] ?? null,
        rank: null,
        disqualified: reasons,
      };
    });
    const kind = this.goal.budget.kind;
    const ranked = all
      .filter((s) => s.testLoss !== null)
      .sort((a, b) => compareScores({ testLoss: a.testLoss!, size: a[kind], timeToTargetMs: a.timeToTargetMs }, { testLoss: b.testLoss!, size: b[kind], timeToTargetMs: b.timeToTargetMs }));
    ranked.forEach((s, i) => (s.rank = i + 1));
    return [...ranked, ...all.filter((s) => s.testLoss === null)];
  }

  toRecord(): ChallengeRecord {
    return structuredClone(this.record);
  }
}
