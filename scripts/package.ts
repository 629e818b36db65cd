// `npm run package`: the Debian packages of a branch, built with dpkg-deb from this checkout —
// skr-branch-server (server, skr-admin, web apps, run-time node_modules built here, systemd
// units) and skr-kiosk-station (kiosk device host, Chromium kiosk launcher). The portal
// stand-in, the emulators and every devDependency stay out.
//   tsx scripts/package.ts [--out DIR] [--version X.Y.Z] [--only branch|kiosk] [--no-build]
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { dependencyClosure } from '../packaging/lib/closure';
import { install, sizeKib, stageApp, writeTemplate } from '../packaging/lib/stage';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PKG = join(ROOT, 'packaging');

/** One package to build: where its files come from and where they go. */
export interface Spec {
  name: string;
  template: string;
  appDir: string;
  entries: string[];
  exclude?: string[];
  assets: Record<string, string[]>;
  files: [from: string, to: string, mode: number][];
}

export const SPECS: Record<'branch' | 'kiosk', Spec> = {
  branch: {
    name: 'skr-branch-server',
    template: 'branch-server',
    appDir: 'usr/lib/skr',
    entries: ['branch-server', 'node_modules/tsx'],
    assets: { 'display-board': ['dist'], 'clerk-desk': ['dist'] },
    files: [
      ['bin/skr-branch-server', 'usr/lib/skr/bin/skr-branch-server', 0o755],
      ['bin/skr-admin', 'usr/bin/skr-admin', 0o755],
      ['etc/branch.json', 'etc/skr/branch.json', 0o640],
      ['systemd/skr-branch-server.service', 'lib/systemd/system/skr-branch-server.service', 0o644],
      ['systemd/skr-backup.service', 'lib/systemd/system/skr-backup.service', 0o644],
      ['systemd/skr-backup.timer', 'lib/systemd/system/skr-backup.timer', 0o644],
    ],
  },
  kiosk: {
    name: 'skr-kiosk-station',
    template: 'kiosk-station',
    appDir: 'usr/lib/skr-kiosk',
    // The host speaks with the branch server's announcer (kiosk-app/src/host/speech-service.ts).
    entries: ['kiosk-app', 'branch-server', 'node_modules/tsx'],
    // The Electron shell is built on a machine with internet (docs/operations.md).
    exclude: ['electron'],
    assets: { 'kiosk-app': ['dist'] },
    files: [
      ['bin/skr-kiosk-host', 'usr/lib/skr-kiosk/bin/skr-kiosk-host', 0o755],
      ['bin/skr-kiosk-browser', 'usr/bin/skr-kiosk-browser', 0o755],
      ['etc/kiosk.env', 'etc/skr/kiosk.env', 0o640],
      ['systemd/skr-kiosk-host.service', 'lib/systemd/system/skr-kiosk-host.service', 0o644],
      [
        'systemd/skr-kiosk-browser.service',
        'usr/lib/systemd/user/skr-kiosk-browser.service',
        0o644,
      ],
      ['xdg/skr-kiosk-browser.desktop', 'etc/xdg/autostart/skr-kiosk-browser.desktop', 0o644],
    ],
  },
};

const WEB_APPS: Record<string, string> = {
  'display-board': '@skr/display-board',
  'clerk-desk': '@skr/clerk-desk',
  'kiosk-app': '@skr/kiosk-app',
};

/** Builds a web app whose dist/ is missing (or every one, when asked). */
function ensureBuilt(spec: Spec, build: boolean): void {
  for (const folder of Object.keys(spec.assets)) {
    if (
      existsSync(join(ROOT, folder, 'dist', 'index.html')) ||
      existsSync(join(ROOT, folder, 'dist', 'renderer'))
    )
      continue;
    if (!build) throw new Error(`${folder}/dist is missing; run npm run build:web`);
    execFileSync('npm', ['run', 'build', '-w', WEB_APPS[folder]!], { cwd: ROOT, stdio: 'inherit' });
  }
}

/** Stages and builds one .deb; returns its path. */
export function buildDeb(spec: Spec, version: string, outDir: string, build = true): string {
  ensureBuilt(spec, build);
  const arch = execFileSync('dpkg', ['--print-architecture'], { encoding: 'utf8' }).trim();
  const staging = mkdtempSync(join(tmpdir(), `${spec.name}-`));
  try {
    const tpl = join(PKG, spec.template);
    const closure = dependencyClosure(ROOT, spec.entries, new Set(spec.exclude ?? []));
    // Type-only packages (peer dependencies of some libraries) are not needed to run.
    for (const p of closure.packages) if (p.includes('@types')) closure.packages.delete(p);
    stageApp(ROOT, closure, join(staging, spec.appDir), spec.assets);
    for (const [from, to, mode] of spec.files) install(join(tpl, from), join(staging, to), mode);
    const doc = join(staging, 'usr/share/doc', spec.name);
    install(join(ROOT, 'docs/operations.md'), join(doc, 'operations.md'));
    const size = String(sizeKib(staging));
    const vars = { VERSION: version, ARCH: arch, SIZE: size, EXTRA_DEPENDS: 'libc6, libstdc++6' };
    writeTemplate(join(tpl, 'debian/control'), join(staging, 'DEBIAN/control'), vars);
    for (const f of ['conffiles', 'postinst', 'prerm', 'postrm'])
      writeTemplate(
        join(tpl, 'debian', f),
        join(staging, 'DEBIAN', f),
        vars,
        f === 'conffiles' ? 0o644 : 0o755,
      );
    mkdirSync(outDir, { recursive: true });
    const deb = join(outDir, `${spec.name}_${version}_${arch}.deb`);
    // gzip -1: a 60 MB tree packs in seconds; xz would take a minute on two cores.
    execFileSync('dpkg-deb', ['--root-owner-group', '-Zgzip', '-z1', '--build', staging, deb], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    return deb;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      out: { type: 'string', default: join(ROOT, 'dist/packages') },
      version: { type: 'string' },
      only: { type: 'string' },
      'no-build': { type: 'boolean' },
    },
  });
  const version =
    values.version ??
    (
      JSON.parse(readFileSync(join(ROOT, 'branch-server/package.json'), 'utf8')) as {
        version: string;
      }
    ).version;
  const which = values.only ? [values.only] : ['branch', 'kiosk'];
  for (const key of which) {
    const spec = SPECS[key as keyof typeof SPECS];
    if (!spec) throw new Error(`--only: branch or kiosk, not ${key}`);
    const started = Date.now();
    const deb = buildDeb(spec, version, resolve(values.out), !values['no-build']);
    console.log(`${deb}  (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  }
}
