import { describe, expect, it } from 'vitest';
import { PRESET_IDS, findPreset } from '../presets';
import { EXIT_OK, EXIT_USAGE, runCli } from './run-cli';

interface JsonHistoryEntry {
  epoch: number;
  trainLoss: number;
  testLoss: number;
  gradientNorms: number[];
}

function capture(argv: string[]): { code: number; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  const code = runCli(argv, { out: (line) => out.push(line), err: (line) => err.push(line) });
  return { code, out, err };
}

describe('runCli', () => {
  it('prints a summary, an aligned header and a row every N epochs plus the last', () => {
    const { code, out, err } = capture(['--epochs', '7', '--every', '3', '--seed', '2']);
    expect(code).toBe(EXIT_OK);
    expect(err).toEqual([]);
    expect(out[0]).toMatch(/^circle \(classification.*2→\[4,2\]→1 tanh/);
    expect(out[1]).toMatch(/epoch\s+train loss\s+test loss\s+train acc\s+test acc\s+grad in\/out/);
    const [titles, rule] = out[1]!.split('\n');
    expect(rule).toMatch(/^[- ]+$/);
    const rows = out.slice(2, -1);
    expect(rows.map((line) => Number(line.trim().split(/\s+/)[0]))).toEqual([0, 3, 6, 7]);
    for (const line of [rule!, ...rows]) expect(line.length).toBe(titles!.length);
    expect(out.at(-1)).toMatch(/^Trained 7 of 7 epochs/);
  });

  it('leaves out accuracy for regression', () => {
    const { out } = capture(['--dataset', 'regress-plane', '--epochs', '2']);
    expect(out[1]).not.toMatch(/acc/);
    expect(out[2]!.trim().split(/\s+/)).toHaveLength(4);
  });

  it('stops at a divergence and says why', () => {
    const { code, out } = capture([
      '--learning-rate', '10', '--activation', 'linear', '--shape', '8,8,8,8,8,8', '--features', 'all', '--epochs', '100',
    ]);
    expect(code).toBe(EXIT_OK);
    expect(out.join('\n')).toMatch(/diverged/i);
    expect(out.at(-1)).toMatch(/^Trained \d+ of 100 epochs/);
    expect(out.at(-1)).not.toMatch(/^Trained 100 /);
  });

  it('turns an invalid combination into a usage error naming the flag', () => {
    const { code, out, err } = capture(['--dataset', 'four-class', '--output-loss', 'tanh-square']);
    expect(code).toBe(EXIT_USAGE);
    expect(out).toEqual([]);
    expect(err[0]).toMatch(/^playroom-train: --output-loss: .*softmax-xent/);
  });

  it('prints the help and succeeds', () => {
    const { code, out } = capture(['--help']);
    expect(code).toBe(EXIT_OK);
    expect(out.join('\n')).toMatch(/Usage: npx playroom-train/);
  });

  it('--list-presets prints one preset id a line', () => {
    const { code, out } = capture(['--list-presets']);
    expect(code).toBe(EXIT_OK);
    expect(out).toEqual([...PRESET_IDS]);
  });

  it('--preset runs the preset for its epochs and names it above the table', () => {
    const { code, out } = capture(['--preset', 'circle-squares']);
    expect(code).toBe(EXIT_OK);
    expect(out[0]).toBe(`preset circle-squares: ${findPreset('circle-squares')!.summary}`);
    expect(out[1]).toMatch(/^circle .*4→\[\]→1/);
    expect(out.at(-1)).toMatch(/^Trained 200 of 200 epochs/);
  });

  it('shows the input/output gradient ratio per row: vanishing-gradients ends far below 1e-3', () => {
    const { out } = capture(['--preset', 'vanishing-gradients']);
    const cells = (line: string): string[] => line.trim().split(/\s+/);
    expect(cells(out[3]!).at(-1)).toBe('-');
    expect(Number(cells(out.at(-2)!).at(-1))).toBeLessThan(1e-3);
  });

  it('--preset --json: history entries carry per-layer gradient norms, input side first (vanishing: first ≪ last)', () => {
    const { code, out } = capture(['--preset', 'vanishing-gradients', '--json', '--every', '10']);
    expect(code).toBe(EXIT_OK);
    const report = JSON.parse(out.join('\n')) as { preset: string; epochs: number; history: JsonHistoryEntry[] };
    expect(report.preset).toBe('vanishing-gradients');
    expect(report.history.map((h) => h.epoch)).toEqual([0, 10, 20, 30, 40, 50]);
    const last = report.history.at(-1)!;
    expect(last.gradientNorms).toHaveLength(7);
    expect(last.gradientNorms[0]! / last.gradientNorms[6]!).toBeLessThan(1e-3);
    expect(report.history[0]!.gradientNorms).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });

  it('--preset exploding-gradients stops with the divergence', () => {
    const { code, out } = capture(['--preset', 'exploding-gradients']);
    expect(code).toBe(EXIT_OK);
    expect(out.join('\n')).toMatch(/diverged|grew beyond/i);
    expect(out.at(-1)).toMatch(/^Trained 0 of 100 epochs/);
  });

  it('an unknown preset is a usage error naming the known ids', () => {
    const { code, out, err } = capture(['--preset', 'spiral-magic']);
    expect(code).toBe(EXIT_USAGE);
    expect(out).toEqual([]);
    expect(err[0]).toMatch(/^playroom-train: --preset: unknown preset "spiral-magic"; known presets: xor-linear, /);
  });
});
