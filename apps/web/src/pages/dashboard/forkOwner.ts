import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ForkSummary } from '@playroom/protocol';
import { useT } from '../../i18n';
import { useAppStore } from '../../store/app-store';
import { forkOrdinals } from '../../store/forks-slice';

/**
 * How the dashboard names a fork: its owner ("You" for the teacher's own),
 * numbered when the owner has several ("Ann 2"). The one place a fork's
 * owner is named on the cards, so an alias (hidden names) slots in here.
 */
export function forkLabel(owner: string, ownerForks: number, ordinal: number | undefined): string {
  return ownerForks > 1 ? `${owner} ${ordinal ?? ''}` : owner;
}

/** The label of every fork in the store, as a function for sorting and drawing. */
export function useForkLabels(): (fork: ForkSummary) => string {
  const t = useT();
  const you = t('app.dashboard.you');
  const me = useAppStore((s) => s.participantId);
  const ordinals = useAppStore(useShallow((s) => forkOrdinals(s.forkSummaries)));
  const owners = useAppStore(
    useShallow((s) => {
      const counts: Record<string, number> = {};
      for (const f of Object.values(s.forkSummaries)) counts[f.ownerId] = (counts[f.ownerId] ?? 0) + 1;
      return counts;
    }),
  );
  return useMemo(
    () => (fork: ForkSummary) => forkLabel(fork.ownerId === me ? you : fork.ownerName, owners[fork.ownerId] ?? 0, ordinals[fork.sessionId]),
    [me, you, owners, ordinals],
  );
}
