/**
 * What `playroom-train` prints: an aligned table for people, written a row
 * at a time while training runs, or one JSON object for machines.
 */
import type { TrainerConfig } from '../config';

/** One reported epoch; the trainer's Metrics fit this shape. */
export interface EpochRow {
  epoch: number;
  trainLoss: number;
  testLoss: number;
  trainAccuracy?: number;
  testAccuracy?: number;
  /** per weight layer, input side first (the trainer's Metrics.gradientNorms) */
  gradientNorms: readonly number[];
}

interface Column {
  title: string;
  width: number;
  cell(row: EpochRow): string;
}

function loss(value: number): string {
  return Number.isFinite(value) ? value.toFixed(6) : String(value);
}

function percent(value: number | undefined): string {
  return value === undefined ? '-' : `${(value * 100).toFixed(1)}%`;
}

/** The input layer's gradient norm over the output layer's: far below 1 when gradients vanish, far above when they explode. */
function gradientRatio(norms: readonly number[]): string {
  const last = norms.at(-1) ?? 0;
  return last === 0 ? '-' : (norms[0]! / last).toExponential(1);
}

function columns(withAccuracy: boolean): Column[] {
  const losses: Column[] = [
    { title: 'epoch', width: 7, cell: (r) => String(r.epoch) },
    { title: 'train loss', width: 11, cell: (r) => loss(r.trainLoss) },
    { title: 'test loss', width: 11, cell: (r) => loss(r.testLoss) },
  ];
  const accuracy: Column[] = [
    { title: 'train acc', width: 9, cell: (r) => percent(r.trainAccuracy) },
    { title: 'test acc', width: 9, cell: (r) => percent(r.testAccuracy) },
  ];
  const gradients: Column = { title: 'grad in/out', width: 11, cell: (r) => gradientRatio(r.gradientNorms) };
  return [...losses, ...(withAccuracy ? accuracy : []), gradients];
}

/** The table's header line and rule. */
export function tableHeader(withAccuracy: boolean): string {
  const cols = columns(withAccuracy);
  const titles = cols.map((c) => c.title.padStart(c.width)).join('  ');
  return `${titles}\n${cols.map((c) => '-'.repeat(c.width)).join('  ')}`;
}

/** One table line, right-aligned under the header. */
export function tableRow(row: EpochRow, withAccuracy: boolean): string {
  return columns(withAccuracy)
    .map((c) => c.cell(row).padStart(c.width))
    .join('  ');
}

/** A one-line description of the run above the table. */
export function runSummary(config: TrainerConfig, epochs: number): string {
  const outputs = config.problem === 'multiclass' ? 'k' : 1;
  const shape = `${config.features.length}→[${config.hiddenLayers.join(',')}]→${outputs}`;
  return (
    `${config.dataset} (${config.problem}, noise ${config.noise}%, train ${config.trainRatio}%, data seed ${config.dataSeed}) · ` +
    `${shape} ${config.activation} · ${config.optimizer.kind} rate ${config.learningRate} batch ${config.batchSize} · ` +
    `${epochs} epochs, seed ${config.seed}`
  );
}

export interface JsonReport {
  /** the --preset id, or null */
  preset: string | null;
  config: TrainerConfig;
  epochs: number;
  history: EpochRow[];
  final: unknown;
  elapsedMs: number;
}

/** The machine-readable result: preset, config, sampled history (losses, accuracy, gradient norms), final metrics. */
export function jsonReport(report: JsonReport): string {
  const history = report.history.map(({ epoch, trainLoss, testLoss, trainAccuracy, testAccuracy, gradientNorms }) => ({
    epoch,
    trainLoss,
    testLoss,
    ...(trainAccuracy === undefined ? {} : { trainAccuracy }),
    ...(testAccuracy === undefined ? {} : { testAccuracy }),
    gradientNorms,
  }));
  return JSON.stringify({ ...report, history, elapsedMs: Math.round(report.elapsedMs * 1000) / 1000 });
}
