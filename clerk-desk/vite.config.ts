import react from '@vitejs/plugin-react';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { pageShell } from '../scripts/vite-page-shell.ts';

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

// The branch manager's views (manager.html) are written separately and may not exist yet;
// build them whenever they do.
const input: Record<string, string> = { index: here('index.html') };
if (existsSync(here('manager.html'))) input.manager = here('manager.html');

/** The clerk console, served by the branch server under /desk/. */
export default defineConfig({
  base: '/desk/',
  plugins: [react(), pageShell()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    rollupOptions: { input },
  },
});
