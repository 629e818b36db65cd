import Database from 'better-sqlite3';
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDeb, SPECS } from '../../scripts/package';
import { MIGRATIONS } from '../../branch-server/src/store/migrations';
import { execOn, lastStepFault, schemaVersion } from './migration-fault';
import { buildPreviousDeb, PREVIOUS_RELEASE, resolveCommit } from './previous-release';
import { startServiceCommand, type ServiceCommand } from './service-command';

// `npm run package` end to end: both .deb files are built and inspected; as root with
// SKR_TEST_DPKG=1 or CI=true the branch server package is installed, its service command run
// as the skr user, a ticket issued, backed up with skr-admin, restored into a fresh data dir
// and compared, reinstalled over itself (the upgrade path), removed and purged; then the
// package of the previous release is installed with data in it and upgraded to this one (a
// failed migration first, which must leave the previous release's data usable), and the kiosk
// host service's command is started against the upgraded server.
const out = mkdtempSync(join(tmpdir(), 'skr-deb-'));
let branchDeb = '';
let kioskDeb = '';

const sh = (
  cmd: string,
  args: string[],
  opts: { env?: NodeJS.ProcessEnv; input?: string } = {},
) => {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 120_000, ...opts });
  return { code: r.status, out: `${r.stdout ?? ''}${r.stderr ?? ''}` };
};
const contents = (deb: string) =>
  execFileSync('dpkg-deb', ['--contents', deb], { encoding: 'utf8', maxBuffer: 64 << 20 })
    .split('\n')
    .map((l) => l.split(/\s+/)[5] ?? '')
    .filter(Boolean);
const hasSystemdAnalyze = sh('systemd-analyze', ['--version']).code === 0;

