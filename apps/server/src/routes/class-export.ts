import { PROTOCOL_VERSION, type SessionExport } from '@playroom/protocol';
import type { Classroom } from '../classroom/classroom';
import { ClassroomRegistry } from '../classroom/classroom-registry';
import type { Storage } from '../storage/storage';

/**
 * A class its teacher may export (REST-3): live on this server, or ended or
 * archived and kept in storage. `teacherTokenHash` is checked first; only
 * then is an archived class rebuilt (its sessions' engines), so a wrong
 * token costs no work.
 */
export interface ExportableClass {
  teacherTokenHash: string | null;
  classroom(): Classroom;
}

/** The class with this id, live or from storage (an archived class as it ended, every session paused), or null. */
export async function findExportableClass(
  registry: ClassroomRegistry,
  storage: Storage,
  classId: string,
): Promise<ExportableClass | null> {
  const live = registry.byId(classId);
  if (live) return { teacherTokenHash: live.roster.get(live.teacherId)?.tokenHash ?? null, classroom: () => live };
  const stored = await storage.loadClass(classId);
  if (!stored) return null;
  const teacher = stored.participants.find((p) => p.role === 'teacher');
  return {
    teacherTokenHash: teacher?.tokenHash ?? null,
    classroom: () => ClassroomRegistry.rebuild(stored.record, stored.participants, stored.sessions),
  };
}

/** The teacher's file of a class: the class session and every fork, exact, with the roster (REST-3). */
export function classExport(classroom: Classroom, now = new Date()): SessionExport {
  return {
    format: 'playroom-session',
    protocolVersion: PROTOCOL_VERSION,
    exportedAt: now.toISOString(),
    classId: classroom.id,
    code: classroom.code,
    teacherName: classroom.teacherName,
    createdAt: new Date(classroom.record.createdAt).toISOString(),
    classStatus: classroom.classStatus(),
    roster: classroom.rosterEntries(),
    sessions: classroom.sessions().map((session) => ({ ...session.toState(), trainer: session.trainerState() })),
  };
}
