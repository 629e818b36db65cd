// Two independent accessibility engines run in the kiosk page: axe-core (WCAG 2.1 A/AA) and
// HTML_CodeSniffer (WCAG2AA, the engine pa11y runs). Both are evaluated through the DevTools
// protocol, which the kiosk's CSP (no inline scripts, as it should) does not govern.
// The page-side callbacks run in Chromium but are type-checked without the DOM lib.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const HTMLCS = readFileSync(require.resolve('html_codesniffer/build/HTMLCS.js'), 'utf8');

/** What both engines found on one screen: axe violations and HTMLCS errors (type 1). */
export interface A11yFindings {
  axe: string[];
  htmlcs: string[];
  /** HTMLCS warnings (type 2) as "code: element": reported, not failed on; many need a human. */
  htmlcsWarnings: string[];
}

/** axe-core violations (WCAG 2.1 A/AA) as "rule: targets". */
export async function axeViolations(p: Page): Promise<string[]> {
  if (!(await p.evaluate(() => Boolean((globalThis as any).axe)))) await p.evaluate(AXE);
  const r = await p.evaluate(() =>
    (globalThis as any).axe.run((globalThis as any).document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    }),
  );
  return r.violations.map(
    (v: { id: string; nodes: { target: string[] }[] }) =>
      `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

/** HTML_CodeSniffer WCAG2AA messages, errors and warnings, as "code: element". */
export async function htmlcsFindings(p: Page): Promise<{ errors: string[]; warnings: string[] }> {
  if (!(await p.evaluate(() => Boolean((globalThis as any).HTMLCS)))) await p.evaluate(HTMLCS);
  return p.evaluate(
    () =>
      new Promise<{ errors: string[]; warnings: string[] }>((resolve) => {
        const w = globalThis as any;
        w.HTMLCS.process('WCAG2AA', w.document, () => {
          const msgs = w.HTMLCS.getMessages() as { type: number; code: string; element: any }[];
          const where = (e: any) =>
            e?.outerHTML ? String(e.outerHTML).slice(0, 100) : String(e?.nodeName ?? '');
          resolve({
            errors: msgs.filter((m) => m.type === 1).map((m) => `${m.code}: ${where(m.element)}`),
            warnings: msgs.filter((m) => m.type === 2).map((m) => `${m.code}: ${where(m.element)}`),
          });
        });
      }),
  );
}

/** Runs both engines on the current screen. */
export async function a11yFindings(p: Page): Promise<A11yFindings> {
  const axe = await axeViolations(p);
  const h = await htmlcsFindings(p);
  return { axe, htmlcs: h.errors, htmlcsWarnings: h.warnings };
}
