import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- eslint.config.js is plain JavaScript without declarations
import { httpStoreExceptions } from '../eslint.config.js';

// The boundaries live in eslint.config.js. Each case lints a probe with the project's own
// config as if it were a file at `path` (ESLint resolves the config by path, exactly as
// `npm run lint` does for a real file), so nothing is written into the shared tree.
const root = fileURLToPath(new URL('..', import.meta.url));
const eslint = new ESLint({ cwd: root });

/** The boundary names ("[domain-is-pure] …") of the import violations ESLint reports. */
async function violations(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}${path}` });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId?.startsWith('no-restricted-'))
    .map((m) => /^(?:.*? )?\[([a-z-]+)\]/.exec(m.message)?.[1] ?? m.message);
}

const use = 'export const used = [x];\n';

/** The rows of a ` | `-separated table, blank lines left out. */
function table(text: string): string[][] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => line.split(' | ').map((cell) => cell.trim()));
}

describe('import boundaries (eslint.config.js)', () => {
  // path | probe line | the boundaries that refuse it, in the order ESLint reports them
  const refused = `
branch-server/src/domain/probe.ts          | import x from 'better-sqlite3'; | domain-is-pure
branch-server/src/domain/probe.ts          | import { x } from 'node:fs'; | domain-is-pure
branch-server/src/domain/probe.ts          | import { x } from '../store'; | domain-is-pure
branch-server/src/domain/probe.ts          | import type { x } from 'fastify'; | domain-is-pure
branch-server/src/domain/probe.ts          | const x = await import('socket.io'); | domain-is-pure
branch-server/src/http/probe-routes.ts     | import { x } from '../store'; | http-no-store
kiosk-app/src/renderer/probe.tsx           | import { x } from '@skr/printer-drivers'; | renderer-no-devices,web-only-protocol
kiosk-app/src/renderer/screens/probe.tsx   | import { x } from 'serialport'; | renderer-no-devices
kiosk-app/src/renderer/probe.tsx           | const x = await import('pcsclite'); | renderer-no-devices
kiosk-app/src/renderer/probe.tsx           | import { x } from 'node:fs'; | no-node-in-browser
kiosk-app/src/renderer/probe.tsx           | import { x } from '../devices/printer-service'; | renderer-no-host-code
kiosk-app/src/renderer/probe.tsx           | import { x } from '@skr/branch-server'; | web-only-protocol
clerk-desk/src/probe.ts                    | import { x } from '../../branch-server/src/config'; | web-only-protocol
display-board/src/probe.ts                 | import { x } from 'node:path'; | no-node-in-browser
printer-drivers/src/probe.ts               | import { x } from '@skr/hardware-mocks/printer/index'; | driver-no-emulator
led-board-driver/src/probe.ts              | import { x } from '../../hardware-mocks/src/led-board'; | driver-no-emulator
card-reader/src/probe.ts                   | import { x } from '@skr/hardware-mocks'; | driver-no-emulator
protocol/src/probe.ts                      | import { x } from '@skr/branch-server'; | protocol-alone
protocol/src/probe.ts                      | import { x } from '../../card-reader/src/apdu'; | protocol-alone
kiosk-app/src/renderer/probe.tsx           | import { x } from '@skr/pue-emulator'; | web-only-protocol
protocol/src/probe.ts                      | import { x } from 'node:crypto'; | no-node-in-browser
branch-server/src/domain/calendar/probe.ts | import { x } from '../../store'; | domain-is-pure
branch-server/src/domain/a/b/probe.ts      | import { x } from '../../../app'; | domain-is-pure
branch-server/src/domain/probe.ts          | const x = Date.now(); | domain-is-pure
branch-server/src/domain/probe.ts          | const x = new Date(); | domain-is-pure
branch-server/src/domain/probe.ts          | const x = Math.random(); | domain-is-pure
branch-server/src/domain/probe.ts          | const x = process.env.TZ; | domain-is-pure
branch-server/src/domain/probe.ts          | const x = setTimeout(() => {}, 1); | domain-is-pure
`;
  it.each(table(refused))('%s: %s is refused by %s', async (path, line, rules) => {
    expect(await violations(path, `${line}\n${use}`)).toEqual(rules?.split(','));
  });

  // path | probe line that no boundary refuses
  const allowed = `
branch-server/src/domain/probe.ts          | import { x } from '@skr/protocol/domain'; import './time';
branch-server/src/domain/probe.ts          | import { x } from './time'; const at = new Date(x);
branch-server/src/http/probe-routes.ts     | import { x } from '../app/branch';
branch-server/src/domain/calendar/probe.ts | import { x } from '../domain-error';
branch-server/src/domain/a/b/probe.ts      | import { x } from '../../time';
kiosk-app/src/renderer/probe.tsx           | import { x } from '@skr/protocol/kiosk-bridge';
kiosk-app/src/host/probe.ts                | import { x } from '@skr/printer-drivers';
printer-drivers/test/probe.test.ts         | import { x } from '@skr/hardware-mocks/printer/index';
protocol/src/probe.ts                      | import { x } from './domain';
`;
  it.each(table(allowed))('%s: %s is allowed', async (path, line) => {
    expect(await violations(path, `${line}\n${use}`)).toEqual([]);
  });

  it('refuses a function over 150 lines in branch-server/src, not in its tests', async () => {
    const body = (n: number) => `export function f() {\n${'  console.log(1);\n'.repeat(n)}}\n`;
    const rules = async (path: string, n: number) => {
      const [result] = await eslint.lintText(body(n), { filePath: `${root}${path}` });
      return (result?.messages ?? []).map((m) => m.ruleId);
    };
    expect(await rules('branch-server/src/app/probe.ts', 148)).toEqual([]);
    expect(await rules('branch-server/src/app/probe.ts', 149)).toEqual(['max-lines-per-function']);
    expect(await rules('branch-server/test/probe.ts', 400)).toEqual([]);
  });

  // The exceptions may only shrink: an entry whose file no longer imports the store is stale.
  it.each(httpStoreExceptions as string[])(
    'temporary exception %s still imports the store',
    (path) => {
      const text = readFileSync(`${root}${path}`, 'utf8');
      expect(text, `remove ${path} from httpStoreExceptions in eslint.config.js`).toMatch(
        /from '(\.\.\/)+(src\/)?store(\/[^']*)?'/,
      );
    },
  );
});
