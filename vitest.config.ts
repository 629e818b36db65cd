import { defineConfig } from 'vitest/config';

// One runner for every workspace. Component tests start real servers, pty pairs and pcscd,
// so they get generous but bounded timeouts.
export default defineConfig({
  test: {
    include: ['*/src/**/*.test.ts', '*/test/**/*.test.ts', 'scripts/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/e2e/**'],
    // A browser e2e that takes 13-28 s alone took over 30 s with other work on the 2 cores;
    // a hung test still fails within the bound.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // vitest runs availableParallelism − 1 files at once: one on the 2-core CI machine, which
    // then idles at load ~1 (most files wait on Chromium, pcscd, ptys and servers). Two at once
    // halved the full run here (1925 s → 901 s, 0 retries); pcscd users take turns by a lock.
    maxWorkers: 2,
    // In CI (CI=true) a failed test is tried once more: browser and pcscd tests share two cores
    // with everything else and a rare timing miss should not block a landing. Local runs do
    // not retry, so a flaky test stays visible where it can be fixed. A retry runs the `it`
    // again in the same module (beforeAll state, module variables and folders are still there):
    // what a test makes — files, databases, servers, logins — gets a folder or name per attempt
    // (sessions 6–8 did not land because a retry met its first attempt's rows).
    retry: process.env.CI ? 1 : 0,
    // A kiosk host renders ~210 fixed phrases at start for its first client; forty kiosk rigs
    // doing that would only load the two cores. Tests that measure it pass warmUp themselves.
    env: { SKR_SPEECH_WARMUP: 'off' },
  },
});
