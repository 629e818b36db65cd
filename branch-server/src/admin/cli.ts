import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { SkrError } from '@skr/protocol';
import { ConfigError, defaultConfigFile, loadConfig, type LoadedConfig } from '../config';
import { createUser, generatePassword, pairDevice, resetPassword } from './accounts';
import { backupDatabase, verifyDatabase } from './backup';
import { endDayCommand } from './end-day';
import { locateServer } from './server-locator';
import { HELP } from './help';
import { migrateWithBackup } from './migrate';
import { restoreDatabase, RestoreRefused } from './restore';
import { codeSchemaVersion, fileSchemaVersion } from './schema-version';

/** Where the CLI reads and writes (the process's own streams in production). */
interface AdminIo {
  out(line: string): void;
  err(line: string): void;
  /** The whole of stdin (for --password-stdin). */
  readStdin(): Promise<string>;
  env: NodeJS.ProcessEnv;
}

/** Exit codes of skr-admin. */
const EXIT = { ok: 0, failed: 1, usage: 2, refused: 3 } as const;

class Usage extends Error {}

const OPTIONS = {
  config: { type: 'string' },
  dir: { type: 'string' },
  keep: { type: 'string' },
  tag: { type: 'string' },
  force: { type: 'boolean' },
  'password-stdin': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

async function password(io: AdminIo, fromStdin: boolean | undefined): Promise<[string, boolean]> {
  if (!fromStdin) return [generatePassword(), true];
  const text = (await io.readStdin()).split(/\r?\n/)[0] ?? '';
  if (text.length < 12) throw new SkrError('INVALID', 'hasło musi mieć co najmniej 12 znaków');
  return [text, false];
}

function latestBackup(dir: string): string | undefined {
  try {
    const names = readdirSync(dir).filter((n) => n.endsWith('.sqlite'));
    names.sort((a, b) => statSync(join(dir, b)).mtimeMs - statSync(join(dir, a)).mtimeMs);
    return names[0] && join(dir, names[0]);
  } catch {
    return undefined;
  }
}

async function health(config: LoadedConfig, io: AdminIo): Promise<number> {
  const host = ['0.0.0.0', '::'].includes(config.http.host) ? '127.0.0.1' : config.http.host;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${config.http.port}/api/v1/health`;
  let code: number = EXIT.ok;
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(3000) });
    io.out(`serwer: ${res.status} ${await res.text()}  (${url})`);
    if (!res.ok) code = EXIT.failed;
  } catch (e) {
    io.out(`serwer: brak odpowiedzi z ${url} (${(e as Error).message})`);
    code = EXIT.failed;
  }
  try {
    io.out(
      `baza: ${config.dbPath}, schemat v${fileSchemaVersion(config.dbPath)} (program v${codeSchemaVersion()})`,
    );
  } catch (e) {
    io.out(`baza: ${config.dbPath} niedostępna (${(e as Error).message})`);
    code = EXIT.failed;
  }
  io.out(`ostatnia kopia: ${latestBackup(join(config.dataDir, 'backups')) ?? 'brak'}`);
  return code;
}

/** Runs one skr-admin command; resolves with the exit code (never exits the process). */
export async function runAdmin(argv: string[], io: AdminIo): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: OPTIONS,
      allowPositionals: true,
    });
    const [command = 'help', ...args] = positionals;
    if (values.help || command === 'help') {
      io.out(HELP);
      return EXIT.ok;
    }
    const env = values.config ? { ...io.env, SKR_CONFIG: values.config } : io.env;
    const config = loadConfig({ env, defaultFile: defaultConfigFile() });
    const backups = values.dir ?? join(config.dataDir, 'backups');
    const need = (n: number, usage: string) => {
      if (args.length < n) throw new Usage(`użycie: skr-admin ${usage}`);
    };
    switch (command) {
      case 'backup': {
        const keep = Number(values.keep ?? 14);
        if (!Number.isInteger(keep) || keep < 1) throw new Usage('--keep: liczba ≥ 1');
        const r = await backupDatabase(config.dbPath, backups, { keep, tag: values.tag });
        io.out(`kopia: ${r.file} (${r.bytes} B, schemat v${r.schemaVersion}, integrity_check ok)`);
        for (const f of r.removed) io.out(`usunięto starą kopię: ${f}`);
        return EXIT.ok;
      }
      case 'verify': {
        need(1, 'verify PLIK');
        io.out(`${args[0]}: integrity_check ok, schemat v${verifyDatabase(args[0]!)}`);
        return EXIT.ok;
      }
      case 'restore': {
        need(1, 'restore PLIK [--force]');
        if (!values.force && (await serverAnswers(config)))
          throw new RestoreRefused(
            'serwer działa: zatrzymaj go (systemctl stop skr-branch-server) albo użyj --force',
          );
        const r = await restoreDatabase(args[0]!, config.dbPath, backups);
        io.out(`przywrócono ${args[0]} → ${config.dbPath} (schemat v${r.schemaVersion})`);
        if (r.previous) io.out(`poprzednia baza odłożona: ${r.previous}`);
        return EXIT.ok;
      }
      case 'migrate': {
        const r = await migrateWithBackup(config.dbPath, backups);
        io.out(
          r.backup
            ? `schemat v${r.from} → v${r.to}; kopia sprzed migracji: ${r.backup}`
            : `schemat v${r.to}: nic do zrobienia`,
        );
        return EXIT.ok;
      }
      case 'user-add': {
        need(2, 'user-add LOGIN ROLA [--password-stdin]');
        const [pw, generated] = await password(io, values['password-stdin']);
        await createUser(config.dbPath, args[0]!, args[1]!, pw);
        io.out(`utworzono konto ${args[0]} (${args[1]})`);
        if (generated) io.out(`hasło (pokazane tylko teraz): ${pw}`);
        return EXIT.ok;
      }
      case 'password': {
        need(1, 'password LOGIN [--password-stdin]');
        const [pw, generated] = await password(io, values['password-stdin']);
        await resetPassword(config.dbPath, args[0]!, pw);
        io.out(`zmieniono hasło konta ${args[0]}`);
        if (generated) io.out(`nowe hasło (pokazane tylko teraz): ${pw}`);
        return EXIT.ok;
      }
      case 'pair': {
        need(2, 'pair RODZAJ NAZWA');
        const d = await pairDevice(config.dbPath, args[0]!, args.slice(1).join(' '));
        io.out(`urządzenie ${d.id}`);
        io.out(`token (pokazany tylko teraz): ${d.token}`);
        // Screens no longer take a token in the URL: pair them by the code they show instead.
        if (args[0] === 'display' && config.http.publicUrl)
          io.out(
            `ekran: otwórz ${config.http.publicUrl}/display/ i sparuj kodem z ekranu w panelu kierownika`,
          );
        return EXIT.ok;
      }
      case 'health':
        return await health(config, io);
      case 'end-day': {
        const r = await endDayCommand(config.dbPath, await locateServer(config));
        io.out(
          `dzień zamknięty (${r.via === 'server' ? 'przez serwer' : 'w bazie, serwer zatrzymany'}): ` +
            `stanowiska zamknięte ${r.closedCounters}, numery rozliczone ${r.resolvedTickets}, ` +
            `rezerwacje bez zgłoszenia ${r.missedBookings.length}`,
        );
        return EXIT.ok;
      }
      default:
        throw new Usage(`nieznane polecenie: ${command} (skr-admin help)`);
    }
  } catch (e) {
    if (e instanceof ConfigError) {
      io.err(e.message);
      return EXIT.usage;
    }
    if (e instanceof Usage || (e as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      io.err((e as Error).message);
      return EXIT.usage;
    }
    if (e instanceof RestoreRefused) {
      io.err(`odmowa: ${e.message}`);
      return EXIT.refused;
    }
    io.err(`błąd: ${(e as Error).message}`);
    return EXIT.failed;
  }
}

/** Whether a server runs on the configured database (answering or not). */
async function serverAnswers(config: LoadedConfig): Promise<boolean> {
  return (await locateServer(config)).running;
}
