import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, WEB_DIR, WEB_DIST } from './repo-paths';

/** Newest modification time of the files under `dir` (skipping node_modules and dist). */
function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/**
 * Makes sure apps/web/dist is built from the current sources: `npm test`
 * builds it first through turbo, but a test run on its own may find none or
 * a stale one.
 */
export function ensureWebBuild(): void {
  const index = path.join(WEB_DIST, 'index.html');
  const sources = [path.join(WEB_DIR, 'src'), path.join(WEB_DIR, 'index.html'), path.join(REPO_ROOT, 'packages/engine/src'), path.join(REPO_ROOT, 'packages/protocol/src')];
  const newestSource = Math.max(...sources.map((s) => (statSync(s).isDirectory() ? newestMtime(s) : statSync(s).mtimeMs)));
  if (existsSync(index) && statSync(index).mtimeMs >= newestSource) return;
  // vitest runs us with NODE_ENV=test, which would make a development build of React (slow, 600 KB)
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: WEB_DIR, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
}
