import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/** The server (apps/server) listens on 3000 in development; the dev server forwards REST and sockets to it. */
const SERVER = process.env.PLAYROOM_SERVER ?? 'http://localhost:3000';

export default defineConfig(({ mode }) => ({
  plugins: [react()],
  // Without this, a `vite build` run from a shell without NODE_ENV bundled React's development
  // build (twice the size, and slow): dependencies pick their build from process.env.NODE_ENV.
  define: { 'process.env.NODE_ENV': JSON.stringify(mode === 'production' ? 'production' : 'development') },
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
}));
