import { useMemo } from 'react';
import { classConnection, sessionActions } from '../net';
import { useAppStore } from '../store/app-store';
import { toPlaygroundModel } from '../store/playground-model';
import { CommandStatusBar } from './CommandStatusBar';
import { PlaygroundSlot } from './PlaygroundSlot';

/** The playground for one server session; read-only unless the viewer owns it (the server enforces the same, PERM-1). */
export function SessionPlayground({ sessionId }: { sessionId: string }) {
  const session = useAppStore((s) => s.sessions[sessionId] ?? null);
  const readOnly = useAppStore((s) => s.participantId === null || s.sessions[sessionId]?.ownerId !== s.participantId);
  const actions = useMemo(() => sessionActions(classConnection, sessionId), [sessionId]);
  const model = useMemo(() => (session ? toPlaygroundModel(session, readOnly) : null), [session, readOnly]);
  return (
    <div className="session-playground" data-testid="session-playground" data-session-id={sessionId} data-readonly={readOnly}>
      <CommandStatusBar sessionId={sessionId} />
      <PlaygroundSlot model={model} actions={actions} />
    </div>
  );
}
