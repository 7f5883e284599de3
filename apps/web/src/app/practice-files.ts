import {
  PLAYGROUND_FILE_MAX_BYTES,
  playgroundFileOf,
  readPlaygroundFile,
  type PlaygroundFileContents,
  type SavedSession,
} from '@playroom/protocol';
import { navigate } from './navigation';

/*
 * Practice mode's files and hand-over: sessions saved as a playground file
 * (FILE-1) and read back, and sessions handed to /local by another page
 * ("continue in practice mode" at the end of a class).
 */

/** Sessions to open in practice mode, and the class they came from. */
export interface PracticeWork {
  /** with each trainer's exact state when the file had it (FILE-2) */
  sessions: SavedSession[];
  fromClass: string | null;
}

/**
 * Opens sessions in practice mode: /local with them in its history entry, so
 * a reload of that page opens them again while a new visit to /local starts
 * a fresh playground.
 */
export function openInPractice(work: PracticeWork): void {
  navigate({ page: 'local' }, { state: { practice: work } });
}

/** Remembers what /local now shows in its history entry (a file just opened), for a reload. */
export function rememberPracticeWork(work: PracticeWork): void {
  try {
    window.history.replaceState({ ...(window.history.state as object | null), practice: work }, '');
  } catch {
    // too big for the history entry: a reload starts afresh
  }
}

/** What this history entry of /local was opened with, if anything. */
export function handedToPractice(): PracticeWork | null {
  const work = (window.history.state as { practice?: PracticeWork } | null)?.practice;
  return work && Array.isArray(work.sessions) && work.sessions.length > 0 ? work : null;
}

/** A file name for sessions: the class's code when they came from one. */
export function playgroundFileName(fromClass: string | null): string {
  return fromClass ? `playroom-${fromClass}-forks.json` : 'playroom-playground.json';
}

/** Saves sessions as a playground file through the browser's download. */
export function downloadPlaygroundFile(work: PracticeWork, fileName = playgroundFileName(work.fromClass)): void {
  downloadJson(playgroundFileOf(work.sessions, work.fromClass), fileName);
}

/** Saves a value as a JSON file through the browser's download. */
export function downloadJson(value: unknown, fileName: string): void {
  const url = URL.createObjectURL(new Blob([JSON.stringify(value)], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // after the click has handed the blob to the download
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** What a chosen file holds (a playground file or a teacher's class export), or why it cannot be opened. */
export async function readChosenFile(file: Blob): Promise<PlaygroundFileContents | { ok: false; reason: 'tooBig'; detail: string }> {
  if (file.size > PLAYGROUND_FILE_MAX_BYTES) return { ok: false, reason: 'tooBig', detail: `${file.size} bytes` };
  return readPlaygroundFile(await file.text());
}
