import { downloadJson } from '../app/practice-files';
import { classConnection } from './index';

/**
 * Downloads a session of the class as a playground file with its exact
 * trainer state (exportSession, CMD-11); a refusal shows as the session's
 * command status, like any command's. Resolves whether it was downloaded.
 */
export async function downloadSession(sessionId: string): Promise<boolean> {
  const ack = await classConnection.send<'exportSession'>({ type: 'exportSession', sessionId });
  if (!ack.ok) return false;
  const fromClass = ack.file.fromClass ?? 'class';
  downloadJson(ack.file, `playroom-${fromClass}-${sessionId}.json`);
  return true;
}
