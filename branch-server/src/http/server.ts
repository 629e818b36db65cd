import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { Announcer } from '../announcer';
import type { LedBus } from '@skr/led-board-driver';
import { announceCalls, createBranch, driveLedBoards, type Branch, type LedLayout } from '../app';
import { authService, type AuthService } from '../auth';
import type { CallingPolicy } from '../domain';
import { seedDemo } from '../seed/seed';
import { authRepo, keptAnswerRepo, openDatabase, startCheckpointer, type Db } from '../store';
import { createSync, statusPusher, type Sync, type SyncOptions } from '../sync';
import { createNotifier, type Notifier, type NotifyServerOptions, sendersOf } from '../notify';
import { notifyRoutes } from '../notify/notify-routes';
import { calendarRoutes } from './calendar-routes';
import { walkInRoutes } from './walk-in-routes';
import { installHsts, startHttpsRedirect, type HttpsRedirect, type TlsMaterial } from '../tls';
import { authRoutes } from './auth-routes';
import { configRoutes } from './config-routes';
import { deviceRoutes } from './device-routes';
import { documentRoutes } from './document-routes';
import { answerClientError, installErrorHandler } from './error-handler';
import { installAccessHook } from './access-hook';
import { installIdempotency } from './idempotency';
import { managerRoutes } from './manager-routes';
import { mediaRoutes } from './media-routes';
import { pueRoutes } from './pue-routes';
import { profileConfirmationRoutes } from './profile-confirmation-routes';
import { registerOpenApi } from './openapi';
import { queueRoutes } from './queue-routes';
import { redactingChildLogger } from './request-log';
import { installSecurityHeaders } from './security-headers';
import { installSerializer, installValidation } from './schema-compilers';
import { attachSockets } from './socket-hub';
import { statusRoutes, statusSource } from './status-routes';
import { staticRoutes } from './static-routes';
import { ticketRoutes } from './ticket-routes';

/** How to build a branch server. */
export interface ServerOptions {
  /** SQLite file (or ':memory:'). */
  dbPath: string;
  /** Seeds the demo branch on an empty database with this password for every user. */
  demoPassword?: string;
  now?: () => Date;
  policy?: CallingPolicy;
  logger?: Logger | boolean;
  publicBaseUrl?: string;
  loginRateLimit?: number;
  /** Spoken announcements of calls (off when absent). */
  announcer?: Announcer;
  /** RS-485 LED boards (counter boards + hall board) and where they hang. */
  led?: { bus: LedBus; layout: LedLayout };
  /** Serve the built web apps (display, desk); on by default. */
  serveApps?: boolean;
  /** The central portal (bookings pull, outbox push, kiosk proxy); documents queue without it. */
  sync?: SyncOptions;
  /** Serve HTTPS with this certificate (PEM; see tls/loadTls) and send HSTS on every answer. */
  https?: TlsMaterial;
  /** With `https`: also listen on this plain-HTTP port, answering only redirects to HTTPS. */
  httpRedirect?: { port: number; host?: string; canonicalHost?: string };
  /** Check every answer against its route's response schema (tests); off by default. */
  checkResponses?: boolean;
  /** Client notifications by e-mail and SMS (off, and said so once, when absent). */
  notify?: NotifyServerOptions;
}

/** A running (or ready to listen) branch server. */
export interface BranchServer {
  app: FastifyInstance;
  branch: Branch;
  auth: AuthService;
  db: Db;
  sync: Sync;
  notifier: Notifier;
  listen(port: number, host?: string): Promise<string>;
  close(): Promise<void>;
  /** The plain-HTTP redirect's address once listening (only with `httpRedirect`). */
  readonly redirectUrl?: string;
}

