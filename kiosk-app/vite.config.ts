import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { pageShell } from '../scripts/vite-page-shell.ts';

// The renderer only; Electron main/preload and the browser host run under Node (tsx).
export default defineConfig({
  base: '/kiosk/',
  plugins: [react(), pageShell()],
  build: {
    outDir: 'dist/renderer',
    emptyOutDir: true,
    sourcemap: false,
    // One ~580 kB chunk (180 kB gzipped), read by Electron from the kiosk's own host on loopback:
    // splitting it would only add round trips to the first screen. Warn if it grows past this.
    chunkSizeWarningLimit: 700,
  },
});
