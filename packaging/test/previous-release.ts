import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The release the upgrade drill starts from: the last commit of the session before this one
 * (it has `npm run package`). SKR_UPGRADE_FROM names another commit or tag.
 */
export const PREVIOUS_RELEASE = process.env.SKR_UPGRADE_FROM ?? '0ce4aee';

/** Debian orders `0.1.0~prev` before `0.1.0`: installing the current package is an upgrade. */
export const PREVIOUS_VERSION = '0.1.0~prev';

/** The full commit id of `ref` in `root`, or undefined (a shallow clone, an unknown ref). */
export function resolveCommit(root: string, ref: string): string | undefined {
  const r = spawnSync('git', ['-C', root, 'rev-parse', '--verify', '--quiet', `${ref}^{commit}`], {
    encoding: 'utf8',
  });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

/**
 * Builds the branch server package of an older commit with that commit's own packaging script:
 * its files come from `git archive` (the working tree and `.git` are not touched), its
 * node_modules are hard links to this checkout's (the same installed versions: nothing is
 * downloaded; the root package.json keeps `date-fns`, which that release's protocol lists, as a
 * devDependency for this reason — knip.json ignores it), and the built web apps are copied from here when present (the drill checks the
 * server, its data and its migrations, not the screens). Answers the .deb's path.
 */
export function buildPreviousDeb(root: string, commit: string, outDir: string): string {
  const tree = mkdtempSync(join(tmpdir(), 'skr-prev-'));
  try {
    const archive = spawnSync('git', ['-C', root, 'archive', '--format=tar', commit], {
      maxBuffer: 1 << 30,
    });
    if (archive.status !== 0) throw new Error(`git archive ${commit}: ${String(archive.stderr)}`);
    execFileSync('tar', ['-x', '-C', tree], { input: archive.stdout });
    // Hard links: seconds instead of copying 350 MB; the packager only reads them.
    execFileSync('cp', ['-al', join(root, 'node_modules'), join(tree, 'node_modules')]);
    for (const app of ['display-board', 'clerk-desk']) {
      const dist = join(root, app, 'dist');
      if (existsSync(join(dist, 'index.html')))
        cpSync(dist, join(tree, app, 'dist'), { recursive: true });
    }
    execFileSync(
      process.execPath,
      [
        '--import',
        'tsx',
        'scripts/package.ts',
        '--only',
        'branch',
        '--version',
        PREVIOUS_VERSION,
        '--out',
        outDir,
      ],
      { cwd: tree, stdio: ['ignore', 'ignore', 'inherit'], timeout: 300_000 },
    );
    const deb = readdirSync(outDir).find(
      (f) => f.startsWith('skr-branch-server_') && f.includes('~prev'),
    );
    if (!deb) throw new Error(`the packager of ${commit} made no .deb in ${outDir}`);
    return join(outDir, deb);
  } finally {
    rmSync(tree, { recursive: true, force: true });
  }
}
