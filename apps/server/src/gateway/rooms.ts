/** socket.io room names, one place. */
export const rooms = {
  /** everyone in a class: roster, class status, class end */
  classOf: (classId: string) => `class:${classId}`,
  /** the teacher's sockets: fork summaries */
  teacherOf: (classId: string) => `teacher:${classId}`,
  /** one participant's sockets (several tabs): own fork list */
  participant: (participantId: string) => `participant:${participantId}`,
  /** sockets watching a session: its updates and snapshots */
  watching: (sessionId: string) => `watch:${sessionId}`,
  /**
   * students watching someone else's fork because the teacher spotlights it:
   * its updates go here only while it is spotlighted, so a socket that stays
   * in this room (or comes back into it through connection state recovery)
   * receives nothing once the fork is private again (rule PERM-2)
   */
  spotlightViewers: (forkId: string) => `spotlight:${forkId}`,
};

/** A spotlight-viewer room: a recovered connection never keeps one (rule PERM-2). */
export function isSpotlightRoom(room: string): boolean {
  return room.startsWith('spotlight:');
}

/** The rooms that hear a session's updates and snapshots right now: its watchers, and its spotlight viewers while spotlighted. */
export function watcherRooms(sessionId: string, spotlightId: string | null): string[] {
  return sessionId === spotlightId ? [rooms.watching(sessionId), rooms.spotlightViewers(sessionId)] : [rooms.watching(sessionId)];
}

/** The rooms a participant's socket is in from its welcome on: its class, its own, the class session's watchers, the teacher's. */
export function participantRooms(identity: { classId: string; participantId: string; role: 'teacher' | 'student' }): string[] {
  // the class id is the class session's id
  const joined = [rooms.classOf(identity.classId), rooms.participant(identity.participantId), rooms.watching(identity.classId)];
  return identity.role === 'teacher' ? [...joined, rooms.teacherOf(identity.classId)] : joined;
}
