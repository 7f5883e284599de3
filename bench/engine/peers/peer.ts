/** What the engine benchmark needs from each library, ours included. */
import type { BenchCase } from '../bench-cases';

/** A network of one library set up for one case. */
export interface PeerRun {
  /** one epoch: train over the 250 train points, then compute train and test loss */
  epoch(): unknown;
  /** the last losses, to show every library really trained */
  losses(): { trainLoss: number; testLoss: number };
  /** the work behind a decision-boundary picture: all grids for ours, 10,000 forwards for a peer */
  grid?(): unknown;
  /** what `grid` does, for the report */
  gridLabel?: string;
  dispose?(): void;
}

export interface Peer {
  /** e.g. "convnetjs@0.3.0" */
  name: string;
  /** how close its training semantics are to ours, for the reader */
  notes: string;
  setUp(benchCase: BenchCase): Promise<PeerRun>;
}

/** Loads a library; a library that fails to load is reported and skipped. */
export type PeerLoader = () => Promise<Peer>;
