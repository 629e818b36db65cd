import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root (the built front-ends live in `<app>/dist`). */
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * The web apps the branch server hands out, by URL prefix. The kiosk renderer is not among
 * them: it needs its device bridge, so the kiosk's own host (or Electron) serves it.
 */
const webApps = [
  { prefix: '/display/', dir: join(ROOT, 'display-board/dist') },
  { prefix: '/desk/', dir: join(ROOT, 'clerk-desk/dist') },
] as const;

/**
 * Serves each built front-end under its prefix (single-page apps: unknown paths get
 * index.html), the public follow-the-line page at `/q/<ticket id>`, and `/` → the desk.
 * An app not built yet is simply absent (404).
 */
export async function staticRoutes(app: FastifyInstance): Promise<void> {
  let first = true;
  for (const web of webApps) {
    if (!existsSync(join(web.dir, 'index.html'))) continue;
    await app.register(fastifyStatic, {
      root: web.dir,
      prefix: web.prefix,
      decorateReply: first,
      wildcard: true,
      index: 'index.html',
    });
    first = false;
  }
  const follow = join(webApps[0].dir, 'follow.html');
  if (existsSync(follow)) {
    app.get('/q/:id', (_req, reply) => reply.sendFile('follow.html', webApps[0].dir));
  }
  app.get('/', (_req, reply) => reply.redirect('/desk/'));
}
