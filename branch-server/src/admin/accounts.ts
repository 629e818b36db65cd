import { randomBytes } from 'node:crypto';
import { DeviceKind, Role, SkrError } from '@skr/protocol';
import { authService } from '../auth';
import { authRepo, openDatabase } from '../store';

/** A password a technician can read out: 16 characters from a 256-bit pool. */
export function generatePassword(): string {
  return randomBytes(12).toString('base64url');
}

function withAuth<T>(
  dbPath: string,
  fn: (auth: ReturnType<typeof authService>, repo: ReturnType<typeof authRepo>) => Promise<T> | T,
): Promise<T> {
  // The server may be running: WAL and busy_timeout let both write.
  const db = openDatabase(dbPath);
  const repo = authRepo(db);
  return Promise.resolve(
    fn(
      authService(repo, () => new Date()),
      repo,
    ),
  ).finally(() => db.close());
}

/** Creates a staff account; refuses a login that exists. */
export async function createUser(
  dbPath: string,
  username: string,
  role: string,
  password: string,
): Promise<void> {
  if (!/^[a-z0-9._-]{2,64}$/i.test(username))
    throw new SkrError('INVALID', 'login: 2–64 znaki, litery, cyfry, . _ -');
  const parsed = Role.safeParse(role);
  if (!parsed.success) throw new SkrError('INVALID', `rola: jedna z ${Role.options.join(', ')}`);
  await withAuth(dbPath, async (auth, repo) => {
    if (repo.user(username)) throw new SkrError('CONFLICT', `użytkownik ${username} już istnieje`);
    await auth.createUser(username, parsed.data, password);
  });
}

/** Sets a new password for an existing account (its role and state stay). */
export async function resetPassword(
  dbPath: string,
  username: string,
  password: string,
): Promise<void> {
  await withAuth(dbPath, async (auth, repo) => {
    const user = repo.user(username);
    if (!user) throw new SkrError('NOT_FOUND', `nie ma użytkownika ${username}`);
    await auth.createUser(username, user.role, password);
    if (!user.active) repo.saveUser({ ...repo.user(username)!, active: false });
  });
}

/** Pairs a device; its token is returned once and only its hash is kept. */
export async function pairDevice(
  dbPath: string,
  kind: string,
  name: string,
): Promise<{ id: string; token: string }> {
  const parsed = DeviceKind.safeParse(kind);
  if (!parsed.success)
    throw new SkrError('INVALID', `rodzaj urządzenia: jeden z ${DeviceKind.options.join(', ')}`);
  if (!name.trim()) throw new SkrError('INVALID', 'podaj nazwę urządzenia');
  return withAuth(dbPath, (auth) => auth.createDevice(parsed.data, name.trim()));
}
