// One flat config for every workspace: typescript-eslint's recommended rules, type-unaware
// so lint stays fast; tsc (npm run typecheck) does the type checking. The `boundaries/*`
// blocks below keep the layers apart (issue 11, item 4); scripts/boundaries.test.ts shows that
// each of them refuses a forbidden import.
//
// Why ESLint and not dependency-cruiser: dependency-cruiser 18 refuses to run on Node 20
// (engines ^22), which is the version this project supports; ESLint already runs in
// `npm run lint` and in editors. The rules match import specifiers, so each one also forbids
// the relative spelling (`../store`, `../../branch-server/…`) of what it forbids.
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

/** Test code may reach across boundaries (contract tests start emulators, e2e tests servers). */
const TESTS = ['**/*.test.ts', '**/*.test.tsx', '**/test/**', '**/e2e/**'];

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const anyOf = (names) => `(${names.map(escape).join('|')})`;

/** A specifier that names another workspace package, by name or by a relative path into it. */
const pkg = (names) => `^(@skr/${anyOf(names)}|(\\.\\./)+${anyOf(names)})(/|$)`;

/** A boundary rule: imports matching `regex` are refused, and lint shows `[name] why.` */
const rule = (name, regex, why) => ({ name, regex, why });

/** Every workspace package but protocol/ (the root package.json lists them). */
const NOT_PROTOCOL = JSON.parse(
  readFileSync(new URL('package.json', import.meta.url), 'utf8'),
).workspaces.filter((w) => w !== 'protocol');

/** Any @skr package but @skr/protocol, by name or by a relative path into its folder. */
const ONLY_PROTOCOL = `(^@skr/(?!protocol(/|$))|${pkg(NOT_PROTOCOL)})`;

/** Node built-ins, with or without the `node:` prefix ('fs', 'fs/promises', 'node:path'). */
const NODE_BUILTIN = rule(
  'no-node-in-browser',
  `^(node:|${anyOf(builtinModules.filter((m) => !m.startsWith('_')))}(/|$))`,
  'code that runs in a browser cannot load Node built-ins; ask the host or the server for it',
);

/** Packages that talk to hardware (drivers, their native bindings, emulators). */
const DEVICE = rule(
  'renderer-no-devices',
  `(${pkg(['printer-drivers', 'card-reader', 'led-board-driver', 'hardware-mocks'])}|^(serialport|@serialport/.*|pcsclite)$)`,
  'the kiosk renderer reaches devices only through the bridge (@skr/protocol/kiosk-bridge)',
);

/** The kiosk's Node side: device services, host server, Electron main and preload. */
const KIOSK_NODE_SIDE = rule(
  'renderer-no-host-code',
  '^(\\.{1,2}/)+(devices|host|main|preload|bridge)(/|$)',
  'the kiosk renderer must not import the host, Electron main/preload or the device services',
);

const WEB_ONLY_PROTOCOL = rule(
  'web-only-protocol',
  ONLY_PROTOCOL,
  'web apps import no @skr package but @skr/protocol; they reach the branch server over HTTP and socket.io',
);

/**
 * For a file `depth` folders below domain/: allowed are @skr/protocol (and its subpaths) and
 * paths that stay inside domain/ ('./x', and up to `depth` '../' — never one more).
 */
const domainPure = (depth) =>
  rule(
    'domain-is-pure',
    `^(?!@skr/protocol(/|$)|\\./(?!\\.)${depth > 0 ? `|(\\.\\./){1,${depth}}(?!\\.)` : ''})`,
    'the queue domain imports only @skr/protocol and its own files (no Node, SQLite, socket.io, fastify, nor other server folders)',
  );
/** domain/*.ts, domain/x/*.ts, …; the last glob takes every deeper file (which may climb three). */
const DOMAIN_DEPTHS = [0, 1, 2, 3].map((depth) => ({
  depth,
  files: [`branch-server/src/domain/${'*/'.repeat(depth)}${depth === 3 ? '**' : '*'}`],
}));

const HTTP_NO_STORE = rule(
  'http-no-store',
  '^(\\.\\./)+(src/)?store(/|$)',
  'HTTP routes go through the app layer (use cases and read-only queries), never the store',
);

const DRIVER_NO_EMULATOR = rule(
  'driver-no-emulator',
  pkg(['hardware-mocks']),
  'drivers must not depend on their emulators (only their tests may start one)',
);

