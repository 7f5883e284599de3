import { describe } from 'vitest';

/** The Redis the many-process suites use (REDIS_URL; `.ci/run` sets it to this machine's), or null. */
export const TEST_REDIS_URL: string | null = process.env.REDIS_URL || null;

/**
 * A suite that needs Redis: without REDIS_URL it does not run, and says so in
 * one "[suite not run]" line that `npm test`'s closing summary repeats
 * (scripts/test-summary.mjs), so a skipped suite is never read as a passing one.
 */
export function describeWithRedis(name: string, suite: (redisUrl: string) => void): void {
  const redisUrl = TEST_REDIS_URL;
  if (redisUrl) {
    describe(name, () => suite(redisUrl));
    return;
  }
  console.log(`[suite not run] ${name}: REDIS_URL is not set (run with REDIS_URL=redis://127.0.0.1:6379, as .ci/run does)`);
  describe.skip(name, () => suite(''));
}