beforeAll(() => {
  branchDeb = buildDeb(SPECS.branch, '0.1.0', out);
  kioskDeb = buildDeb(SPECS.kiosk, '0.1.0', out);
}, 300_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('npm run package', () => {
  it('builds skr-branch-server: server, skr-admin, web apps, units; no stand-ins, no dev tools', () => {
    const info = execFileSync('dpkg-deb', ['--info', branchDeb], { encoding: 'utf8' });
    expect(info).toMatch(/Package: skr-branch-server/);
    expect(info).toMatch(/Depends: nodejs \(>= 20\.19\)/);
    for (const script of ['postinst', 'prerm', 'postrm', 'conffiles'])
      expect(info).toContain(script);
    const files = contents(branchDeb);
    for (const f of [
      './usr/bin/skr-admin',
      './usr/lib/skr/bin/skr-branch-server',
      './usr/lib/skr/branch-server/src/main.ts',
      './usr/lib/skr/branch-server/src/admin/cli.ts',
      './usr/lib/skr/display-board/dist/index.html',
      './usr/lib/skr/clerk-desk/dist/index.html',
      './usr/lib/skr/node_modules/better-sqlite3/build/Release/better_sqlite3.node',
      './usr/lib/skr/node_modules/tsx/dist/loader.mjs',
      './lib/systemd/system/skr-branch-server.service',
      './lib/systemd/system/skr-backup.timer',
      './etc/skr/branch.json',
    ])
      expect(files, f).toContain(f);
    const forbidden =
      /pue-emulator|hardware-mocks|\/vitest\/|\/electron\/|\/typescript\/|\.test\.ts$|better-sqlite3\/deps\//;
    expect(files.filter((f) => forbidden.test(f))).toEqual([]);
  });

  it('builds skr-kiosk-station: device host, renderer, Chromium kiosk launcher; no Electron', () => {
    const info = execFileSync('dpkg-deb', ['--info', kioskDeb], { encoding: 'utf8' });
    expect(info).toMatch(/Depends: .*chromium/);
    const files = contents(kioskDeb);
    for (const f of [
      './usr/bin/skr-kiosk-browser',
      './usr/lib/skr-kiosk/kiosk-app/src/host/main.ts',
      './usr/lib/skr-kiosk/kiosk-app/dist/renderer/index.html',
      './lib/systemd/system/skr-kiosk-host.service',
      './usr/lib/systemd/user/skr-kiosk-browser.service',
      './etc/skr/kiosk.env',
    ])
      expect(files, f).toContain(f);
    expect(files.filter((f) => /\/electron\/|hardware-mocks|pue-emulator/.test(f))).toEqual([]);
  });

  it.runIf(hasSystemdAnalyze)(
    'has units that systemd-analyze accepts',
    () => {
      const dir = mkdtempSync(join(out, 'x-'));
      execFileSync('dpkg-deb', ['-x', branchDeb, dir]);
      const units = ['skr-branch-server.service', 'skr-backup.service', 'skr-backup.timer'].map(
        (u) => join(dir, 'lib/systemd/system', u),
      );
      const r = sh('systemd-analyze', ['verify', ...units]);
      expect(r.code).not.toBeNull(); // finished, not killed by the time limit
      // Not installed here, so the commands do not exist yet; anything else is a unit error.
      const problems = r.out.split('\n').filter((l) => l.trim() && !/is not executable/.test(l));
      expect(problems).toEqual([]);
    },
    120_000,
  );
});

const canInstall =
  process.getuid?.() === 0 &&
  (process.env.SKR_TEST_DPKG === '1' || process.env.CI === 'true') &&
  sh('dpkg-query', ['-W', '-f=${Status}', 'skr-branch-server']).out.indexOf('installed') < 0 &&
  !existsSync('/var/lib/skr');

describe.runIf(canInstall)('installed with dpkg -i', () => {
  let server: ChildProcess | undefined;
  const running: ServiceCommand[] = [];
  // The service's environment: only what systemd would give it, plus a loopback test port.
  const env = { PATH: '/usr/sbin:/usr/bin:/sbin:/bin', LANG: 'C.UTF-8', HOME: '/root' };
  const admin = (args: string[], extra: Record<string, string> = {}) =>
    sh('/usr/bin/skr-admin', args, { env: { ...env, ...extra } });
  const tickets = (db: string) => {
    const d = new Database(db, { readonly: true });
    try {
      return d.prepare('SELECT id, number, state, issued_at FROM tickets ORDER BY id').all();
    } finally {
      d.close();
    }
  };

  afterAll(async () => {
    for (const s of running) await s.stop();
    if (server?.pid && server.exitCode === null && server.signalCode === null) {
      const exited = new Promise((r) => server!.once('exit', r));
      process.kill(server.pid, 'SIGTERM');
      await exited;
    }
    sh('dpkg', ['--purge', 'skr-branch-server', 'skr-kiosk-station']);
  }, 60_000);

  it('installs, serves a ticket as skr, backs up, restores, upgrades in place, removes, purges', async () => {
    const install = sh('dpkg', ['--force-unsafe-io', '-i', branchDeb]);
    expect(install.code, install.out).toBe(0);
    expect(sh('id', ['-u', 'skr']).code).toBe(0);
    expect(statSync('/var/lib/skr').uid).toBe(Number(sh('id', ['-u', 'skr']).out.trim()));
    const tls = sh('openssl', [
      'verify',
      '-CAfile',
      '/etc/skr/tls/ca.crt',
      '/etc/skr/tls/server.crt',
    ]);
    expect(tls.out).toMatch(/server\.crt: OK/);
    if (hasSystemdAnalyze) {
      const units = ['skr-branch-server.service', 'skr-backup.service', 'skr-backup.timer'];
      const v = sh('systemd-analyze', ['verify', ...units.map((u) => `/lib/systemd/system/${u}`)]);
      expect(v.code, v.out).toBe(0);
    }

    // The unit's ExecStart, as the unit's user, with the unit's SKR_CONFIG.
    server = spawn(
      'setpriv',
      ['--reuid=skr', '--regid=skr', '--init-groups', '--', '/usr/lib/skr/bin/skr-branch-server'],
      {
        cwd: '/var/lib/skr',
        env: {
          ...env,
          SKR_CONFIG: '/etc/skr/branch.json',
          SKR_HOST: '127.0.0.1',
          SKR_PORT: '0',
          SKR_ANNOUNCER_PRERENDER: '0',
          SKR_SEED: 'demo',
          SKR_DEMO_PASSWORD: 'pakiet-test-haslo-1',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let log = '';
    server.stdout!.on('data', (d) => (log += d));
    server.stderr!.on('data', (d) => (log += d));
    const deadline = Date.now() + 60_000;
    while (
      !/SKR branch server: (http:\S+)/.test(log) &&
      Date.now() < deadline &&
      server.exitCode === null
    )
      await new Promise((r) => setTimeout(r, 100));
    const url = /SKR branch server: (http:\S+)/.exec(log)?.[1];
    expect(url, log).toBeDefined();
    expect(log).toContain('config: /etc/skr/branch.json');

    const paired = admin(['pair', 'kiosk', 'Biletomat testowy']);
    expect(paired.code, paired.out).toBe(0);
    const kiosk = /token \(pokazany tylko teraz\): (\S+)/.exec(paired.out)![1]!;
    for (let i = 0; i < 3; i += 1) {
      const res = await fetch(`${url}/api/v1/tickets`, {
        method: 'POST',
        headers: { authorization: `Bearer ${kiosk}`, 'content-type': 'application/json' },
        body: JSON.stringify({ serviceId: 'emerytury' }),
      });
      expect(res.status).toBe(201);
    }
    const backup = admin(['backup']);
    expect(backup.code, backup.out).toBe(0);
    const file = /kopia: (\S+\.sqlite)/.exec(backup.out)![1]!;
    expect(statSync(file).uid).toBe(statSync('/var/lib/skr').uid);

    const drill = '/var/lib/skr/restore-drill';
    const restore = admin(['restore', file], { SKR_DATA_DIR: drill });
    expect(restore.code, restore.out).toBe(0);
    const live = tickets('/var/lib/skr/branch.sqlite');
    expect(live).toHaveLength(3);
    expect(tickets(join(drill, 'branch.sqlite'))).toEqual(live);

    const exited = new Promise((r) => server!.once('exit', r));
    process.kill(server.pid!, 'SIGTERM');
    await exited;

    // The upgrade path (prerm upgrade, postinst configure <old version>): data kept, migrate
    // runs once and finds nothing to do on the same schema.
    const again = sh('dpkg', ['--force-unsafe-io', '-i', branchDeb]);
    expect(again.code, again.out).toBe(0);
    expect(again.out).toMatch(/nic do zrobienia/);
    expect(tickets('/var/lib/skr/branch.sqlite')).toEqual(live);

    expect(sh('dpkg', ['-r', 'skr-branch-server']).code).toBe(0);
    expect(existsSync('/var/lib/skr/branch.sqlite')).toBe(true);
    expect(existsSync('/usr/lib/skr')).toBe(false);
    expect(sh('dpkg', ['--purge', 'skr-branch-server']).code).toBe(0);
    expect(existsSync('/var/lib/skr')).toBe(false);
    expect(existsSync('/etc/skr/branch.json')).toBe(false);
    expect(sh('id', ['skr']).code).not.toBe(0);

    const k = sh('dpkg', ['--force-unsafe-io', '-i', kioskDeb]);
    expect(k.code, k.out).toBe(0);
    expect(existsSync('/etc/skr/kiosk.env')).toBe(true);
    expect(sh('dpkg', ['--purge', 'skr-kiosk-station']).code).toBe(0);
    expect(existsSync('/etc/skr/kiosk.env')).toBe(false);
  }, 480_000);

  const repo = fileURLToPath(new URL('../..', import.meta.url));
  const previous = resolveCommit(repo, PREVIOUS_RELEASE);
  it.runIf(previous !== undefined)(
    `upgrades from the previous release (${PREVIOUS_RELEASE}) with data in place`,
    async () => {
      const started = Date.now();
      const oldDeb = buildPreviousDeb(repo, previous!, mkdtempSync(join(out, 'prev-')));
      const built = Date.now();
      const db = '/var/lib/skr/branch.sqlite';
      const unit = '/lib/systemd/system/skr-branch-server.service';
      const serve = async (): Promise<[ServiceCommand, string]> => {
        const s = startServiceCommand(unit, {
          ...env,
          SKR_HOST: '127.0.0.1',
          SKR_PORT: '0',
          SKR_ANNOUNCER: 'off',
          SKR_SEED: 'demo',
          SKR_DEMO_PASSWORD: 'pakiet-test-haslo-1',
        });
        running.push(s);
        const url = await s.waitFor(/SKR branch server: (https?:\/\/\S+)/);
        expect(url, s.log()).toBeDefined();
        return [s, url!];
      };
      const issue = async (url: string, token: string) => {
        const res = await fetch(`${url}/api/v1/tickets`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ serviceId: 'emerytury' }),
        });
        expect(res.status).toBe(201);
      };

      // The previous release, installed and given data.
      const first = sh('dpkg', ['--force-unsafe-io', '-i', oldDeb]);
      expect(first.code, first.out).toBe(0);
      let [srv, url] = await serve();
      const kiosk = /token \(pokazany tylko teraz\): (\S+)/.exec(
        admin(['pair', 'kiosk', 'Biletomat 1']).out,
      )![1]!;
      await issue(url, kiosk);
      await issue(url, kiosk);
      await srv.stop();
      const oldVersion = schemaVersion(db);
      const before = tickets(db);
      expect(before).toHaveLength(2);
      expect(oldVersion).toBeLessThan(MIGRATIONS.length);

      // A migration of the new release fails (its last step, after the others committed).
      const fault = lastStepFault(MIGRATIONS, oldVersion)!;
      expect(fault, `no step after v${oldVersion} creates anything`).toBeDefined();
      execOn(db, fault.plant);
      const failed = sh('dpkg', ['--force-unsafe-io', '-i', branchDeb]);
      expect(failed.code, failed.out).not.toBe(0);
      expect(failed.out).toMatch(/przywrócono bazę sprzed migracji/);
      expect(schemaVersion(db)).toBe(oldVersion);
      expect(tickets(db)).toEqual(before);
      // What postinst tells the operator: put the previous version back; it runs on the data.
      const back = sh('dpkg', ['--force-unsafe-io', '-i', oldDeb]);
      expect(back.code, back.out).toBe(0);
      [srv, url] = await serve();
      await issue(url, kiosk);
      await srv.stop();
      const kept = tickets(db);
      expect(kept).toHaveLength(3);

      // The obstacle gone, the upgrade goes through: data kept, migrations run once.
      execOn(db, fault.clear);
      const up = sh('dpkg', ['--force-unsafe-io', '-i', branchDeb]);
      expect(up.code, up.out).toBe(0);
      expect(up.out).toMatch(new RegExp(`schemat v${oldVersion} → v${MIGRATIONS.length}`));
      expect(schemaVersion(db)).toBe(MIGRATIONS.length);
      expect(admin(['migrate']).out).toMatch(/nic do zrobienia/);
      expect(tickets(db)).toEqual(kept);
      [srv, url] = await serve();
      await issue(url, kiosk);
      expect(schemaVersion(db)).toBe(MIGRATIONS.length);

      // The kiosk host service's command, against the upgraded server.
      const k = sh('dpkg', ['--force-unsafe-io', '-i', kioskDeb]);
      expect(k.code, k.out).toBe(0);
      const host = startServiceCommand('/lib/systemd/system/skr-kiosk-host.service', {
        ...env,
        SKR_BRANCH_URL: url,
        SKR_KIOSK_TOKEN: kiosk,
        SKR_KIOSK_PORT: '0',
        SKR_KIOSK_DATA_DIR: '/var/lib/skr-kiosk',
      });
      running.push(host);
      const kioskUrl = await host.waitFor(/kiosk host: (http:\/\/\S+)/);
      expect(kioskUrl, host.log()).toBeDefined();
      expect((await fetch(kioskUrl!)).status).toBe(200);
      await host.stop();
      await srv.stop();
      expect(tickets(db)).toHaveLength(4);
      console.log(
        `upgrade drill: previous package built in ${((built - started) / 1000).toFixed(0)} s, ` +
          `drill ${((Date.now() - built) / 1000).toFixed(0)} s`,
      );
      expect(sh('dpkg', ['--purge', 'skr-branch-server', 'skr-kiosk-station']).code).toBe(0);
    },
    600_000,
  );
});
