/**
 * The dashboard scenario of `npm run bench:web` (alone: `npm run bench:web:dashboard`):
 * a real server process, 40 students joined over real socket.io-client
 * connections from this process, each with 2 forks playing, and the
 * teacher's page in headless Chromium on the dashboard (cards full width,
 * all 80 visible). Measured in the page with requestAnimationFrame: each
 * frame's time from its start to the end of its rendering, and the
 * interval between frames (60 Hz in headless Chromium, whatever the flags),
 * and on the teacher's websocket (CDP
 * Network.webSocketFrameReceived) the bytes per second it receives, by
 * event. The peer, in the same run and under the same server load: the same
 * page for a class of 40 students with no forks. Targets: frame median
 * ≤ 16 ms, fork summaries + previews ≤ 50 KB/s.
 *
 *   npm run bench:web:dashboard -- --seconds 120 --warmup 20 --json
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { PROTOCOL_VERSION, type CreateSessionReply } from '@playroom/protocol';
import { io, type Socket } from 'socket.io-client';
import { launchChromium } from '../src/chromium';
import { freePort } from '../src/free-port';
import { ServerProcess } from '../src/server-process';
import { ensureWebBuild } from '../src/web-build';

export const FRAME_TARGET_MS = 16;
export const STREAM_TARGET_BYTES = 50_000;

export interface DashboardOptions {
  seconds: number;
  warmupSeconds: number;
  students: number;
  forksEach: number;
}

interface FrameStats {
  frames: number;
  median: number;
  p95: number;
  max: number;
  over50: number;
  /** longer than 1.5 frames at 60 Hz (25 ms) */
  late: number;
}

interface LongFrame {
  ms: number;
  /** of which style, layout and paint */
  render: number;
  scripts: { ms: number; what: string }[];
}

export interface PageMeasure {
  cards: number;
  seconds: number;
  /** each frame's time, start to rendered */
  frames: FrameStats;
  /** the time between frames (60 Hz: 16.7 ms when none is late) */
  intervals: FrameStats;
  /** the five longest animation frames over 50 ms, and what their scripts were (Long Animation Frames API) */
  longestFrames: LongFrame[];
  /** bytes per second the page's websocket received, by what they carried */
  bytesPerSecond: { forks: number; forkPreviews: number; other: number; total: number };
}

export interface DashboardReport {
  chromium: string;
  students: number;
  forks: number;
  loadAverage: { start: number; end: number };
  peer: PageMeasure;
  dashboard: PageMeasure;
  targets: { frameMedianMs: number; summaryStreamBytesPerSecond: number };
  pass: { frames: boolean; stream: boolean };
}

function frameStats(intervals: number[]): FrameStats {
  const sorted = [...intervals].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  const round = (v: number) => Math.round(v * 100) / 100;
  return { frames: sorted.length, median: round(at(0.5)), p95: round(at(0.95)), max: round(sorted.at(-1) ?? NaN), over50: sorted.filter((v) => v > 50).length, late: sorted.filter((v) => v > 25).length };
}

