import type { LossHistory, TrainerState } from '@playroom/engine';
import type { SessionKind, Speed } from '@playroom/protocol';

/** Who a session is and where it comes from; fixed for its life. */
export interface SessionIdentity {
  id: string;
  classId: string;
  kind: SessionKind;
  ownerId: string;
  ownerName: string;
  parentId: string | null;
  forkedAtEpoch: number | null;
  createdAt: number;
}

/** Everything storage keeps of a session: identity, the exact trainer state and the bookkeeping around it. */
export interface SessionRecord extends SessionIdentity {
  speed: Speed;
  clock: number;
  lossHistory: LossHistory;
  trainer: TrainerState;
  /** the preset "Show me" loaded last (TEACH-1); absent in records stored before it */
  preset?: string | null;
}
