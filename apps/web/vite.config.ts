import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/** The server (apps/server) listens on 3000 in development; the dev server forwards REST and sockets to it. */
const SERVER = process.env.PLAYROOM_SERVER ?? 'http://localhost:3000';

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: {
      '/api': { target: SERVER, changeOrigin: true },
      '/socket.io': { target: SERVER, ws: true, changeOrigin: true },
    },
  },
  build: {
    outDir: 'dist',
    sourcemap: true,
    target: 'es2022',
  },
});
