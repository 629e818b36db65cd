import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { pageShell } from '../scripts/vite-page-shell';

// The renderer only; Electron main/preload and the browser host run under Node (tsx).
export default defineConfig({
  base: '/kiosk/',
  plugins: [react(), pageShell()],
  build: { outDir: 'dist/renderer', emptyOutDir: true, sourcemap: false },
});
