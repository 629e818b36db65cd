// Shared pieces of the sync tests: a portal emulator in the test process and a branch server
// wired to it with fast retry timing.
import { startTempPueEmulator, type PueEmulator } from '@skr/pue-emulator';
import { afterAll, beforeAll } from 'vitest';
import { startTestBranch, until, type TestBranch } from './harness';

/** The branch id and key the emulator knows. */
export const BRANCH_ID = 'o-101';
export const BRANCH_KEY = 'sync-test-branch-key';

/** A portal emulator on a random port with its own temp database. */
export async function startPortal(
  now?: () => Date,
): Promise<PueEmulator & { dir: string; stop(): Promise<void> }> {
  return startTempPueEmulator({
    branchKeys: { [BRANCH_ID]: BRANCH_KEY },
    seed: 'demo',
    ...(now ? { now } : {}),
  });
}

/** A branch server using `pue` with quick pulls and retries (ms, not minutes). */
export function startSyncedBranch(
  pue: { url: string },
  opts: Parameters<typeof startTestBranch>[0] = {},
  pullIntervalMs = 100,
): Promise<TestBranch> {
  return startTestBranch({
    sync: {
      url: pue.url,
      branchId: BRANCH_ID,
      branchKey: BRANCH_KEY,
      pullIntervalMs,
      backoff: { baseMs: 20, capMs: 300 },
      requestTimeoutMs: 3000,
    },
    ...opts,
  });
}

/** A small valid PDF whose bytes differ by `n`. */
export function pdf(n: number | string): string {
  return Buffer.from(`%PDF-1.4\n% dokument ${n} — zażółć gęślą jaźń\n%%EOF\n`).toString('base64');
}

/** Drop-off body for the kiosk route. */
export function docBody(n: number | string, formCode = 'Z-15A') {
  return { formCode, fileName: `skan-${n}.pdf`, contentB64: pdf(n), pages: 1, lang: 'pl' };
}

/** Waits until the branch's outbox has nothing pending. */
export async function untilDrained(b: TestBranch, ms = 15_000): Promise<void> {
  await until(() => b.server.sync.status().outbox.pending === 0, ms);
}

/** The environment that makes a branch server process (`startServerProcess`) sync with `pue`. */
export function portalEnv(pue: { url: string }): NodeJS.ProcessEnv {
  return { SKR_PUE_URL: pue.url, SKR_PUE_BRANCH_ID: BRANCH_ID, SKR_PUE_BRANCH_KEY: BRANCH_KEY };
}

/** A portal stand-in, a branch synced to it and a paired kiosk's token, for one test file. */
export interface PortalBed {
  readonly pue: Awaited<ReturnType<typeof startPortal>>;
  readonly b: TestBranch;
  readonly kiosk: string;
}

/**
 * Starts a {@link PortalBed} in `beforeAll` and stops it in `afterAll`; read its fields inside
 * tests (they exist once beforeAll has run).
 */
export function portalBed(): PortalBed {
  const bed: { pue?: PortalBed['pue']; b?: TestBranch; kiosk?: string } = {};
  beforeAll(async () => {
    bed.pue = await startPortal();
    bed.b = await startSyncedBranch(bed.pue);
    bed.kiosk = await bed.b.device('kiosk');
  }, 30_000);
  afterAll(async () => {
    await bed.b?.close();
    await bed.pue?.stop();
  });
  return bed as PortalBed;
}
