import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // integration tests start real servers (and child processes for the restart test)
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
