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
};
