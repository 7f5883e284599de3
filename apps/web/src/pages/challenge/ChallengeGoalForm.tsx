import { useState } from 'react';
import { FEATURES, FEATURE_IDS, LIMITS, type FeatureId } from '@playroom/engine';
import { CHALLENGE_DATASETS, CHALLENGE_LIMITS, type ChallengeGoal } from '@playroom/protocol';
import { useT, type MessageKey } from '../../i18n';
import { useAppStore } from '../../store/app-store';

const DEFAULT_GOAL: ChallengeGoal = { dataset: 'circle', noise: 0, features: ['x1', 'x2'], budget: { kind: 'neurons', max: 8 }, targetTestLoss: 0.1, timeLimitSec: 600 };

/** A first goal on the class session's data and features: what the students fork. */
function useFirstGoal(): ChallengeGoal {
  const config = useAppStore((s) => (s.classSessionId ? s.sessions[s.classSessionId]?.config : undefined));
  if (!config) return DEFAULT_GOAL;
  const dataset = (CHALLENGE_DATASETS as readonly string[]).includes(config.dataset) ? (config.dataset as ChallengeGoal['dataset']) : DEFAULT_GOAL.dataset;
  return { ...DEFAULT_GOAL, dataset, noise: config.noise, features: [...config.features] };
}

/** The teacher's goal (CHAL-1), within the bounds the server accepts (clamped here, so the browser's own step checks are off). */
export function ChallengeGoalForm({ busy, onStart }: { busy: boolean; onStart(goal: ChallengeGoal): void }) {
  const t = useT();
  const first = useFirstGoal();
  const [goal, setGoal] = useState<ChallengeGoal>(first);
  const patch = (change: Partial<ChallengeGoal>) => setGoal((g) => ({ ...g, ...change }));
  const toggleFeature = (id: FeatureId) =>
    patch({ features: goal.features.includes(id) ? goal.features.filter((f) => f !== id) : FEATURE_IDS.filter((f) => f === id || goal.features.includes(f)) });
  const maxBudget = goal.budget.kind === 'neurons' ? CHALLENGE_LIMITS.maxNeurons : CHALLENGE_LIMITS.maxWeights;
  const minutes = goal.timeLimitSec === null ? '' : String(goal.timeLimitSec / 60);

  return (
    <form
      className="challenge-form"
      data-testid="challenge-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        onStart(goal);
      }}
    >
      <label>
        {t('challenge.dataset')}
        <select data-testid="challenge-dataset" value={goal.dataset} onChange={(e) => patch({ dataset: e.target.value as ChallengeGoal['dataset'] })}>
          {CHALLENGE_DATASETS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`pg.dataset.${kind}` as MessageKey)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('challenge.noise')}
        <input type="number" data-testid="challenge-noise" min={LIMITS.noise.min} max={LIMITS.noise.max} step={5} value={goal.noise} onChange={(e) => patch({ noise: clamp(Math.round(Number(e.target.value)), LIMITS.noise.min, LIMITS.noise.max) })} />
      </label>
      <fieldset className="challenge-features">
        <legend>{t('challenge.features')}</legend>
        {FEATURE_IDS.map((id) => (
          <label key={id} className="challenge-feature">
            <input type="checkbox" data-testid={`challenge-feature-${id}`} checked={goal.features.includes(id)} onChange={() => toggleFeature(id)} />
            {FEATURES[id].label}
          </label>
        ))}
      </fieldset>
      <label>
        {t('challenge.budget')}
        <select
          data-testid="challenge-budget-kind"
          value={goal.budget.kind}
          onChange={(e) => {
            const kind = e.target.value as ChallengeGoal['budget']['kind'];
            patch({ budget: { kind, max: kind === 'neurons' ? 8 : 40 } });
          }}
        >
          <option value="neurons">{t('challenge.budget.kind.neurons')}</option>
          <option value="weights">{t('challenge.budget.kind.weights')}</option>
        </select>
      </label>
      <label>
        {t('challenge.budget.max')}
        <input type="number" data-testid="challenge-budget-max" min={1} max={maxBudget} value={goal.budget.max} onChange={(e) => patch({ budget: { ...goal.budget, max: clamp(Math.round(Number(e.target.value)), 1, maxBudget) } })} />
      </label>
      <label>
        {t('challenge.target')}
        <input
          type="number"
          data-testid="challenge-target"
          min={CHALLENGE_LIMITS.targetTestLoss.min}
          max={CHALLENGE_LIMITS.targetTestLoss.max}
          step={0.01}
          value={goal.targetTestLoss}
          onChange={(e) => patch({ targetTestLoss: clamp(Number(e.target.value), CHALLENGE_LIMITS.targetTestLoss.min, CHALLENGE_LIMITS.targetTestLoss.max) })}
        />
      </label>
      <label>
        {t('challenge.timeLimit')}
        <input
          type="number"
          data-testid="challenge-time-limit"
          min={1}
          max={CHALLENGE_LIMITS.timeLimitSec.max / 60}
          value={minutes}
          onChange={(e) => {
            const value = e.target.value.trim();
            const sec = clamp(Math.round(Number(value) * 60), CHALLENGE_LIMITS.timeLimitSec.min, CHALLENGE_LIMITS.timeLimitSec.max);
            patch({ timeLimitSec: value === '' ? null : sec });
          }}
        />
      </label>
      <button type="submit" className="button small primary" data-testid="challenge-start" disabled={busy || goal.features.length === 0}>
        {t('challenge.start')}
      </button>
    </form>
  );
}

function clamp(value: number, min: number, max: number): number {
  return Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : min;
}
