import { spawn } from 'node:child_process';

/** Event-loop delay of an idle Node process over the same seconds: the machine's own noise floor. */
export interface NoiseFloor {
  p99Median: number;
  p99Worst: number;
}

const PROBE = `
const { monitorEventLoopDelay } = require('node:perf_hooks');
const seconds = Number(process.argv[1]);
const p99s = [];
let h = monitorEventLoopDelay({ resolution: 1 });
h.enable();
const timer = setInterval(() => {
  p99s.push(h.percentile(99) / 1e6);
  h.disable();
  h = monitorEventLoopDelay({ resolution: 1 });
  h.enable();
  if (p99s.length >= seconds) { clearInterval(timer); process.stdout.write(JSON.stringify(p99s)); }
}, 1000);
`;

/** Start measuring now for `seconds`; resolves when done. */
export function measureNoiseFloor(seconds: number): Promise<NoiseFloor> {
  const child = spawn(process.execPath, ['-e', PROBE, String(seconds)], { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) =>
    child.on('exit', () => {
      try {
        const p99s = (JSON.parse(output) as number[]).sort((a, b) => a - b);
        resolve({ p99Median: p99s[Math.floor(p99s.length / 2)] ?? 0, p99Worst: p99s[p99s.length - 1] ?? 0 });
      } catch (error) {
        reject(error);
      }
    }),
  );
}
