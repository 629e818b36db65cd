// The HTML every web page of SKR shares (clerk desk, manager views, waiting-room screen, follow
// page, kiosk renderer), written once. A page's .html file holds only what is its own — title,
// extra <meta>, the entry script — and this Vite plugin wraps it in the shell before Vite reads
// the page, in `vite dev` and `vite build` alike.
import type { Plugin } from 'vite';

/** Options of {@link pageShell}. */
export interface PageShellOptions {
  /** `<meta name content>` every page of the app gets (the page may add its own). */
  meta?: Record<string, string>;
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/** Wraps each page's own lines in the shared document: Polish, UTF-8, viewport, one React root. */
export function pageShell(opts: PageShellOptions = {}): Plugin {
  const meta = Object.entries({ viewport: 'width=device-width, initial-scale=1', ...opts.meta })
    .map(([name, content]) => `<meta name="${escape(name)}" content="${escape(content)}" />`)
    .join('\n    ');
  return {
    name: 'skr-page-shell',
    transformIndexHtml: {
      // Before Vite parses the page, so the entry script inside is bundled as usual.
      order: 'pre',
      handler: (page) => `<!doctype html>
<html lang="pl">
  <head>
    <meta charset="UTF-8" />
    ${meta}
    ${page.trim().split('\n').join('\n    ')}
  </head>
  <body>
    <div id="root"></div>
  </body>
</html>
`,
    },
  };
}
