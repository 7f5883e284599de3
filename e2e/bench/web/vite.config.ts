import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/** The bench page: the real playground (apps/web/src/playground) mounted alone, served from here. */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  logLevel: 'warn',
  server: { host: '127.0.0.1', port: 5190 },
  preview: { host: '127.0.0.1' },
});
