import {
  createClient,
  keepCredentialFresh,
  pairByCode,
  type ShownCode,
  type StoredCredential,
} from '@skr/protocol/client';
import { branchApi } from '@skr/protocol/routes';
import type { CredentialFile } from './credential-file';

/** Options of {@link startKioskCredential}. */
interface KioskCredentialOptions {
  branchUrl: string;
  /** The pinned fetch (branch CA only) when the branch speaks HTTPS. */
  fetch?: typeof fetch;
  /** Where the credential is kept (0600). */
  file: CredentialFile;
  /** A token the installer gave (SKR_KIOSK_TOKEN), used only while no credential is stored. */
  initialToken?: string;
  /** Shows the pairing code (the host's pairing page, the log). */
  onCode(code: ShownCode): void;
  /** The branch refused the credential (revoked or expired); it is already forgotten. */
  onRefused(): void;
  signal?: AbortSignal;
}

/** The kiosk's live credential. */
interface KioskCredential {
  /** The token to send now (changes when renewed). */
  token(): string;
  /** Stops renewing. */
  stop(): void;
}

/**
 * The kiosk host's device credential (issue 13): the stored one, else the installer's token,
 * else pairing by a code the admin types in the manager's devices view. Stored in a 0600 file
 * and renewed before it expires; a refusal (revocation) forgets it, so the next start pairs.
 */
export async function startKioskCredential(opts: KioskCredentialOptions): Promise<KioskCredential> {
  const api = createClient(branchApi, {
    baseUrl: opts.branchUrl,
    timeoutMs: 10_000,
    ...(opts.fetch ? { fetch: opts.fetch } : {}),
  });
  let current: StoredCredential | null = await opts.file.read();
  if (!current && opts.initialToken) current = { token: opts.initialToken };
  if (!current)
    current = await pairByCode(api, { kind: 'kiosk', onCode: opts.onCode, signal: opts.signal });
  await opts.file.write(current);
  let live = current;
  const stop = keepCredentialFresh({
    current: () => live,
    save: async (next) => {
      live = next;
      await opts.file.write(next);
    },
    onRefused: () => {
      void opts.file.remove().finally(() => opts.onRefused());
    },
    refresh: (token) => api.call('refreshDevice', { token }),
  });
  return { token: () => live.token, stop };
}
