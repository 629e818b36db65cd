import { describe, expect, it } from 'vitest';
import { pageShell } from './vite-page-shell';

/** The shell around `page` as Vite would get it. */
function wrap(page: string, opts?: Parameters<typeof pageShell>[0]): string {
  const hook = pageShell(opts).transformIndexHtml as {
    order: string;
    handler: (html: string) => string;
  };
  expect(hook.order).toBe('pre');
  return hook.handler(page);
}

describe('pageShell (the HTML every SKR page shares)', () => {
  it('puts the page’s own lines in the head of a Polish UTF-8 document with one React root', () => {
    const html = wrap('<title>T</title>\n<script type="module" src="/src/main.tsx"></script>\n');
    expect(html).toMatch(/^<!doctype html>\n<html lang="pl">/);
    const head = /<head>([\s\S]*)<\/head>/.exec(html)![1]!;
    expect(head).toContain('<meta charset="UTF-8" />');
    expect(head).toContain('name="viewport" content="width=device-width, initial-scale=1"');
    expect(head).toContain('<title>T</title>');
    expect(head).toContain('<script type="module" src="/src/main.tsx"></script>');
    expect(/<body>([\s\S]*)<\/body>/.exec(html)![1]!.trim()).toBe('<div id="root"></div>');
  });

  it('adds the app’s meta tags, escaped', () => {
    const html = wrap('<title>T</title>', { meta: { referrer: 'no-referrer', x: 'a"b' } });
    expect(html).toContain('<meta name="referrer" content="no-referrer" />');
    expect(html).toContain('<meta name="x" content="a&quot;b" />');
  });
});
