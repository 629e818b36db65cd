import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import { applyEnv } from './env';
import { BranchConfigSchema, type BranchConfig } from './schema';

/** Where a packaged branch keeps its configuration. */
const DEFAULT_CONFIG_FILE = '/etc/skr/branch.json';

/**
 * The file read when SKR_CONFIG is unset: /etc/skr/branch.json for an installed server; none
 * in a source checkout (a .git beside the packages), so a developer's `npm run branch-server`
 * or a test on a machine where the package is installed never opens the branch's database.
 */
export function defaultConfigFile(): string | undefined {
  const checkout = existsSync(fileURLToPath(new URL('../../../.git', import.meta.url)));
  return checkout ? undefined : DEFAULT_CONFIG_FILE;
}

/** A configuration that cannot be used; `problems` has one line per bad value. */
export class ConfigError extends Error {
  constructor(
    readonly problems: string[],
    readonly file: string | undefined,
  ) {
    super(`invalid configuration${file ? ` (${file})` : ''}:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

/** A loaded configuration: validated values plus where they came from. */
export interface LoadedConfig extends BranchConfig {
  /** The file read, if any. */
  configFile: string | undefined;
  /** `<dataDir>/branch.sqlite`, absolute. */
  dbPath: string;
}

/** Options of `loadConfig`. */
export interface LoadConfigOptions {
  env?: NodeJS.ProcessEnv;
  /** Used when SKR_CONFIG is unset and the file exists; undefined = no default file. */
  defaultFile?: string;
}

function describeIssue(issue: z.core.$ZodIssue, sources: Map<string, string>): string {
  const path = issue.path.join('.') || '(file)';
  // An issue may sit below the variable's path (never above), so match by prefix.
  const fromEnv = [...sources].find(([p]) => path === p || path.startsWith(`${p}.`))?.[1];
  return `${path}${fromEnv ? ` (from ${fromEnv})` : ''}: ${issue.message}`;
}

/**
 * Reads the configuration file named by SKR_CONFIG (or `defaultFile` when it exists), applies
 * the SKR_* overrides and validates the result. Throws ConfigError naming every bad field.
 * SKR_CONFIG set to an empty string means "no file".
 */
export function loadConfig(opts: LoadConfigOptions = {}): LoadedConfig {
  const env = opts.env ?? process.env;
  // `npm run branch-server` runs in branch-server/ (a workspace); npm passes the directory the
  // command was typed in as INIT_CWD, and a relative path there is what the technician meant.
  const cwd = env.INIT_CWD || process.cwd();
  const named = env.SKR_CONFIG;
  const file =
    named !== undefined
      ? named
        ? resolve(cwd, named)
        : undefined
      : opts.defaultFile && existsSync(opts.defaultFile)
        ? opts.defaultFile
        : undefined;
  let base: Record<string, unknown> = {};
  if (file) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      throw new ConfigError([`cannot read ${file}: ${(e as Error).message}`], file);
    }
    try {
      base = JSON.parse(text) as Record<string, unknown>;
    } catch (e) {
      throw new ConfigError([`${file} is not valid JSON: ${(e as Error).message}`], file);
    }
    if (typeof base !== 'object' || base === null || Array.isArray(base))
      throw new ConfigError([`${file} must hold a JSON object`], file);
  }
  const { merged, sources } = applyEnv(base, env);
  const parsed = BranchConfigSchema.safeParse(merged);
  if (!parsed.success)
    throw new ConfigError(
      parsed.error.issues.map((i) => describeIssue(i, sources)),
      file,
    );
  const config = parsed.data;
  // A relative data dir is relative to that directory too (systemd's is /: write absolute).
  const dataDir = resolve(cwd, config.dataDir);
  const problems: string[] = [];
  if (config.tls) {
    for (const key of ['cert', 'key'] as const)
      if (!existsSync(config.tls[key])) problems.push(`tls.${key}: no file ${config.tls[key]}`);
  }
  if (problems.length) throw new ConfigError(problems, file);
  return { ...config, dataDir, dbPath: join(dataDir, 'branch.sqlite'), configFile: file };
}
