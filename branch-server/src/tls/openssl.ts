import { execFile } from 'node:child_process';

/** A failed `openssl` run: its arguments and what it printed on stderr. */
class OpensslError extends Error {
  constructor(
    readonly args: readonly string[],
    readonly stderr: string,
    options?: { cause?: unknown },
  ) {
    super(`openssl ${args[0] ?? ''} failed: ${stderr.trim().split('\n').pop() ?? ''}`, options);
    this.name = 'OpensslError';
  }
}

/**
 * Runs the system `openssl` with `args` (no shell, no network, at most `timeoutMs`) and resolves
 * with its stdout; rejects with an OpensslError when it exits non-zero or is missing.
 */
export function openssl(args: readonly string[], timeoutMs = 20_000): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      'openssl',
      args as string[],
      // Every call passes -subj and key options, so openssl never waits for a prompt.
      { timeout: timeoutMs, maxBuffer: 1024 * 1024 },
      (err, stdout, stderr) =>
        err ? reject(new OpensslError(args, String(stderr), { cause: err })) : resolve(stdout),
    );
  });
}
