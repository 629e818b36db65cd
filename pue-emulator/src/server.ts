// Builds the Fastify app: logger with secrets redacted, error handling, faults, routes.
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import pino, { type DestinationStream, type Level } from 'pino';
import type { PueContext } from './context';
import { installFaults, type FaultSwitches } from './faults';
import { installPortalRoutes } from './api-route';
import { installErrorHandling } from './http-errors';
import { installEmulatorGuard } from './emulator-guard';
import { registerOpenApi } from './openapi';
import { registerAuthRoutes } from './routes-auth';
import { registerBranchRoutes } from './routes-branch';
import { registerClientRoutes } from './routes-client';
import { registerRegistrationRoutes } from './routes-registrations';
import { registerInboxRoutes } from './routes-inbox';
import { registerEmulatorRoutes } from './routes-emulator';
import { registerStatusRoutes } from './national-status';

/** Logging settings of one emulator. */
export interface LogOptions {
  level: Level | 'silent';
  stream?: DestinationStream;
}

// Booking codes in a path are a check-in credential: logs keep only the route's shape.
const redactUrl = (url: string) => url.replace(/(\/by-code\/)[^/?]+/, '$1******');

/** A ready (not yet listening) Fastify app for the emulator. */
export function buildServer(
  ctx: PueContext,
  faults: FaultSwitches,
  log: LogOptions,
): FastifyInstance {
  const logger = pino(
    {
      name: 'pue-emulator',
      level: log.level,
      // Belt and braces: no route logs these, and pino drops them should one ever try.
      redact: {
        paths: [
          'req.headers.authorization',
          'req.headers["x-branch-key"]',
          '*.password',
          '*.code',
          '*.token',
          '*.pesel',
        ],
        censor: '[redacted]',
      },
      serializers: {
        req: (req: { method: string; url: string; id: string }) => ({
          id: req.id,
          method: req.method,
          url: redactUrl(req.url),
        }),
      },
    },
    log.stream,
  );
  // pino's Logger is a FastifyBaseLogger; the cast keeps the app at Fastify's default generics.
  const app = Fastify({ loggerInstance: logger as FastifyBaseLogger, bodyLimit: 20 * 1024 * 1024 });
  installErrorHandling(app);
  // Before the fault switches and routes: /__emulator/* answers only loopback or the test key.
  installEmulatorGuard(app);
  installFaults(app, faults);
  installPortalRoutes(app, ctx);
  // The document collects routes as they are registered: the plugin loads first.
  registerOpenApi(app);
  void app.register(async (scope) => {
    registerEmulatorRoutes(scope, ctx, faults);
    registerAuthRoutes(scope, ctx);
    registerClientRoutes(scope, ctx);
    registerInboxRoutes(scope, ctx);
    registerBranchRoutes(scope, ctx);
    registerRegistrationRoutes(scope, ctx);
    registerStatusRoutes(scope, ctx);
  });
  return app;
}
