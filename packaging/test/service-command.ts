import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** A unit's command running as the unit's user (systemd itself is not running here). */
export interface ServiceCommand {
  child: ChildProcess;
  /** Everything it printed so far. */
  log(): string;
  /** The first match of `re` in the output (group 1), waiting up to `ms`; undefined if none. */
  waitFor(re: RegExp, ms?: number): Promise<string | undefined>;
  /** SIGTERM, then waits for the exit. */
  stop(): Promise<void>;
}

/** `KEY=value` lines of an EnvironmentFile (comments and blank lines skipped). */
export function readEnvironmentFile(path: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const m = /^\s*([A-Z_][A-Z0-9_]*)=(.*)$/.exec(line);
    if (m) env[m[1]!] = m[2]!;
  }
  return env;
}

/** One `Key=` of a unit file's [Service] section (the last one wins, as in systemd). */
export function unitValue(unitFile: string, key: string): string | undefined {
  let value: string | undefined;
  for (const line of readFileSync(unitFile, 'utf8').split('\n')) {
    const m = new RegExp(`^${key}=(.*)$`).exec(line.trim());
    if (m) value = m[1]!;
  }
  return value;
}

/**
 * Runs a unit's ExecStart as its User/Group in its WorkingDirectory with its EnvironmentFile,
 * plus `env` (only what systemd would give, and the test's overrides).
 */
export function startServiceCommand(unitFile: string, env: Record<string, string>): ServiceCommand {
  const user = unitValue(unitFile, 'User') ?? 'root';
  const group = unitValue(unitFile, 'Group') ?? user;
  const envFile = unitValue(unitFile, 'EnvironmentFile');
  const command = unitValue(unitFile, 'ExecStart')!.split(/\s+/);
  const child = spawn(
    'setpriv',
    [`--reuid=${user}`, `--regid=${group}`, '--init-groups', '--', ...command],
    {
      cwd: unitValue(unitFile, 'WorkingDirectory') ?? '/',
      env: { ...(envFile ? readEnvironmentFile(envFile.replace(/^-/, '')) : {}), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  return {
    child,
    log: () => out,
    async waitFor(re, ms = 60_000) {
      const deadline = Date.now() + ms;
      while (!re.test(out) && Date.now() < deadline && child.exitCode === null)
        await new Promise((r) => setTimeout(r, 100));
      return re.exec(out)?.[1];
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
