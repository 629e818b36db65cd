import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './load';

const dir = mkdtempSync(join(tmpdir(), 'skr-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(content: unknown): string {
  const path = join(dir, `${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

function problems(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig({ env });
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
  return [];
}

describe('loadConfig', () => {
  it('runs on defaults with no file: loopback, port 8080, voice auto, no boards', () => {
    const c = loadConfig({ env: {}, defaultFile: join(dir, 'absent.json') });
    expect(c.configFile).toBeUndefined();
    expect(c.http).toEqual({ host: '127.0.0.1', port: 8080 });
    expect(c.announcer.engine).toBe('auto');
    expect(c.led).toBeUndefined();
    expect(c.dbPath).toBe(join(process.cwd(), 'data', 'branch.sqlite'));
  });

  it('reads relative paths from where npm was run (INIT_CWD), not the workspace folder', () => {
    const name = file({ dataDir: 'branch-data' }).slice(dir.length + 1);
    const c = loadConfig({ env: { INIT_CWD: dir, SKR_CONFIG: name } });
    expect(c.configFile).toBe(join(dir, name));
    expect(c.dbPath).toBe(join(dir, 'branch-data', 'branch.sqlite'));
  });

  it('reads the default file when it exists, and env overrides win over it', () => {
    const path = file({
      dataDir: '/var/lib/skr',
      http: { host: '0.0.0.0', port: 8080 },
      led: { serial: '/dev/ttyUSB0', counterBoards: { '21': 9 } },
    });
    const c = loadConfig({
      env: { SKR_PORT: '9000', SKR_LED_SERIAL: '/dev/pts/7' },
      defaultFile: path,
    });
    expect(c.configFile).toBe(path);
    expect(c.http).toEqual({ host: '0.0.0.0', port: 9000 });
    expect(c.led).toEqual({
      serial: '/dev/pts/7',
      baudRate: 9600,
      hallAddress: 200,
      counterBoards: { '21': 9 },
    });
    expect(c.dbPath).toBe('/var/lib/skr/branch.sqlite');
  });

  it('SKR_CONFIG="" means no file even when the default exists', () => {
    const path = file({ http: { port: 1234 } });
    expect(loadConfig({ env: { SKR_CONFIG: '' }, defaultFile: path }).http.port).toBe(8080);
  });

  it('names every bad value, and the variable it came from', () => {
    const path = file({
      announcer: { engine: 'festival' },
      portal: { url: 'not a url' },
      extra: 1,
    });
    const p = problems({ SKR_CONFIG: path, SKR_PORT: '80a', SKR_LOG_PRETTY: 'maybe' });
    expect(p.some((l) => l.startsWith('http.port (from SKR_PORT):'))).toBe(true);
    expect(p.some((l) => l.startsWith('log.pretty (from SKR_LOG_PRETTY):'))).toBe(true);
    expect(p.some((l) => l.startsWith('announcer.engine:'))).toBe(true);
    expect(p.some((l) => l.startsWith('portal.url:'))).toBe(true);
    expect(p.some((l) => l.startsWith('portal.branchId:'))).toBe(true);
    expect(p.some((l) => l.includes('extra'))).toBe(true);
  });

  it('refuses a file that is not JSON, a missing file, and TLS files that do not exist', () => {
    expect(problems({ SKR_CONFIG: file('{ port: 1') })[0]).toMatch(/not valid JSON/);
    expect(problems({ SKR_CONFIG: join(dir, 'nope.json') })[0]).toMatch(/cannot read/);
    expect(problems({ SKR_TLS_CERT: join(dir, 'a.crt'), SKR_TLS_KEY: join(dir, 'a.key') })).toEqual(
      [`tls.cert: no file ${join(dir, 'a.crt')}`, `tls.key: no file ${join(dir, 'a.key')}`],
    );
  });
});
