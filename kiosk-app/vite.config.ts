import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer only; Electron main/preload and the browser host run under Node (tsx).
export default defineConfig({
  base: '/kiosk/',
  plugins: [react()],
  build: { outDir: 'dist/renderer', emptyOutDir: true, sourcemap: false },
});
