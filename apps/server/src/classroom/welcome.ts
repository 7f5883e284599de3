import { PROTOCOL_VERSION, type Welcome } from '@playroom/protocol';
import type { Classroom } from './classroom';
import type { Actor } from './permissions';

/** The full picture a participant gets after connecting (rule JOIN-1). */
export function welcomeFor(
  classroom: Classroom,
  actor: Actor,
  options: { participantToken?: string; joinUrl: string; maxForksPerParticipant: number; snapshotHz: number },
): Welcome {
  const participant = classroom.roster.get(actor.participantId);
  const welcome: Welcome = {
    protocolVersion: PROTOCOL_VERSION,
    classId: classroom.id,
    code: classroom.code,
    joinUrl: options.joinUrl,
    role: actor.role,
    participantId: actor.participantId,
    name: participant?.name ?? '',
    classSession: classroom.classSession.toState(),
    forks: classroom.forkSummaries(actor.role === 'teacher' ? undefined : actor.participantId),
    // the class session is the teacher's, whose name is never hidden (NAMES-2)
    roster: classroom.rosterEntries(actor),
    classStatus: classroom.classStatus(actor),
    limits: { maxForksPerParticipant: options.maxForksPerParticipant, snapshotHz: options.snapshotHz },
  };
  if (options.participantToken !== undefined) welcome.participantToken = options.participantToken;
  return welcome;
}
