import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** The `key: value` lines of one top-level block of electron-builder.yml (comments skipped). */
function block(yaml: string, name: string): Record<string, string> {
  const lines = yaml.split('\n');
  const start = lines.findIndex((l) => l === `${name}:`);
  if (start < 0) return {};
  const out: Record<string, string> = {};
  for (const line of lines.slice(start + 1)) {
    if (/^\S/.test(line)) break;
    const m = /^ {2}([A-Za-z]+):\s*(\S+)\s*$/.exec(line);
    if (m) out[m[1]!] = m[2]!;
  }
  return out;
}

const config = readFileSync(new URL('../../../electron-builder.yml', import.meta.url), 'utf8');

describe('electron-builder fuses', () => {
  it('turn off run-as-node, inspect and NODE_OPTIONS; turn on cookie encryption and asar-only loading', () => {
    expect(block(config, 'electronFuses')).toMatchObject({
      runAsNode: 'false',
      enableNodeCliInspectArguments: 'false',
      enableNodeOptionsEnvironmentVariable: 'false',
      enableCookieEncryption: 'true',
      enableEmbeddedAsarIntegrityValidation: 'true',
      onlyLoadAppFromAsar: 'true',
      grantFileProtocolExtraPrivileges: 'false',
    });
  });

  it('package the app as an asar (what the asar fuses check)', () => {
    expect(config).toMatch(/^asar: true$/m);
  });
});
