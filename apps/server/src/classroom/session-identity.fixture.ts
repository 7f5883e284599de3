import type { SessionIdentity } from './session-record';

/** A class session's identity for tests: id `id` in class `classId`, owned by the teacher p_teacher. */
export const sessionIdentity = (id: string, classId = 'c'): SessionIdentity => ({
  id,
  classId,
  kind: 'class',
  ownerId: 'p_teacher',
  ownerName: 'T',
  parentId: null,
  forkedAtEpoch: null,
  createdAt: 0,
});
