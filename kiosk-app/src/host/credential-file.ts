import { chmod, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { StoredCredential } from '@skr/protocol/client';

/**
 * The kiosk's device credential in its data folder: readable by the kiosk's user only (0600),
 * written whole or not at all (temp file + rename), so a power cut mid-renewal leaves the old
 * credential, which still works for 10 minutes and is renewed again at the next start.
 */
export function credentialFile(path: string) {
  return {
    path,
    /** The stored credential, or null when there is none (or it is damaged: pair again). */
    async read(): Promise<StoredCredential | null> {
      let text: string;
      try {
        text = await readFile(path, 'utf8');
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw e;
      }
      try {
        const parsed = StoredCredential.safeParse(JSON.parse(text));
        return parsed.success ? parsed.data : null;
      } catch {
        return null;
      }
    },
    /** Stores `c` with mode 0600 (the folder 0700 when it is made here). */
    async write(c: StoredCredential): Promise<void> {
      await mkdir(dirname(path), { recursive: true, mode: 0o700 });
      const tmp = `${path}.${process.pid}.tmp`;
      await writeFile(tmp, JSON.stringify(c), { mode: 0o600 });
      // The mode above is masked by the umask on creation; make sure.
      await chmod(tmp, 0o600);
      await rename(tmp, path);
    },
    /** Forgets the credential (revoked: the kiosk pairs again). */
    async remove(): Promise<void> {
      await rm(path, { force: true });
    },
  };
}
/** The kiosk's stored credential. */
export type CredentialFile = ReturnType<typeof credentialFile>;
