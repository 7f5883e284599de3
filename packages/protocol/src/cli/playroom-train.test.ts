import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const BIN = fileURLToPath(new URL('../../bin/playroom-train.js', import.meta.url));

interface JsonOutput {
  preset: string | null;
  config: { dataset: string; hiddenLayers: number[]; features: string[] };
  epochs: number;
  history: { epoch: number; trainLoss: number; testLoss: number; trainAccuracy?: number; gradientNorms: number[] }[];
  final: { epoch: number; trainLoss: number; testLoss: number };
}

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('playroom-train (spawned)', () => {
  it('trains a few epochs and prints the history as JSON', async () => {
    const { code, stdout } = await cli([
      '--dataset', 'xor', '--features', 'playground', '--shape', '4,4', '--epochs', '6', '--every', '2',
      '--seed', '3', '--learning-rate', '0.1', '--json',
    ]);
    expect(code).toBe(0);
    const output = JSON.parse(stdout) as JsonOutput;
    expect(output.config).toMatchObject({ dataset: 'xor', hiddenLayers: [4, 4] });
    expect(output.config.features).toHaveLength(7);
    expect(output.history.map((h) => h.epoch)).toEqual([0, 2, 4, 6]);
    for (const entry of output.history) {
      expect(Number.isFinite(entry.trainLoss) && Number.isFinite(entry.testLoss)).toBe(true);
      expect(entry.trainAccuracy).toBeGreaterThanOrEqual(0);
    }
    expect(output.history.at(-1)!.trainLoss).toBeLessThan(output.history[0]!.trainLoss);
    expect(output.final).toMatchObject({ epoch: 6, trainLoss: output.history.at(-1)!.trainLoss });
  }, 60_000);

  it('runs a preset for its own epochs: xor-tanh learns XOR, gradient norms per layer in every entry', async () => {
    const { code, stdout } = await cli(['--preset', 'xor-tanh', '--json', '--every', '100']);
    expect(code).toBe(0);
    const output = JSON.parse(stdout) as JsonOutput;
    expect(output).toMatchObject({ preset: 'xor-tanh', epochs: 300, config: { dataset: 'xor', hiddenLayers: [4, 4] } });
    expect(output.history.map((h) => h.epoch)).toEqual([0, 100, 200, 300]);
    for (const entry of output.history) expect(entry.gradientNorms).toHaveLength(3);
    expect(output.history.at(-1)!.gradientNorms.every((norm) => norm > 0)).toBe(true);
    expect(output.final.testLoss).toBeLessThan(0.05);
  }, 60_000);

  it('is deterministic: the same flags print the same losses', async () => {
    const args = ['--dataset', 'spiral', '--noise', '10', '--epochs', '3', '--json'];
    const [a, b] = await Promise.all([cli(args), cli(args)]);
    const losses = (stdout: string): number[][] =>
      (JSON.parse(stdout) as JsonOutput).history.map((h) => [h.trainLoss, h.testLoss]);
    expect(losses(a.stdout)).toEqual(losses(b.stdout));
  }, 60_000);

  it('exits with 2 and names the flag when a value is out of range', async () => {
    const { code, stdout, stderr } = await cli(['--train-ratio', '95']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/--train-ratio: .*10.*90/);
  }, 60_000);
});