async function createClass(url: string, teacherName: string): Promise<CreateSessionReply> {
  const response = await fetch(`${url}/api/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ teacherName }) });
  if (response.status !== 201) throw new Error(`class not created: ${response.status} ${await response.text()}`);
  return (await response.json()) as CreateSessionReply;
}

interface Student {
  socket: Socket;
  command(payload: object): Promise<{ ok: boolean; session?: { sessionId: string }; error?: { code: string } }>;
}

function joinStudent(url: string, code: string, name: string): Promise<Student> {
  const socket = io(url, { auth: { protocolVersion: PROTOCOL_VERSION, role: 'student', code, name }, transports: ['websocket'], forceNew: true });
  const command = (payload: object) => socket.timeout(20_000).emitWithAck('command', payload) as ReturnType<Student['command']>;
  return new Promise((resolve, reject) => {
    socket.once('welcome', () => resolve({ socket, command }));
    socket.once('connect_error', (error) => reject(new Error(`${name} could not join: ${error.message}`)));
  });
}

/** A class of `students` joined from this process, each with `forksEach` forks playing. */
async function fillClass(url: string, created: CreateSessionReply, students: number, forksEach: number): Promise<Student[]> {
  const joined: Student[] = [];
  for (let i = 0; i < students; i++) joined.push(await joinStudent(url, created.code, `Student ${String(i + 1).padStart(2, '0')}`));
  for (const student of joined) {
    for (let n = 0; n < forksEach; n++) {
      const forked = await student.command({ type: 'fork', sessionId: created.sessionId });
      if (!forked.ok || !forked.session) throw new Error(`fork refused: ${forked.error?.code}`);
      const played = await student.command({ type: 'play', sessionId: forked.session.sessionId });
      if (!played.ok) throw new Error(`play refused: ${played.error?.code}`);
    }
  }
  return joined;
}

/** The teacher's page on its dashboard (cards full width), with its websocket's bytes counted by event. */
async function measureTeacherPage(browser: Browser, url: string, created: CreateSessionReply, cards: number, warmupSeconds: number, seconds: number): Promise<PageMeasure> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
  await context.addInitScript(() => localStorage.setItem('playroom.language', 'en'));
  const page: Page = await context.newPage();
  page.on('pageerror', (error) => console.error('page error:', error.message));
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  const bytes = { forks: 0, forkPreviews: 0, other: 0 };
  let counting = false;
  // a binary attachment belongs to the event whose placeholder frame came just before it
  let attachmentOf: keyof typeof bytes = 'other';
  cdp.on('Network.webSocketFrameReceived', ({ response }) => {
    if (!counting) return;
    const binary = response.opcode === 2;
    const size = binary ? Math.floor((response.payloadData.length * 3) / 4) - (response.payloadData.match(/=*$/)?.[0].length ?? 0) : Buffer.byteLength(response.payloadData);
    let kind: keyof typeof bytes = 'other';
    if (binary) kind = attachmentOf;
    else if (/^4\d*-?\["forks"/.test(response.payloadData)) kind = 'forks';
    else if (/^4\d*-?\["forkPreviews"/.test(response.payloadData)) kind = attachmentOf = 'forkPreviews';
    if (!binary && kind !== 'forkPreviews') attachmentOf = 'other';
    bytes[kind] += size;
  });
  try {
    await page.goto(`${url}/teach/${created.code}#${created.teacherToken}`);
    await page.getByTestId('teacher-view').waitFor();
    if (cards > 0) {
      await page.getByTestId('board-wide').click();
      await page.waitForFunction((n) => document.querySelectorAll('[data-testid="fork-row"]').length === n, cards, { timeout: 60_000 });
    }
    await page.waitForTimeout(warmupSeconds * 1000);
    // A frame's time: from its start (the time requestAnimationFrame hands its callbacks) to the end of its
    // rendering (a message posted from the callback runs once that frame's style, layout, paint and commit
    // are done). Headless Chromium draws at 60 Hz whatever the flags, so the interval between frames is
    // 16.7 ms on an idle page: reported beside it, with the frames that came late (dropped ones).
    // A string, not a function: tsx would wrap a named arrow in a helper the page does not have.
    await page.evaluate(`(() => {
      const bench = (window.playroomFrameBench = { work: [], intervals: [], stop: false });
      const channel = new MessageChannel();
      let start = 0;
      let last = -1;
      channel.port1.onmessage = () => bench.work.push(performance.now() - start);
      const tick = (now) => {
        if (last >= 0) bench.intervals.push(now - last);
        last = now;
        start = now;
        channel.port2.postMessage(0);
        if (!bench.stop) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
      bench.long = [];
      // what the long frames (over 50 ms) spent their time on (Long Animation Frames API)
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) {
          const scripts = (e.scripts || []).map((x) => ({ ms: Math.round(x.duration), what: (x.invoker || '') + ' ' + (x.sourceFunctionName || '') }));
          scripts.sort((a, b) => b.ms - a.ms);
          bench.long.push({ ms: Math.round(e.duration), render: Math.round(e.duration - (e.renderStart ? e.renderStart - e.startTime : e.duration)), scripts: scripts.slice(0, 3) });
        }
      }).observe({ type: 'long-animation-frame', buffered: false });
    })()`);
    counting = true;
    const started = performance.now();
    await page.waitForTimeout(seconds * 1000);
    counting = false;
    const elapsed = (performance.now() - started) / 1000;
    const measured = (await page.evaluate(`(() => {
      const bench = window.playroomFrameBench;
      bench.stop = true;
      return { work: bench.work, intervals: bench.intervals, long: bench.long };
    })()`)) as { work: number[]; intervals: number[]; long: LongFrame[] };
    const shown = await page.getByTestId('fork-row').count();
    const perSecond = (n: number) => n / elapsed;
    return {
      cards: shown,
      seconds: Math.round(elapsed),
      frames: frameStats(measured.work),
      intervals: frameStats(measured.intervals),
      longestFrames: [...measured.long].sort((a, b) => b.ms - a.ms).slice(0, 5),
      bytesPerSecond: {
        forks: perSecond(bytes.forks),
        forkPreviews: perSecond(bytes.forkPreviews),
        other: perSecond(bytes.other),
        total: perSecond(bytes.forks + bytes.forkPreviews + bytes.other),
      },
    };
  } finally {
    await context.close();
  }
}

