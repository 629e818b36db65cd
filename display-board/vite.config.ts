import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { pageShell } from '../scripts/vite-page-shell.ts';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

// Two pages in one build: the waiting-room screen (index.html, served at /display/) and the
// public follow-the-line page (follow.html, served by the branch at /q/<ticket id>).
// `rolldownOptions` is Vite 8's name for what older Vite called `rollupOptions`.
export default defineConfig({
  base: '/display/',
  plugins: [react(), pageShell({ meta: { referrer: 'no-referrer' } })],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rolldownOptions: {
      input: { main: here('./index.html'), follow: here('./follow.html') },
    },
  },
  server: {
    // `npm run dev -w @skr/display-board` against a running branch (SKR_URL).
    proxy: Object.fromEntries(
      ['/api', '/socket.io'].map((p) => [
        p,
        { target: process.env.SKR_URL ?? 'http://127.0.0.1:8080', ws: p === '/socket.io' },
      ]),
    ),
  },
});