const PROTOCOL_ALONE = rule(
  'protocol-alone',
  ONLY_PROTOCOL,
  'protocol/ is the shared contract; it imports no other @skr package',
);

/**
 * HTTP files that may import the store: only server.ts, the composition root, which opens the
 * database and hands it to the app layer and auth. scripts/boundaries.test.ts fails on an entry
 * whose file no longer imports the store, so the list can only shrink.
 */
export const httpStoreExceptions = [
  'branch-server/src/http/server.ts', // composition root: openDatabase, authRepo for auth
];

/**
 * The domain's decisions are pure functions of (state, command, now): no clock, no timers, no
 * randomness, no process. Syntax that would read them, with the reason shown by lint.
 */
const DOMAIN_NO_CLOCK = [
  "CallExpression[callee.object.name='Date'][callee.property.name='now']",
  "NewExpression[callee.name='Date'][arguments.length=0]",
  "MemberExpression[object.name='Math'][property.name='random']",
].map((selector) => ({
  selector,
  message:
    '[domain-is-pure] the domain takes the time as an argument and reads no clock or randomness.',
}));
const DOMAIN_NO_GLOBALS = [
  'process',
  'setTimeout',
  'setInterval',
  'setImmediate',
  'performance',
].map((name) => ({
  name,
  message: '[domain-is-pure] the domain uses no process, timers or clock.',
}));

/**
 * One config block: `files` (minus tests and `ignores`) may not import what `rules` name;
 * `syntax` and `globals` add no-restricted-syntax / no-restricted-globals entries.
 */
function boundary(name, files, rules, { ignores = [], syntax = [], globals = [] } = {}) {
  // A dynamic import('x') is not an import declaration: no-restricted-syntax catches those.
  // esquery regex literals cannot contain '/', so it is written as \x2F.
  const selector = (r) => `ImportExpression[source.value=/${r.regex.replaceAll('/', '\\x2F')}/]`;
  const message = (r) => `[${r.name}] ${r.why}.`;
  return {
    name: `boundaries/${name}`,
    files,
    ignores: [...TESTS, ...ignores],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: rules.map((r) => ({ regex: r.regex, message: message(r) })) },
      ],
      'no-restricted-syntax': [
        'error',
        ...rules.map((r) => ({ selector: selector(r), message: message(r) })),
        ...syntax,
      ],
      ...(globals.length > 0 && { 'no-restricted-globals': ['error', ...globals] }),
    },
  };
}

/** Longest function allowed in branch-server/src (issue 11: no factory closure as a module). */
const MAX_FUNCTION_LINES = 150;

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'data/**', '**/*.js', '!eslint.config.js'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // Test helpers read loosely typed JSON answers on purpose.
    files: ['**/test/**/*.ts', '**/*.test.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  ...DOMAIN_DEPTHS.map(({ depth, files }) =>
    boundary(`domain-depth-${depth}`, files, [domainPure(depth)], {
      syntax: DOMAIN_NO_CLOCK,
      globals: DOMAIN_NO_GLOBALS,
    }),
  ),
  boundary('http', ['branch-server/src/http/**'], [HTTP_NO_STORE], {
    ignores: httpStoreExceptions,
  }),
  boundary(
    'kiosk-renderer',
    ['kiosk-app/src/renderer/**', 'kiosk-app/src/i18n/**', 'kiosk-app/src/main.tsx'],
    [DEVICE, KIOSK_NODE_SIDE, NODE_BUILTIN, WEB_ONLY_PROTOCOL],
  ),
  boundary(
    'web-apps',
    ['clerk-desk/src/**', 'display-board/src/**'],
    [NODE_BUILTIN, WEB_ONLY_PROTOCOL],
  ),
  boundary(
    'drivers',
    ['printer-drivers/src/**', 'led-board-driver/src/**', 'card-reader/src/**'],
    [DRIVER_NO_EMULATOR],
  ),
  // Browsers load protocol/ too (the web apps import it), so it takes no Node built-ins either.
  boundary('protocol', ['protocol/src/**'], [PROTOCOL_ALONE, NODE_BUILTIN]),
  {
    // A factory closure is a module in disguise: keep each function short (issue 11).
    name: 'branch-server/max-lines-per-function',
    files: ['branch-server/src/**'],
    ignores: TESTS,
    rules: {
      'max-lines-per-function': [
        'error',
        { max: MAX_FUNCTION_LINES, skipBlankLines: true, skipComments: true },
      ],
    },
  },
);
