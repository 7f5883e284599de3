import { useT } from '../../i18n';

/** The mark every watcher sees while a session shows a checkpoint: "looking back at epoch 40" (SCRUB-2). */
export function LookingBack({ scrubbedTo }: { scrubbedTo: number | null | undefined }) {
  const t = useT();
  if (scrubbedTo === null || scrubbedTo === undefined) return null;
  return (
    <p className="pg-looking-back" role="status" data-testid="looking-back" data-epoch={scrubbedTo}>
      {t('pg.timeline.lookingBack', { epoch: String(scrubbedTo) })}
    </p>
  );
}