/** Runs the whole scenario: server, classes, browser, peer then dashboard. */
export async function runDashboardBench(options: DashboardOptions): Promise<DashboardReport> {
  ensureWebBuild();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'playroom-bench-dashboard-'));
  // 80 students' sockets and a browser from one address: room for them to connect at once (LIM-8); defaults stay as they are
  const server = new ServerProcess(await freePort(), dataDir, 'bench-dashboard-server.log', {
    env: { CONNECT_BURST: '1000', CONNECT_RATE_PER_SECOND: '1000' },
  });
  const load0 = loadavg()[0]!;
  await server.start();
  const students: Student[] = [];
  const browser = await launchChromium();
  try {
    const withForks = await createClass(server.url, 'Ms Chen');
    const peerClass = await createClass(server.url, 'Mr Peer');
    students.push(...(await fillClass(server.url, withForks, options.students, options.forksEach)));
    students.push(...(await fillClass(server.url, peerClass, options.students, 0)));
    const peerSeconds = Math.max(15, Math.round(options.seconds / 4));
    const peer = await measureTeacherPage(browser, server.url, peerClass, 0, 5, peerSeconds);
    const dashboard = await measureTeacherPage(browser, server.url, withForks, options.students * options.forksEach, options.warmupSeconds, options.seconds);
    const stream = dashboard.bytesPerSecond.forks + dashboard.bytesPerSecond.forkPreviews;
    return {
      chromium: browser.version(),
      students: options.students,
      forks: options.students * options.forksEach,
      loadAverage: { start: load0, end: loadavg()[0]! },
      peer,
      dashboard,
      targets: { frameMedianMs: FRAME_TARGET_MS, summaryStreamBytesPerSecond: STREAM_TARGET_BYTES },
      pass: { frames: dashboard.frames.median <= FRAME_TARGET_MS, stream: stream <= STREAM_TARGET_BYTES },
    };
  } finally {
    for (const student of students) student.socket.close();
    await browser.close();
    await server.kill();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The report as a table for people. */
export function printDashboardReport(report: DashboardReport): void {
  const kb = (n: number) => (n / 1000).toFixed(1).padStart(7);
  const ms = (n: number) => n.toFixed(2).padStart(6);
  console.log(`\nDashboard: ${report.students} students × ${report.forks / report.students} forks (${report.forks} training), Chromium ${report.chromium}`);
  console.log(`load average (1 min): ${report.loadAverage.start.toFixed(2)} at start, ${report.loadAverage.end.toFixed(2)} at end`);
  console.log('page                                cards   s  frames | frame time ms: median    p95    max  >25 | interval ms: median    p95  >25 | KB/s: forks previews other total');
  for (const [label, m] of [
    [`peer: class of ${report.students}, no forks`, report.peer],
    ['dashboard: every fork a card', report.dashboard],
  ] as const) {
    const b = m.bytesPerSecond;
    const f = m.frames;
    const i = m.intervals;
    console.log(
      `${label.padEnd(35)} ${String(m.cards).padStart(5)} ${String(m.seconds).padStart(3)} ${String(f.frames).padStart(7)} |              ${ms(f.median)} ${ms(f.p95)} ${ms(f.max)} ${String(f.late).padStart(4)} |          ${ms(i.median)} ${ms(i.p95)} ${String(i.late).padStart(4)} |  ${kb(b.forks)} ${kb(b.forkPreviews)} ${kb(b.other)} ${kb(b.total)}`,
    );
  }
  for (const frame of report.dashboard.longestFrames) {
    console.log(`  a long dashboard frame: ${frame.ms} ms (render ${frame.render} ms) ${frame.scripts.map((x) => `${x.what.trim()} ${x.ms} ms`).join('; ')}`);
  }
  const stream = report.dashboard.bytesPerSecond.forks + report.dashboard.bytesPerSecond.forkPreviews;
  console.log(`target: frame median ≤ ${FRAME_TARGET_MS} ms → ${report.pass.frames ? 'PASS' : 'FAIL'} (${report.dashboard.frames.median.toFixed(2)} ms)`);
  console.log(`target: summary stream (forks + previews) ≤ ${STREAM_TARGET_BYTES / 1000} KB/s → ${report.pass.stream ? 'PASS' : 'FAIL'} (${(stream / 1000).toFixed(1)} KB/s)`);
}

function argument(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** The options from the command line (`--seconds`, `--warmup`, `--students`, `--forks`). */
export function dashboardOptionsFromArgs(): DashboardOptions {
  return {
    seconds: Number(argument('--seconds') ?? 120),
    warmupSeconds: Number(argument('--warmup') ?? 20),
    students: Number(argument('--students') ?? 40),
    forksEach: Number(argument('--forks') ?? 2),
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  runDashboardBench(dashboardOptionsFromArgs())
    .then((report) => {
      if (process.argv.includes('--json')) console.log(JSON.stringify(report, null, 2));
      else printDashboardReport(report);
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
