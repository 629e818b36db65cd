import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { KIOSK_HTTP_CALL, KIOSK_HTTP_EVENTS } from '@skr/protocol';
import { dispatchBridgeCall } from '../bridge/dispatch';
import type { BranchClient } from '../devices/branch-client';
import type { KioskServices } from '../devices/kiosk-services';
import { registerApiProxy } from './api-proxy';
import { registerEventStream } from './event-stream';
import { SECURITY_HEADERS } from './security-headers';
import { registerSpeechRoute } from './speech-route';
import { createKioskSpeech, type KioskSpeech } from './speech-service';

/** The built renderer (`npm run build -w @skr/kiosk-app`). */
const RENDERER_DIR = fileURLToPath(new URL('../../dist/renderer', import.meta.url));

/** Options of {@link startKioskHost}. */
interface KioskHostOptions {
  services: KioskServices;
  branch: BranchClient;
  rendererDir?: string;
  /** Serve the device bridge over HTTP (browser mode); Electron uses IPC and turns it off. */
  httpBridge?: boolean;
  port?: number;
  /** Speech for the renderer's speech mode; default espeak-ng, `false` for none. */
  speech?: KioskSpeech | false;
  /** Called with failures of bridge calls (never with PINs: inputs are not logged). */
  log?: (err: unknown, method: string) => void;
}

/** A running kiosk host on 127.0.0.1. */
export interface KioskHost {
  url: string;
  app: FastifyInstance;
  close(): Promise<void>;
}

/**
 * Starts the kiosk's local host: the renderer build under /kiosk/, the allowed branch API
 * routes (device token added here) and, in browser mode, the device bridge over HTTP + SSE.
 */
export async function startKioskHost(opts: KioskHostOptions): Promise<KioskHost> {
  const app = Fastify({ logger: false, bodyLimit: 64 * 1024 });
  let origin = '';
  app.addHook('onRequest', async (req, reply) => {
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) reply.header(k, v);
    // Loopback only, and only pages of our own origin may drive the devices: a web page in
    // some other tab (or a DNS-rebinding trick) gets 403.
    const host = req.headers.host;
    const from = req.headers.origin;
    if (host !== new URL(origin).host || (from !== undefined && from !== origin))
      return reply.status(403).send({ code: 'FORBIDDEN', message: 'foreign origin' });
  });
  registerApiProxy(app, opts.branch);
  // Made here unless given, so it is closed here too.
  const speech = opts.speech === undefined ? createKioskSpeech() : opts.speech;
  if (speech) registerSpeechRoute(app, speech);
  if (opts.httpBridge !== false) {
    app.post<{ Params: { method: string } }>(`${KIOSK_HTTP_CALL}:method`, async (req) =>
      dispatchBridgeCall(opts.services.handlers, req.params.method, req.body, opts.log),
    );
    registerEventStream(app, KIOSK_HTTP_EVENTS, (send) => opts.services.onEvent(send));
  }
  const dir = opts.rendererDir ?? RENDERER_DIR;
  if (existsSync(join(dir, 'index.html'))) {
    await app.register(fastifyStatic, { root: dir, prefix: '/kiosk/', index: 'index.html' });
    app.setNotFoundHandler((req, reply) =>
      req.method === 'GET' && req.url.startsWith('/kiosk/')
        ? reply.sendFile('index.html')
        : reply.status(404).send({ code: 'NOT_FOUND', message: 'not found' }),
    );
  }
  app.get('/', (_req, reply) => reply.redirect('/kiosk/'));
  await app.listen({ port: opts.port ?? 0, host: '127.0.0.1' });
  const addr = app.server.address();
  origin = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : opts.port}`;
  return {
    url: origin,
    app,
    async close() {
      await app.close();
      if (opts.speech === undefined && speech) await speech.close();
    },
  };
}
