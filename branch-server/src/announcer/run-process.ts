import { spawn } from 'node:child_process';
import { SkrError } from '@skr/protocol/errors';

/** Options of `runProcess`. */
interface RunOptions {
  /** Written to the child's stdin, which is then closed (text never goes through a shell). */
  input?: string | Buffer;
  timeoutMs?: number;
}

/**
 * Runs `command args`, resolving with its stdout. Rejects with SkrError UNAVAILABLE when it
 * cannot start or exits non-zero, TIMEOUT when it runs too long (the child is then killed).
 */
export function runProcess(
  command: string,
  args: readonly string[],
  opts: RunOptions = {},
): Promise<Buffer> {
  const timeoutMs = opts.timeoutMs ?? 10_000;
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let settled = false;
    const finish = (e: Error | undefined, value?: Buffer): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (e) reject(e);
      else resolve(value!);
    };
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      finish(new SkrError('TIMEOUT', `${command} did not finish within ${timeoutMs} ms`));
    }, timeoutMs);
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.on('error', (cause) =>
      finish(new SkrError('UNAVAILABLE', `Cannot run ${command}`, { cause })),
    );
    child.on('close', (code, signal) => {
      if (code === 0) finish(undefined, Buffer.concat(out));
      else {
        const stderr = Buffer.concat(err).toString('utf8').trim().slice(0, 500);
        finish(new SkrError('UNAVAILABLE', `${command} failed (${code ?? signal}): ${stderr}`));
      }
    });
    // A child that dies before reading stdin makes the write fail with EPIPE; 'close' reports it.
    child.stdin.on('error', () => undefined);
    child.stdin.end(opts.input ?? '');
  });
}
