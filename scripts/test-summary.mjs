#!/usr/bin/env node
// Reads `npm test` output (turbo + vitest) on stdin, echoes it, and ends with one
// plain closing line, "tests: N passed, N failed", summed over every package's
// vitest summary, so a reader of CI logs sees the whole suite's count at once;
// before it, every suite that said it did not run (a "[suite not run] what: why"
// line, e.g. the Redis suites without REDIS_URL), once each.
import { createInterface } from 'node:readline';

const ansi = /\x1b\[[0-9;]*m/g;
let passed = 0;
let failed = 0;
let skipped = 0;
let summaries = 0;
/** "[suite not run] what: why" lines, once each, in order */
const notRun = new Set();

const lines = createInterface({ input: process.stdin });
lines.on('line', (line) => {
  process.stdout.write(line + '\n');
  const plain = line.replace(ansi, '');
  const skippedSuite = /\[suite not run\] (.+)$/.exec(plain);
  if (skippedSuite) notRun.add(skippedSuite[1].trim());
  const match = /^\s*(?:[@\w/.-]+:test:\s*)?Tests\s+(.*)\((\d+)\)\s*$/.exec(plain);
  if (!match) return;
  summaries += 1;
  const counts = match[1] ?? '';
  passed += Number(/(\d+) passed/.exec(counts)?.[1] ?? 0);
  failed += Number(/(\d+) failed/.exec(counts)?.[1] ?? 0);
  skipped += Number(/(\d+) skipped/.exec(counts)?.[1] ?? 0) + Number(/(\d+) todo/.exec(counts)?.[1] ?? 0);
});
lines.on('close', () => {
  for (const suite of notRun) process.stdout.write(`suite not run: ${suite}\n`);
  if (summaries === 0) {
    process.stdout.write('tests: no vitest summary found in the output\n');
    return;
  }
  process.stdout.write(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
});
