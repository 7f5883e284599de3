import { useT } from '../i18n';
import type { PlaygroundActions, PlaygroundModel } from '../playground/model';

/**
 * Where the playground view goes. Until the playground component lands this
 * shows the session's vital signs, so the class flow can be used and tested.
 */
export function PlaygroundSlot({ model }: { model: PlaygroundModel | null; actions: PlaygroundActions }) {
  const t = useT();
  if (!model) return <p className="muted">{t('app.class.waitingForState')}</p>;
  return (
    <div className="playground-placeholder" data-testid="playground-placeholder">
      <p>{t('app.playground.loading')}</p>
      <p>
        {t('pg.epoch')}: <span data-testid="epoch">{model.epoch}</span>
      </p>
    </div>
  );
}
