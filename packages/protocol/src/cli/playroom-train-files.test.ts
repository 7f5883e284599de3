import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli, type CliIo } from '@playroom/engine/cli';
import { describe, expect, it } from 'vitest';
import { readPlaygroundFile } from '../playground-file';
import { sessionFilesOnDisk } from './session-files';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'playroom-cli-'));
const TRAINING = ['--dataset', 'spiral', '--shape', '6,4', '--batch-size', '7', '--optimizer', 'adam', '--seed', '5', '--json'];

function run(args: string[]): { code: number; out: string; err: string } {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (line) => out.push(line), err: (line) => err.push(line) };
  const code = runCli(args, io, sessionFilesOnDisk);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

function savedParams(file: string): number[] {
  const contents = readPlaygroundFile(fs.readFileSync(file, 'utf8'));
  if (!contents.ok) throw new Error(contents.detail);
  return contents.sessions[0]!.params;
}

describe('playroom-train --from / --save (FILE-2)', () => {
  it('--save after N epochs, then --from for M, equals N + M epochs straight, bit for bit', () => {
    const first = path.join(dir, 'first.json');
    const continued = path.join(dir, 'continued.json');
    const straight = path.join(dir, 'straight.json');
    expect(run([...TRAINING, '--epochs', '5', '--save', first]).code).toBe(0);
    const fromRun = run(['--from', first, '--epochs', '7', '--json', '--save', continued]);
    expect(fromRun.code, fromRun.err).toBe(0);
    expect(run([...TRAINING, '--epochs', '12', '--save', straight]).code).toBe(0);
    expect(savedParams(continued)).toEqual(savedParams(straight));
    const contents = readPlaygroundFile(fs.readFileSync(continued, 'utf8'));
    expect(contents).toMatchObject({ ok: true, fromClass: null, sessions: [{ epoch: 12, trainer: { epoch: 12, optimizer: { kind: 'adam' } } }] });
    // the loss curve continues the file's
    if (contents.ok) expect(contents.sessions[0]!.lossHistory.points.map((p) => p.epoch).slice(0, 6)).toEqual([0, 1, 2, 3, 4, 5]);
    expect((JSON.parse(fromRun.out) as { final: { epoch: number } }).final.epoch).toBe(12);
  });

  it('refuses config flags with --from, --session without it, a missing session and a damaged file, saying why', () => {
    const file = path.join(dir, 'one.json');
    expect(run(['--epochs', '1', '--save', file]).code).toBe(0);
    expect(run(['--from', file, '--learning-rate', '0.3'])).toMatchObject({ code: 2, err: expect.stringContaining('--learning-rate') });
    expect(run(['--session', '2'])).toMatchObject({ code: 2, err: expect.stringContaining('needs --from') });
    expect(run(['--from', file, '--session', '2'])).toMatchObject({ code: 1, err: expect.stringContaining('no session 2') });
    const damaged = path.join(dir, 'damaged.json');
    fs.writeFileSync(damaged, fs.readFileSync(file, 'utf8').replace('"rng":[', '"rng":[0,0,0,0],"x":['));
    expect(run(['--from', damaged])).toMatchObject({ code: 1, err: expect.stringContaining('damaged') });
    expect(runCli(['--from', file], { out: () => {}, err: () => {} })).toBe(2);
  });
});
