/** What the bench:load coordinator and its generator processes say to each other (Node IPC). */

/** One generator's share of a row: its classes, each a teacher + `students` students, `forks` of whom fork and play. */
export interface GeneratorSetup {
  type: 'setup';
  url: string;
  /** class numbers (names only), this generator's share */
  classes: number[];
  config: object;
  students: number;
  forks: number;
  /** the teacher changes the class session's learning rate this often */
  changeEveryMs: number;
}

export type ToGenerator =
  | GeneratorSetup
  /** start of the measured window: counts restart */
  | { type: 'mark' }
  /** end of the measured window: send the report */
  | { type: 'report' };

/** What one generator saw over the measured window. */
export interface GeneratorReport {
  seconds: number;
  /** per session (class sessions and forks): epochs per second, from the snapshots its watchers got */
  sessionEpochsPerSecond: number[];
  /** per client: snapshots per second of the session it gets fewest of (every client watches the class session; fork owners their fork too) */
  clientSnapshotsPerSecond: number[];
  /** teacher's setConfig emit → a student's receipt of the `session` update carrying it, ms (same process, same clock) */
  changeLatenciesMs: number[];
  /** student receipts of a change that had not arrived when the next change was sent */
  changesMissed: number;
  /** per student: snapshot bytes received per second */
  studentSnapshotBytesPerSecond: number[];
  /** sockets the server closed or lost since setup (never closed by the generator) */
  disconnects: number;
}

export type FromGenerator =
  | { type: 'ready'; sockets: number; sessions: number }
  | { type: 'report'; report: GeneratorReport }
  | { type: 'failed'; message: string };
