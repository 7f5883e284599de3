export { launchChromium, ensureChromium, CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';
export { freePort } from './free-port';
export { ServerProcess } from './server-process';
export { ensureWebBuild } from './web-build';
export { REPO_ROOT, RESULTS_DIR, WEB_DIST } from './repo-paths';
export { epochOf, heatmapStats, pollUntil, screenshot, selectedLabel, shotPath } from './page-probes';
export { BrowserClass } from './browser-class';
