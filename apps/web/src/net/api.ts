import type { ConfigPatch, CreateSessionReply, ErrorReply, SavedSession, SessionExport } from '@playroom/protocol';
import type { JoinError } from '../store/connection-slice';

/** A REST call's JSON reply; throws a JoinError-shaped error (no network, or the server's error body) the page can show. */
async function replyOf<T>(url: string, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, init);
  } catch (err) {
    throw { code: 'network', message: err instanceof Error ? err.message : String(err) } satisfies JoinError;
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = (body as Partial<ErrorReply> | null)?.error;
    throw { code: error?.code ?? 'internal', message: error?.message ?? `HTTP ${response.status}` } satisfies JoinError;
  }
  return body as T;
}

/**
 * Creates a class (POST /api/sessions): its class session from `start.config` (fields to change from the
 * default), or continuing `start.from` exactly (REST-1, FILE-2), or the default.
 */
export function createClass(teacherName: string, baseUrl = '', start: { config?: ConfigPatch; from?: SavedSession } = {}): Promise<CreateSessionReply> {
  return replyOf(`${baseUrl}/api/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ teacherName: teacherName.trim(), ...start }),
  });
}

/** The teacher's export of a class, live or ended (GET /api/sessions/:id/export, REST-3). */
export function exportClass(classId: string, teacherToken: string, baseUrl = ''): Promise<SessionExport> {
  return replyOf(`${baseUrl}/api/sessions/${encodeURIComponent(classId)}/export`, { headers: { authorization: `Bearer ${teacherToken}` } });
}
