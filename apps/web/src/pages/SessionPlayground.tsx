import { useMemo } from 'react';
import { useT } from '../i18n';
import { errorText } from '../app/error-text';
import { classConnection, sessionActions } from '../net';
import { Playground } from '../playground/Playground';
import type { CommandStatus } from '../playground/model';
import { useAppStore } from '../store/app-store';
import { commandStatusOf } from '../store/commands-slice';
import { toPlaygroundModel } from '../store/playground-model';

/** The playground for one server session; read-only unless the viewer owns it (the server enforces the same, PERM-1). */
export function SessionPlayground({ sessionId }: { sessionId: string }) {
  const t = useT();
  const session = useAppStore((s) => s.sessions[sessionId] ?? null);
  const readOnly = useAppStore((s) => s.participantId === null || s.sessions[sessionId]?.ownerId !== s.participantId);
  const commands = useAppStore((s) => s.commands);
  const actions = useMemo(() => sessionActions(classConnection, sessionId), [sessionId]);
  const model = useMemo(() => (session ? toPlaygroundModel(session, readOnly) : null), [session, readOnly]);

  const raw = commandStatusOf(commands, sessionId);
  const status: CommandStatus =
    raw.state === 'failed'
      ? { state: 'failed', message: errorText(t, { code: commands[raw.id]?.errorCode ?? 'internal', message: raw.message }) }
      : raw;

  return (
    <div className="session-playground" data-testid="session-playground" data-session-id={sessionId} data-readonly={readOnly}>
      {model ? <Playground model={model} actions={actions} status={status} /> : <p className="muted">{t('app.class.waitingForState')}</p>}
    </div>
  );
}
