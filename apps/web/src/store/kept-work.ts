import type { ClassEnded, SavedSession } from '@playroom/protocol';
import type { Identity } from './identity-storage';

/**
 * What this browser keeps of a class that ended (CMD-7): the forks the
 * server sent with `classEnded`, so "continue in practice mode" and
 * "download" work at once, after a reload and from the home page, for
 * KEPT_DAYS. In localStorage under its room code, beside the identity
 * (identity-storage.ts); a browser that refuses to store (private mode, a
 * full quota) keeps it for this tab only.
 */
export interface KeptWork {
  code: string;
  role: Identity['role'];
  name: string;
  reason: Exclude<ClassEnded['reason'], 'removed'>;
  /** epoch milliseconds */
  endedAt: number;
  /** the participant's own forks as they ended, exact */
  forks: SavedSession[];
  /** the teacher's: what the class export of the archived class needs (REST-3) */
  teacherExport?: { classId: string; token: string };
}

export const KEPT_DAYS = 14;
const KEPT_MS = KEPT_DAYS * 24 * 60 * 60 * 1000;
const PREFIX = 'playroom.kept.';
const inThisTab = new Map<string, KeptWork>();

function isKeptWork(value: unknown): value is KeptWork {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.code === 'string' &&
    (v.role === 'teacher' || v.role === 'student') &&
    typeof v.name === 'string' &&
    (v.reason === 'endedByTeacher' || v.reason === 'archived') &&
    typeof v.endedAt === 'number' &&
    Array.isArray(v.forks)
  );
}

const expired = (work: KeptWork, now: number) => now - work.endedAt > KEPT_MS;

/**
 * Keeps what the server sent when the class ended; returns it. `classId`:
 * the class session's id, with which the teacher's token still exports the
 * archived class (kept for the teacher only, as their identity was).
 */
export function keepEndedWork(identity: Identity, ended: ClassEnded, classId: string | null = null, now = Date.now()): KeptWork | null {
  if (ended.reason === 'removed') return null;
  // an end that brings no forks (a connection that raced it) never replaces one that did
  const before = ended.forks ? null : keptWorkFor(identity.code, now);
  if (before) return before;
  const work: KeptWork = { code: identity.code, role: identity.role, name: identity.name, reason: ended.reason, endedAt: now, forks: ended.forks ?? [] };
  if (identity.role === 'teacher' && identity.token && classId) work.teacherExport = { classId, token: identity.token };
  inThisTab.set(work.code, work);
  try {
    localStorage.setItem(PREFIX + work.code, JSON.stringify(work));
  } catch {
    // not stored (quota, private mode): this tab still has it
  }
  return work;
}

/** The work kept from the class with this code, unless it is older than KEPT_DAYS (then it is forgotten). */
export function keptWorkFor(code: string, now = Date.now()): KeptWork | null {
  let work = inThisTab.get(code) ?? null;
  if (!work) {
    try {
      const raw = localStorage.getItem(PREFIX + code);
      const parsed: unknown = raw ? JSON.parse(raw) : null;
      work = isKeptWork(parsed) && parsed.code === code ? parsed : null;
    } catch {
      work = null;
    }
  }
  if (work && expired(work, now)) {
    forgetKeptWork(code);
    return null;
  }
  return work;
}

export function forgetKeptWork(code: string): void {
  inThisTab.delete(code);
  try {
    localStorage.removeItem(PREFIX + code);
  } catch {
    // nothing stored
  }
}

/** Every class whose work is kept here, the latest first. */
export function listKeptWork(now = Date.now()): KeptWork[] {
  const codes = new Set(inThisTab.keys());
  try {
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (key?.startsWith(PREFIX)) codes.add(key.slice(PREFIX.length));
    }
  } catch {
    // only this tab's
  }
  return [...codes]
    .map((code) => keptWorkFor(code, now))
    .filter((work): work is KeptWork => work !== null)
    .sort((a, b) => b.endedAt - a.endedAt);
}
