import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const WORKER_SOURCE = fileURLToPath(new URL('./training-worker.ts', import.meta.url));
let bundled: Promise<URL> | null = null;

/**
 * training-worker.ts and what it imports (the domain, the engine, the
 * protocol) as one JavaScript module, bundled once per process, for
 * `new Worker(url)`. The server runs TypeScript through tsx (npm start,
 * test server processes) or vitest (in-process tests); a worker of its own
 * would need a loader and took seconds to transform the same files again on
 * a loaded machine, where the bundle starts in about 150 ms.
 */
export function trainingWorkerUrl(): Promise<URL> {
  bundled ??= build({
    entryPoints: [WORKER_SOURCE],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    write: false,
    logLevel: 'silent',
  }).then(({ outputFiles }) => new URL(`data:text/javascript;base64,${Buffer.from(outputFiles[0]!.contents).toString('base64')}`));
  // a failed build is tried again by the next pool, not remembered
  bundled.catch(() => (bundled = null));
  return bundled;
}
