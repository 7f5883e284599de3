/**
 * `playroom-train` end to end: parse the flags, validate the config with the
 * engine's one check, train with `createTrainer`, and print a table row (or
 * a history entry) every N epochs. Output goes through `io` so tests can run
 * it in-process; the process wrapper is playroom-train.ts.
 */
import { findPreset, PRESET_IDS } from '../presets';
import { copyLossHistory, lossHistoryFrom, trainRecordingLoss, type LossHistory } from '../loss-history';
import type { TrainerState } from '../state';
import { Trainer, createTrainer } from '../trainer';
import { ConfigError, validateConfig } from '../validate-config';
import { helpText } from './help-text';
import { CliUsageError, flagForField, parseArgs, reportInterval } from './parse-args';
import { jsonReport, runSummary, tableHeader, tableRow, type EpochRow } from './report';

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

/**
 * Playground files (FILE-1) for --from and --save. Their shape is the
 * protocol's (a SessionState per session), and the engine does not depend
 * on the protocol, so the protocol package implements this and its
 * `playroom-train` bin passes it in. Both throw an Error saying what is wrong.
 */
export interface SessionFiles {
  /** session `index` (0-based) of the file at `path`: its exact trainer state and loss curve */
  open(path: string, index: number): { trainer: TrainerState; lossHistory: LossHistory };
  /** writes the trained session to `path` as a playground file */
  save(path: string, trainer: Trainer, lossHistory: LossHistory): void;
}

export const EXIT_OK = 0;
export const EXIT_TRAINING_FAILED = 1;
export const EXIT_USAGE = 2;

/** Runs the CLI on argv (without node and script) and returns the exit code. */
export function runCli(argv: readonly string[], io: CliIo, files?: SessionFiles): number {
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
  const { options } = parsed;
  if ((options.from !== null || options.save !== null) && !files) return usageFailure(io, '--from and --save need the playground file reader: run the playroom-train bin');
  let config;
  try {
    config = validateConfig(parsed.config);
  } catch (error) {
    if (error instanceof ConfigError) return usageFailure(io, `${flagForField(error.field)}: ${error.message}`);
    throw error;
  }

  const every = reportInterval(options);
  const started = performance.now();
  let trainer: Trainer;
  let lossHistory: LossHistory;
  try {
    if (options.from !== null) {
      const opened = files!.open(options.from, options.session);
      trainer = Trainer.fromState(opened.trainer);
      lossHistory = copyLossHistory(opened.lossHistory);
      config = trainer.config;
    } else {
      trainer = createTrainer(config);
      lossHistory = lossHistoryFrom(trainer);
    }
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
    trainRecordingLoss(trainer, lossHistory, 1);
    if (trainer.diverged !== null) break;
    if (epoch % every === 0 || epoch === options.epochs) report();
  }
  const final = trainer.evaluate();
  if (final.diverged !== null && history.at(-1)?.epoch !== final.epoch) {
    history.push(final);
    if (!options.json) io.out(tableRow(final, withAccuracy));
  }
  const elapsedMs = performance.now() - started;
  if (options.save !== null) {
    try {
      files!.save(options.save, trainer, lossHistory);
    } catch (error) {
      io.err(`playroom-train: cannot save ${options.save}: ${error instanceof Error ? error.message : String(error)}`);
      return EXIT_TRAINING_FAILED;
    }
  }
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
