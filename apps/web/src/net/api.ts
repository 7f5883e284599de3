import type { CreateSessionReply, ErrorReply } from '@playroom/protocol';
import type { JoinError } from '../store/connection-slice';

/** Creates a class (POST /api/sessions); throws a JoinError-shaped error the page can show. */
export async function createClass(teacherName: string, baseUrl = ''): Promise<CreateSessionReply> {
  let response: Response;
  try {
    response = await fetch(`${baseUrl}/api/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ teacherName: teacherName.trim() }),
    });
  } catch (err) {
    throw { code: 'network', message: err instanceof Error ? err.message : String(err) } satisfies JoinError;
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = (body as Partial<ErrorReply> | null)?.error;
    throw { code: error?.code ?? 'internal', message: error?.message ?? `HTTP ${response.status}` } satisfies JoinError;
  }
  return body as CreateSessionReply;
}
