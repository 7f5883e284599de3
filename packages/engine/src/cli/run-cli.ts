/**
 * `playroom-train` end to end: parse the flags, validate the config with the
 * engine's one check, train with `createTrainer`, and print a table row (or
 * a history entry) every N epochs. Output goes through `io` so tests can run
 * it in-process; the process wrapper is playroom-train.ts.
 */
import { findPreset, PRESET_IDS } from '../presets';
import { createTrainer } from '../trainer';
import { ConfigError, validateConfig } from '../validate-config';
import { helpText } from './help-text';
import { CliUsageError, flagForField, parseArgs, reportInterval } from './parse-args';
import { jsonReport, runSummary, tableHeader, tableRow, type EpochRow } from './report';

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

export const EXIT_OK = 0;
export const EXIT_TRAINING_FAILED = 1;
export const EXIT_USAGE = 2;

/** Runs the CLI on argv (without node and script) and returns the exit code. */
export function runCli(argv: readonly string[], io: CliIo): number {
  let parsed;
  try {
    parsed = parseArgs(argv);
  } catch (error) {
    if (error instanceof CliUsageError) return usageFailure(io, error.message);
    throw error;
  }
  switch (parsed.kind) {
    case 'help':
      io.out(helpText());
      return EXIT_OK;
    case 'list-presets':
      for (const id of PRESET_IDS) io.out(id);
      return EXIT_OK;
    case 'run':
      break;
    default: {
      const unknown: never = parsed;
      throw new Error(`unknown parse result ${JSON.stringify(unknown)}`);
    }
  }
  let config;
  try {
    config = validateConfig(parsed.config);
  } catch (error) {
    if (error instanceof ConfigError) return usageFailure(io, `${flagForField(error.field)}: ${error.message}`);
    throw error;
  }

  const { options } = parsed;
  const every = reportInterval(options);
  const started = performance.now();
  let trainer;
  try {
    trainer = createTrainer(config);
  } catch (error) {
    io.err(`playroom-train: cannot build the trainer: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT_TRAINING_FAILED;
  }
  const withAccuracy = config.problem !== 'regression';
  const history: EpochRow[] = [];
  const report = (): void => {
    const metrics = trainer.evaluate();
    history.push(metrics);
    if (!options.json) io.out(tableRow(metrics, withAccuracy));
  };
  if (!options.json) {
    const preset = options.preset === null ? undefined : findPreset(options.preset);
    if (preset !== undefined) io.out(`preset ${preset.id}: ${preset.summary}`);
    io.out(runSummary(config, options.epochs));
    io.out(tableHeader(withAccuracy));
  }
  report();
  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    trainer.trainEpoch();
    if (trainer.diverged !== null) break;
    if (epoch % every === 0 || epoch === options.epochs) report();
  }
  const final = trainer.evaluate();
  if (final.diverged !== null && history.at(-1)?.epoch !== final.epoch) {
    history.push(final);
    if (!options.json) io.out(tableRow(final, withAccuracy));
  }
  const elapsedMs = performance.now() - started;
  if (options.json) {
    io.out(jsonReport({ preset: options.preset, config, epochs: options.epochs, history, final, elapsedMs }));
  } else {
    if (final.diverged !== null) io.out(final.diverged.reason);
    io.out(`Trained ${final.epoch} of ${options.epochs} epochs in ${(elapsedMs / 1000).toFixed(2)} s`);
  }
  return EXIT_OK;
}

function usageFailure(io: CliIo, message: string): number {
  io.err(`playroom-train: ${message}`);
  io.err('Run playroom-train --help for every flag and its values.');
  return EXIT_USAGE;
}
