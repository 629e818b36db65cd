import { readFileSync, rmSync, writeFileSync } from 'node:fs';

/**
 * Where a running server says where it listens: next to its database, so `skr-admin`, which
 * finds the database from the same configuration, finds the server too — whatever port, address
 * or scheme it was started with.
 */
export const runtimeFilePath = (dbPath: string): string => `${dbPath}.server.json`;

/** What a running server writes about itself. */
interface RuntimeInfo {
  pid: number;
  url: string;
}

/** Written once the server listens (not for an in-memory database). */
export function writeRuntimeFile(dbPath: string, info: RuntimeInfo): void {
  if (dbPath === ':memory:') return;
  writeFileSync(runtimeFilePath(dbPath), JSON.stringify(info), { mode: 0o644 });
}

/** Removed at a clean stop, only by the process that wrote it. */
export function removeRuntimeFile(dbPath: string, pid = process.pid): void {
  if (runningServerFile(dbPath)?.pid === pid) rmSync(runtimeFilePath(dbPath), { force: true });
}

function runningServerFile(dbPath: string): RuntimeInfo | undefined {
  try {
    const v = JSON.parse(readFileSync(runtimeFilePath(dbPath), 'utf8')) as Partial<RuntimeInfo>;
    return typeof v.pid === 'number' && typeof v.url === 'string'
      ? { pid: v.pid, url: v.url }
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The server running on this database, if its process is alive (a file left by a kill -9 names a
 * dead PID and is ignored).
 */
export function runningServer(dbPath: string): RuntimeInfo | undefined {
  const info = runningServerFile(dbPath);
  if (!info) return undefined;
  try {
    process.kill(info.pid, 0);
    return info;
  } catch (e) {
    // EPERM: alive, but another user's (the service runs as skr, the admin may not).
    return (e as NodeJS.ErrnoException).code === 'EPERM' ? info : undefined;
  }
}
