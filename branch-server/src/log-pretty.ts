import type { DestinationStream } from 'pino';

// pino-pretty is not installed; a person at a terminal gets one short line per event instead
// of JSON, and fastify's two lines per HTTP request are left out (they drown everything else).

const LEVELS: Record<number, string> = {
  10: 'TRACE',
  20: 'DEBUG',
  30: 'INFO ',
  40: 'WARN ',
  50: 'ERROR',
  60: 'FATAL',
};
const QUIET = new Set(['incoming request', 'request completed']);
const SKIP = new Set(['level', 'time', 'pid', 'hostname', 'msg', 'name', 'reqId', 'req', 'res']);

/** One JSON log line as a short human line; undefined for lines a person does not need. */
export function prettyLine(json: string, keepRequests = false): string | undefined {
  let o: Record<string, unknown>;
  try {
    o = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json.trimEnd();
  }
  const msg = typeof o.msg === 'string' ? o.msg : '';
  if (!keepRequests && QUIET.has(msg)) return undefined;
  const time = new Date(typeof o.time === 'number' ? o.time : Date.now());
  const hhmmss = time.toTimeString().slice(0, 8);
  const extra = Object.entries(o)
    .filter(([k]) => !SKIP.has(k))
    .map(([k, v]) => {
      if (k === 'err' && v && typeof v === 'object') return `err="${(v as Error).message}"`;
      return `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`;
    });
  const level = LEVELS[Number(o.level)] ?? String(o.level);
  return `${hhmmss} ${level} ${o.name ? `[${String(o.name)}] ` : ''}${msg}${extra.length ? `  ${extra.join(' ')}` : ''}`;
}

/** A pino destination writing pretty lines to `out` (stdout by default). */
export function prettyDestination(
  out: NodeJS.WritableStream = process.stdout,
  keepRequests = false,
): DestinationStream {
  return {
    write(chunk: string) {
      for (const line of chunk.split('\n')) {
        if (!line) continue;
        const text = prettyLine(line, keepRequests);
        if (text !== undefined) out.write(`${text}\n`);
      }
    },
  };
}