/** Builds the branch server: database, demo seed, use cases, HTTP routes and sockets. */
export async function buildServer(opts: ServerOptions): Promise<BranchServer> {
  const now = opts.now ?? (() => new Date());
  const db = openDatabase(opts.dbPath);
  const logger = typeof opts.logger === 'object' ? opts.logger : undefined;
  // WAL checkpoints off the commit path (store/checkpointer.ts); stopped before db.close().
  const checkpointer = startCheckpointer(db, { log: (msg, d) => logger?.warn(d, msg) });
  const auth = authService(authRepo(db), now);
  if (opts.demoPassword !== undefined) await seedDemo(db, auth, opts.demoPassword);
  const sync = createSync({ db, now, portal: opts.sync, log: logger });
  const notifier = createNotifier({
    db,
    now,
    senders: sendersOf(opts.notify),
    settings: opts.notify?.settings,
    log: logger?.child({ name: 'notify' }),
  });
  const branch = createBranch({
    db,
    now,
    policy: opts.policy,
    publicBaseUrl: opts.publicBaseUrl,
    onCommit: (events, tx) => {
      sync.onCommit(events, tx);
      notifier.onCommit(events, tx);
    },
  });
  notifier.attach(branch);
  sync.attach(branch);
  const app = Fastify({
    ...(typeof opts.logger === 'object'
      ? { loggerInstance: opts.logger }
      : { logger: opts.logger ?? false }),
    bodyLimit: 64 * 1024,
    clientErrorHandler: answerClientError,
    // A display's token in `?token=` must not reach the log with the URL.
    childLoggerFactory: redactingChildLogger,
    ...(opts.https ? { https: opts.https } : {}),
  }) as unknown as FastifyInstance;
  installErrorHandler(app);
  if (opts.https) installHsts(app);
  installSecurityHeaders(app);
  installValidation(app);
  installSerializer(app, opts.checkResponses ?? false);
  // preHandler: the key includes the user name from the parsed body.
  await app.register(rateLimit, { global: false, hook: 'preHandler' });
  const ctx = { branch, auth, version: '0.1.0', loginRateLimit: opts.loginRateLimit ?? 10 };
  // Before the routes: the document collects them as they are registered.
  await registerOpenApi(app, ctx.version);
  installAccessHook(app, auth);
  // Kiosk retries (Idempotency-Key) get the first answer again, not a second ticket or order.
  installIdempotency(app, { store: keptAnswerRepo(db) });
  const publicStatus = statusSource(ctx, opts.sync?.branchId ?? null);
  await app.register(async (scope) => {
    await authRoutes(scope, ctx);
    await deviceRoutes(scope, ctx);
    await queueRoutes(scope, ctx);
    await ticketRoutes(scope, ctx);
    await mediaRoutes(scope, { ...ctx, announcer: opts.announcer });
    // `sockets` is attached below; the monitor only asks for it at request time.
    await managerRoutes(scope, { ...ctx, io: () => sockets.io });
    await configRoutes(scope, ctx);
    await pueRoutes(scope, { ...ctx, sync });
    await documentRoutes(scope, { ...ctx, sync, notifyChannels: () => [...notifier.channels] });
    await profileConfirmationRoutes(scope, { ...ctx, sync });
    await notifyRoutes(scope, { ...ctx, notifier });
    await calendarRoutes(scope, ctx);
    await walkInRoutes(scope, ctx);
    await statusRoutes(scope, publicStatus);
  });
  if (opts.serveApps !== false) await app.register(staticRoutes);
  const stopAnnouncing = opts.announcer
    ? announceCalls(branch, opts.announcer, (err) => app.log.warn({ err }, 'announcement failed'))
    : () => {};
  const stopLed = opts.led
    ? driveLedBoards(branch, opts.led.bus, opts.led.layout, (err) =>
        app.log.warn({ err }, 'LED board'),
      )
    : () => {};
  const sockets = attachSockets(app.server, branch, auth, {
    displayConfig: (subject) => branch.displayConfig(subject),
  });
  sync.start();
  // The national page "kolejki w placówkach" gets this branch's public status every minute.
  const statusPush =
    sync.portal &&
    statusPusher({
      portal: sync.portal,
      status: publicStatus,
      log: logger?.child({ name: 'sync' }),
    });
  statusPush?.start();
  // The branch day: ended at the scheduled close, and at once when a close was missed.
  const stopDay = branch.scheduleEndOfDay({
    onEnded: (r) => {
      if (r.closedCounters + r.resolvedTickets > 0) app.log.info(r, 'branch day ended');
    },
  });
  notifier.start();
  if (!notifier.enabled) app.log.info('notifications off: no SMTP or SMS gateway configured');
  let closed = false;
  let redirect: HttpsRedirect | undefined;
  return {
    app,
    branch,
    auth,
    db,
    sync,
    notifier,
    async listen(port, host = '127.0.0.1') {
      await app.listen({ port, host });
      const addr = app.server.address();
      const p = typeof addr === 'object' && addr ? addr.port : port;
      if (opts.https && opts.httpRedirect)
        redirect = await startHttpsRedirect({
          host,
          ...opts.httpRedirect,
          httpsPort: p,
        });
      const scheme = opts.https ? 'https' : 'http';
      return `${scheme}://${host.includes(':') ? `[${host}]` : host}:${p}`;
    },
    get redirectUrl() {
      return redirect?.url;
    },
    async close() {
      if (closed) return;
      closed = true;
      stopAnnouncing();
      stopLed();
      stopDay();
      statusPush?.stop();
      await notifier.stop();
      await sync.stop();
      await redirect?.close();
      await sockets.close();
      await app.close();
      await checkpointer.stop();
      db.close();
    },
  };
}
