import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, extname, join, relative, sep } from 'node:path';
import type { Closure } from './closure';

const NATIVE_SOURCES = new Set([
  '.c',
  '.cc',
  '.cpp',
  '.h',
  '.hpp',
  '.gyp',
  '.gypi',
  '.mk',
  '.a',
  '.o',
]);

/**
 * Copies one installed package without its nested node_modules (those are in the closure on
 * their own) and without what only a native build needs: sources, object files, the bundled
 * SQLite sources. The compiled `.node` files stay.
 */
export function copyPackage(from: string, to: string): void {
  const native = existsSync(join(from, 'binding.gyp'));
  cpSync(from, to, {
    recursive: true,
    dereference: true,
    filter: (src) => {
      const rel = relative(from, src);
      if (!rel) return true;
      const parts = rel.split(sep);
      if (parts[0] === 'node_modules') return false;
      // Never loaded at run time: TypeScript sources and declarations, tests, docs.
      const name = parts[parts.length - 1]!;
      if (/\.(ts|cts|mts|tsx)$/.test(name) || /\.md$/i.test(name)) return false;
      if (parts.some((p) => p === 'test' || p === 'tests' || p === '__tests__')) return false;
      if (!native) return true;
      if (parts[0] === 'deps') return false;
      if (parts[0] === 'build') {
        if (parts.includes('obj') || parts.includes('obj.target') || parts.includes('.deps'))
          return false;
        return statSync(src).isDirectory() || src.endsWith('.node');
      }
      return !NATIVE_SOURCES.has(extname(src));
    },
  });
}

/** Copies a workspace's package.json and src/ (no tests), plus the extra folders named. */
export function copyWorkspace(
  root: string,
  folder: string,
  to: string,
  extra: string[] = [],
): void {
  const from = join(root, folder);
  mkdirSync(to, { recursive: true });
  cpSync(join(from, 'package.json'), join(to, 'package.json'));
  if (existsSync(join(from, 'src')))
    cpSync(join(from, 'src'), join(to, 'src'), {
      recursive: true,
      filter: (src) => !/\.(test|spec)\.tsx?$/.test(src) && basename(src) !== '__fixtures__',
    });
  for (const sub of extra) {
    if (!existsSync(join(from, sub)))
      throw new Error(`${folder}/${sub} is missing (build it first)`);
    cpSync(join(from, sub), join(to, sub), { recursive: true });
  }
}

/**
 * Lays out an application under `appDir` (e.g. <staging>/usr/lib/skr): each workspace of the
 * closure as source, node_modules with every external package, and @skr/<name> links to the
 * workspaces so imports resolve as in the repository.
 */
export function stageApp(
  root: string,
  closure: Closure,
  appDir: string,
  assets: Record<string, string[]> = {},
): void {
  for (const folder of closure.workspaces)
    copyWorkspace(root, folder, join(appDir, folder), assets[folder]);
  for (const rel of closure.packages) copyPackage(join(root, rel), join(appDir, rel));
  for (const folder of closure.workspaces) {
    const name = (
      JSON.parse(readFileSync(join(root, folder, 'package.json'), 'utf8')) as { name: string }
    ).name;
    const link = join(appDir, 'node_modules', name);
    mkdirSync(dirname(link), { recursive: true });
    symlinkSync(relative(dirname(link), join(appDir, folder)), link);
  }
  // Built apps outside the closure (e.g. the screens served by the branch server).
  for (const [folder, subs] of Object.entries(assets)) {
    if (closure.workspaces.has(folder)) continue;
    for (const sub of subs) {
      if (!existsSync(join(root, folder, sub)))
        throw new Error(`${folder}/${sub} is missing (build it first)`);
      cpSync(join(root, folder, sub), join(appDir, folder, sub), { recursive: true });
    }
  }
}

/** Writes a file from a template with @KEY@ placeholders replaced; mode as given. */
export function writeTemplate(
  src: string,
  dest: string,
  vars: Record<string, string>,
  mode = 0o644,
): void {
  let text = readFileSync(src, 'utf8');
  for (const [k, v] of Object.entries(vars)) text = text.replaceAll(`@${k}@`, v);
  mkdirSync(dirname(dest), { recursive: true });
  writeFileSync(dest, text);
  chmodSync(dest, mode);
}

/** Copies a file, creating its folder; mode as given. */
export function install(src: string, dest: string, mode = 0o644): void {
  mkdirSync(dirname(dest), { recursive: true });
  cpSync(src, dest);
  chmodSync(dest, mode);
}

/** Size of a tree in KiB (Installed-Size), symlinks counted as links. */
export function sizeKib(dir: string): number {
  let bytes = 0;
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) bytes += statSync(p).size;
    }
  };
  walk(dir);
  return Math.ceil(bytes / 1024);
}
