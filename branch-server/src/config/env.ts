// Environment overrides of the configuration file. Each variable sets one field; the schema
// validates the merged result, and an error names the variable it came from.

type Kind = 'string' | 'int' | 'bool';

/** Env variable → [path in the config, how to read it]. */
const ENV_FIELDS: Readonly<Record<string, readonly [string, Kind]>> = {
  SKR_DATA_DIR: ['dataDir', 'string'],
  SKR_HOST: ['http.host', 'string'],
  SKR_PORT: ['http.port', 'int'],
  SKR_PUBLIC_URL: ['http.publicUrl', 'string'],
  SKR_TLS_CERT: ['tls.cert', 'string'],
  SKR_TLS_KEY: ['tls.key', 'string'],
  SKR_TLS_REDIRECT_PORT: ['tls.redirectPort', 'int'],
  SKR_PUE_URL: ['portal.url', 'string'],
  SKR_PUE_BRANCH_ID: ['portal.branchId', 'string'],
  SKR_PUE_BRANCH_KEY: ['portal.branchKey', 'string'],
  SKR_ANNOUNCER: ['announcer.engine', 'string'],
  SKR_ANNOUNCER_PRERENDER: ['announcer.prerender', 'bool'],
  SKR_LED_SERIAL: ['led.serial', 'string'],
  SKR_LED_HALL: ['led.hallAddress', 'int'],
  SKR_LOG_LEVEL: ['log.level', 'string'],
  SKR_LOG_PRETTY: ['log.pretty', 'bool'],
  SKR_SEED: ['seed', 'string'],
  SKR_SMTP_URL: ['notify.smtpUrl', 'string'],
  SKR_MAIL_FROM: ['notify.mailFrom', 'string'],
  SKR_SMS_URL: ['notify.smsUrl', 'string'],
  SKR_SMS_TOKEN: ['notify.smsToken', 'string'],
  SKR_DEMO_PASSWORD: ['demoPassword', 'string'],
};

// A number or boolean that does not parse is kept as the raw string, so the schema reports
// it ("expected number, received string") under the variable's name.
function read(raw: string, kind: Kind): unknown {
  if (kind === 'int') return /^-?\d+$/.test(raw.trim()) ? Number(raw) : raw;
  if (kind === 'bool') {
    if (/^(1|true|yes|on)$/i.test(raw)) return true;
    if (/^(0|false|no|off)$/i.test(raw)) return false;
    return raw;
  }
  return raw;
}

/** Sets `value` at a dotted path of `target`, creating objects on the way. */
function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) {
    const next = node[key];
    if (typeof next !== 'object' || next === null || Array.isArray(next)) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys[keys.length - 1]!] = value;
}

/**
 * Applies the SKR_* variables of `env` onto a copy of `base`; returns it and which variable
 * set which path. An empty variable counts as unset (SKR_SEED= turns nothing on).
 */
export function applyEnv(
  base: Record<string, unknown>,
  env: NodeJS.ProcessEnv,
): { merged: Record<string, unknown>; sources: Map<string, string> } {
  const merged = structuredClone(base);
  const sources = new Map<string, string>();
  for (const [name, [path, kind]] of Object.entries(ENV_FIELDS)) {
    const raw = env[name];
    if (raw === undefined || raw === '') continue;
    setPath(merged, path, read(raw, kind));
    sources.set(path, name);
  }
  return { merged, sources };
}
