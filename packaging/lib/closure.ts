import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';

/** The installed packages a set of workspaces needs at run time. */
export interface Closure {
  /** Workspace folders (relative to the repository), e.g. `protocol`. */
  workspaces: Set<string>;
  /** External packages: where each lies, relative to the repository (`node_modules/zod`). */
  packages: Set<string>;
}

interface Manifest {
  name?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
}

function manifest(dir: string): Manifest {
  return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest;
}

/** Node's lookup: `<dir>/node_modules/<name>`, then each parent up to `root`. */
function resolveFrom(name: string, fromDir: string, root: string): string | undefined {
  let dir = fromDir;
  for (;;) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return realpathSync(candidate);
    if (dir === root || dirname(dir) === dir) return undefined;
    dir = dirname(dir);
  }
}

/**
 * Walks the run-time dependencies (dependencies, optional and peer dependencies that are
 * installed) of `entries` (workspace folders), through workspaces and node_modules alike.
 * devDependencies are never followed; `exclude` names packages left out (e.g. electron).
 * Throws when a required dependency is not installed.
 */
export function dependencyClosure(
  root: string,
  entries: string[],
  exclude: ReadonlySet<string> = new Set(),
): Closure {
  const workspaces = new Set<string>();
  const packages = new Set<string>();
  const seen = new Set<string>();
  const queue: string[] = entries.map((e) => join(root, e));
  while (queue.length) {
    const dir = queue.shift()!;
    if (seen.has(dir)) continue;
    seen.add(dir);
    const rel = relative(root, dir);
    if (rel.split(sep).includes('node_modules')) packages.add(rel);
    else workspaces.add(rel);
    const m = manifest(dir);
    const wanted: [string, boolean][] = [
      ...Object.keys(m.dependencies ?? {}).map((n) => [n, true] as [string, boolean]),
      ...Object.keys(m.optionalDependencies ?? {}).map((n) => [n, false] as [string, boolean]),
      ...Object.keys(m.peerDependencies ?? {}).map((n) => [n, false] as [string, boolean]),
    ];
    for (const [name, required] of wanted) {
      if (exclude.has(name)) continue;
      const found = resolveFrom(name, dir, root);
      if (!found) {
        if (required) throw new Error(`${m.name ?? rel} needs ${name}, which is not installed`);
        continue;
      }
      queue.push(found);
    }
  }
  return { workspaces, packages };
}
