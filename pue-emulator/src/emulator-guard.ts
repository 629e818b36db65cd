// The stand-in's control routes (/__emulator/*: codes sent to citizens, fault switches) must not
// be reachable from the branch LAN: only from this machine, or with the test key a test rig
// sets. The guard is one onRequest hook, so no route has to remember it.
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isIP } from 'node:net';

/** Header carrying the test key that opens /__emulator/* to a non-loopback caller. */
export const EMULATOR_KEY_HEADER = 'x-emulator-key';

/** The path prefix the guard protects. */
const EMULATOR_PREFIX = '/__emulator';

/** True for 127.0.0.0/8, ::1 and their IPv4-mapped forms. */
export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const a = address.startsWith('::ffff:') ? address.slice(7) : address;
  if (isIP(a) === 4) return a.startsWith('127.');
  return a === '::1';
}

/** Constant-time comparison of a presented key with the configured one (false when unset). */
function keyMatches(presented: unknown, key: string | undefined): boolean {
  if (!key || typeof presented !== 'string') return false;
  const a = Buffer.from(presented);
  const b = Buffer.from(key);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Who may call /__emulator/*: loopback always; others only with `key` (≥ 16 characters). */
interface EmulatorGuardOptions {
  /** The test key; by default SKR_EMULATOR_KEY. Unset: loopback only. */
  key?: string;
}

/**
 * An onRequest hook refusing /__emulator/* with 403 FORBIDDEN unless the TCP peer is loopback
 * (the socket's address: X-Forwarded-For is never trusted) or the request carries the key.
 */
function emulatorGuard(opts: EmulatorGuardOptions = {}) {
  const key = opts.key ?? process.env.SKR_EMULATOR_KEY;
  if (key !== undefined && key.length < 16)
    throw new Error('the emulator key needs at least 16 characters');
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const path = request.url.split('?')[0]!;
    // Percent-encoding or a doubled slash must not slip past the prefix check.
    let decoded = path;
    try {
      decoded = decodeURIComponent(path);
    } catch {
      // Malformed escapes: judged on the raw path (Fastify answers 400 for it anyway).
    }
    const normalized = decoded.replace(/\/{2,}/g, '/').toLowerCase();
    if (!normalized.startsWith(EMULATOR_PREFIX)) return;
    if (isLoopback(request.raw.socket.remoteAddress)) return;
    if (keyMatches(request.headers[EMULATOR_KEY_HEADER], key)) return;
    await reply.status(403).send({
      code: 'FORBIDDEN',
      message: 'The emulator control routes answer only on loopback or with the test key',
    });
  };
}

/** Installs the guard on the whole app (call once in buildServer, before the routes). */
export function installEmulatorGuard(app: FastifyInstance, opts: EmulatorGuardOptions = {}): void {
  app.addHook('onRequest', emulatorGuard(opts));
}
