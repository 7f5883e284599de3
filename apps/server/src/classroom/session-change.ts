import { createTrainer, validateConfig, type Trainer, type TrainerConfig } from '@playroom/engine';

/*
 * What a training session refuses, in the protocol's words: a config the
 * engine's one check rejects, or a parameter outside the network.
 */

/** A refused session change, with the protocol's words for it. */
export class SessionChangeError extends Error {
  constructor(
    readonly code: 'invalidConfig' | 'invalidParameter',
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** The engine's check of a config, its refusal as a SessionChangeError (`invalidConfig`, naming the field). */
export function checkedConfig(input: unknown): TrainerConfig {
  try {
    return validateConfig(input);
  } catch (error) {
    const field = (error as { field?: unknown }).field;
    throw new SessionChangeError(
      'invalidConfig',
      error instanceof Error ? error.message : 'invalid config',
      typeof field === 'string' ? field : undefined,
    );
  }
}

/** A trainer for a config that passes the check. */
export function buildTrainer(config: TrainerConfig): Trainer {
  return createTrainer(checkedConfig(config));
}

/** Rule CMD-5: a weight (`from` a neuron) or a bias (`from` null) the network of `sizes` has, else `invalidParameter`. */
export function checkParameter(sizes: readonly number[], layer: number, to: number, from: number | null): void {
  const inLayer = layer >= 1 && layer < sizes.length && to < sizes[layer]!;
  if (inLayer && (from === null || from < sizes[layer - 1]!)) return;
  const what = from === null ? `bias ${layer}/${to}` : `weight ${layer}/${to}/${from}`;
  throw new SessionChangeError('invalidParameter', `no ${what} in a [${sizes}] network`);
}
