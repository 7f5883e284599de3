import { Playground } from '../../../apps/web/src/playground/Playground';
import { useLocalTrainer } from '../../../apps/web/src/playground/local/useLocalTrainer';
import { presetConfig } from './presets';

/** The playground trained by a local trainer, nothing else on the page. */
export function LocalApp({ preset, readOnly }: { preset: string | null; readOnly: boolean }) {
  const { model, actions, failure } = useLocalTrainer(presetConfig(preset));
  const shown = readOnly ? { ...model, readOnly: true } : model;
  return (
    <Playground
      model={shown}
      actions={actions}
      status={failure ? { state: 'failed', message: failure.message } : { state: 'idle' }}
      toolbarExtra={readOnly ? <button type="button">Fork</button> : undefined}
    />
  );
}
