import fs from 'node:fs';
import path from 'node:path';

/** Resident set size of a process in MB, from /proc (Linux): what the finding measured. */
export function rssMb(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!match) throw new Error(`no VmRSS for ${pid}`);
  return Number(match[1]) / 1024;
}

/** Wait `ms`. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The value of a Prometheus counter or gauge in /metrics text. */
export async function metricValue(url: string, name: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const match = new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, 'm').exec(text);
  if (!match) throw new Error(`no ${name} in /metrics`);
  return Number(match[1]);
}

/** Env for spawnServer: the child can be told to collect garbage (see gcAndRssMb). */
export const GC_ENV = { NODE_OPTIONS: `--expose-gc --require ${path.join(import.meta.dirname, 'gc-on-signal.cjs')}` };

/** Full GC in the child (started with GC_ENV), then its RSS in MB: what it retains. */
export async function gcAndRssMb(pid: number): Promise<number> {
  process.kill(pid, 'SIGUSR2');
  await sleep(500);
  return rssMb(pid);
}
