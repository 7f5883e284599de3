import { useT } from '../../i18n';

/** The mark every watcher sees while a session shows a checkpoint: "looking back at epoch 40" (SCRUB-2); over the loss chart, or `inline` (the projector). */
export function LookingBack({ scrubbedTo, inline = false }: { scrubbedTo: number | null | undefined; inline?: boolean }) {
  const t = useT();
  if (scrubbedTo === null || scrubbedTo === undefined) return null;
  return (
    <p className={inline ? 'pg-looking-back is-inline' : 'pg-looking-back'} role="status" data-testid="looking-back" data-epoch={scrubbedTo}>
      {t('pg.timeline.lookingBack', { epoch: String(scrubbedTo) })}
    </p>
  );
}
