/** The engine benchmark's results: a table for people, JSON for machines, and the target ratios. */

export const OURS = 'playroom';
/** ours / peer must stay at or below this for every target */
export const TARGET_RATIO = 0.3;

export interface EpochResult {
  caseId: string;
  network: string;
  library: string;
  msPerEpoch: number;
  minMs: number;
  maxMs: number;
  /** this library's time divided by ours: how many times slower than us */
  timesOurs: number;
  trainLoss: number;
  testLoss: number;
  notes: string;
}

export interface GridResult {
  network: string;
  library: string;
  what: string;
  ms: number;
  timesOurs: number;
}

export interface TargetResult {
  name: string;
  /** ours / peer */
  ratio: number | null;
  threshold: number;
  met: boolean;
}

export interface BenchResults {
  node: string;
  samples: number;
  epochs: EpochResult[];
  grids: GridResult[];
  targets: TargetResult[];
  failures: { library: string; stage: string; error: string }[];
}

/** ours/peer for the target, or null when either side is missing. */
export function targetRatio(ours: number | undefined, peer: number | undefined): number | null {
  return ours === undefined || peer === undefined || peer <= 0 ? null : ours / peer;
}

function ms(value: number): string {
  return value >= 100 ? value.toFixed(1) : value >= 1 ? value.toFixed(3) : value.toFixed(4);
}

function table(headers: string[], rows: string[][], leftColumns: number): string {
  const widths = headers.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const line = (cells: string[]): string =>
    cells.map((cell, c) => (c < leftColumns ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ').trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** The human-readable report. */
export function formatReport(results: BenchResults): string {
  const out: string[] = [];
  out.push(`Engine benchmark · node ${results.node} · medians of ${results.samples} samples`, '');
  out.push('One epoch = train over 250 points, then train loss and test loss over 250 + 250 points.');
  out.push(
    table(
      ['network', 'library', 'ms/epoch', 'min–max', '× ours', 'train loss', 'test loss'],
      results.epochs.map((r) => [
        r.network,
        r.library,
        ms(r.msPerEpoch),
        `${ms(r.minMs)}–${ms(r.maxMs)}`,
        `${r.timesOurs.toFixed(2)}×`,
        r.trainLoss.toFixed(4),
        r.testLoss.toFixed(4),
      ]),
      2,
    ),
  );
  const notes = new Map(results.epochs.map((r) => [r.library, r.notes]));
  for (const [library, note] of notes) out.push(`  ${library}: ${note}`);
  out.push('', 'Decision-boundary pictures on the largest network (100×100 grid):');
  out.push(
    table(
      ['library', 'work', 'ms', '× ours'],
      results.grids.map((g) => [g.library, g.what, ms(g.ms), `${g.timesOurs.toFixed(2)}×`]),
      2,
    ),
  );
  out.push('', `Targets (ours / peer ≤ ${TARGET_RATIO}):`);
  for (const t of results.targets) {
    const value = t.ratio === null ? 'n/a' : t.ratio.toFixed(3);
    out.push(`  ${t.met ? 'MET    ' : 'NOT MET'} ${t.name}: ${value}`);
  }
  if (results.failures.length > 0) {
    out.push('', 'Skipped:');
    for (const f of results.failures) out.push(`  ${f.library} (${f.stage}): ${f.error}`);
  }
  return out.join('\n');
}
