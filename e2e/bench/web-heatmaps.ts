/**
 * npm run bench:web — how long the playground takes to recompute and draw
 * every heatmap after a new parameter array, in headless Chromium, for the
 * largest network (7 features, six hidden layers of 8): the 100×100 output
 * plus 49 neuron thumbnails. Target: median ≤ 16 ms (one frame at 60 Hz).
 *
 *   npm run bench:web                      table
 *   npm run bench:web -- --json            JSON for machines
 *   npm run bench:web -- --iterations 300
 *   npm run bench:web -- --serve           only serve the page (visual checks: /?lang=zh-CN&preset=large)
 *
 * Then the dashboard scenario (web-dashboard.ts: 40 students × 2 training
 * forks, the teacher's page on the dashboard, frame times and websocket
 * bytes against a peer), unless `--no-dashboard`; `--seconds`, `--warmup`
 * are its options. With `--json` its report is the `dashboard` field.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, createServer, preview } from 'vite';
import { launchChromium } from '../src/chromium';
import type { BenchResult } from './web/BenchApp';
import { dashboardOptionsFromArgs, printDashboardReport, runDashboardBench, type DashboardReport } from './web-dashboard';

const TARGET_MS = 16;

interface Stats {
  median: number;
  p95: number;
  mean: number;
  n: number;
}

function stats(values: readonly number[]): Stats {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { median: at(0.5), p95: at(0.95), mean: values.reduce((s, v) => s + v, 0) / values.length, n: values.length };
}

function argument(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const json = process.argv.includes('--json');
  const iterations = Number(argument('--iterations') ?? 200);
  const configFile = fileURLToPath(new URL('./web/vite.config.ts', import.meta.url));
  if (process.argv.includes('--serve')) {
    const dev = await createServer({ configFile });
    await dev.listen();
    const devUrl = dev.resolvedUrls?.local[0];
    console.log(`playground bench page: ${devUrl}?mode=bench   local playground: ${devUrl}`);
    return;
  }
  // Measured on a production build: React's development build is several times slower.
  const outDir = await mkdtemp(join(tmpdir(), 'playroom-bench-web-'));
  await build({ configFile, build: { outDir, emptyOutDir: true }, logLevel: 'warn' });
  const server = await preview({ configFile, build: { outDir }, preview: { host: '127.0.0.1', port: 0 } });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite did not report a URL');
  const browser = await launchChromium();
  let heatmapReport: object | null = null;
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.on('pageerror', (error) => console.error('page error:', error.message));
    await page.goto(`${url}?mode=bench`);
    await page.waitForFunction(() => window.playroomBench !== undefined && document.querySelectorAll('.pg-neuron canvas').length > 0);
    // warm-up: JIT, first ImageData allocations, font layout
    await page.evaluate(() => window.playroomBench!.run(20));
    const result: BenchResult = await page.evaluate((n) => window.playroomBench!.run(n), iterations);
    const version = browser.version();
    const rows: { id: string; label: string; stats: Stats }[] = [
      { id: 'recomputeAndDraw', label: 'recompute + draw all heatmaps', stats: stats(result.work.map((s) => s.workMs)) },
      { id: 'decisionGrids', label: '  of which decisionGrids (100×100, all neurons)', stats: stats(result.work.map((s) => s.computeMs)) },
      { id: 'paint', label: `  of which painting ${result.canvases} canvases`, stats: stats(result.work.map((s) => s.drawMs)) },
      { id: 'modelToPixels', label: 'new model → drawn (React + wait for frame)', stats: stats(result.frameMs) },
      { id: 'peerForward', label: 'peer: same grids by 10k Network.forward', stats: stats(result.forwardMs) },
    ];
    const work = rows[0]!.stats;
    const pass = work.median <= TARGET_MS;
    if (json) {
      const round = (v: number): number => Math.round(v * 100) / 100;
      const measures = Object.fromEntries(
        rows.map(({ id, stats: s }) => [id, { median: round(s.median), p95: round(s.p95), mean: round(s.mean), n: s.n }]),
      );
      heatmapReport = { chromium: version, network: result.network, canvases: result.canvases, iterations, targetMs: TARGET_MS, pass, measures };
    } else {
      console.log(`Chromium ${version}, network ${result.network}, ${result.canvases} canvases, ${iterations} parameter swaps`);
      const width = Math.max(...rows.map((row) => row.label.length));
      console.log(`${'measure'.padEnd(width)}  median ms   p95 ms   mean ms`);
      for (const { label, stats: s } of rows) {
        console.log(`${label.padEnd(width)}  ${s.median.toFixed(2).padStart(9)}  ${s.p95.toFixed(2).padStart(7)}  ${s.mean.toFixed(2).padStart(8)}`);
      }
      console.log(`target: median recompute + draw ≤ ${TARGET_MS} ms → ${pass ? 'PASS' : 'FAIL'}`);
    }
  } finally {
    await browser.close();
    await server.close();
    await rm(outDir, { recursive: true, force: true });
  }
  let dashboard: DashboardReport | null = null;
  if (!process.argv.includes('--no-dashboard')) {
    dashboard = await runDashboardBench(dashboardOptionsFromArgs());
    if (!json) printDashboardReport(dashboard);
  }
  if (json) console.log(JSON.stringify(dashboard ? { ...heatmapReport, dashboard } : heatmapReport, null, 2));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
