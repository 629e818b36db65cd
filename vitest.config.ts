import { defineConfig } from 'vitest/config';

// One runner for every workspace. Component tests start real servers, pty pairs and pcscd,
// so they get generous but bounded timeouts.
export default defineConfig({
  test: {
    include: ['*/src/**/*.test.ts', '*/test/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/e2e/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
