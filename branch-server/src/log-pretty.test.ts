import { describe, expect, it } from 'vitest';
import { prettyLine } from './log-pretty';

describe('prettyLine', () => {
  const at = new Date(2026, 10, 30, 8, 5, 9).getTime();
  it('turns a pino JSON line into one short human line', () => {
    const line = JSON.stringify({
      level: 40,
      time: at,
      pid: 1,
      hostname: 'h',
      name: 'branch',
      msg: 'LED board',
      address: 3,
      err: { message: 'OFFLINE', stack: 'x' },
    });
    expect(prettyLine(line)).toBe('08:05:09 WARN  [branch] LED board  address=3 err="OFFLINE"');
  });
  it("leaves out fastify's per-request lines unless asked", () => {
    const line = JSON.stringify({
      level: 30,
      time: at,
      msg: 'request completed',
      reqId: 'r1',
      res: { statusCode: 200 },
    });
    expect(prettyLine(line)).toBeUndefined();
    expect(prettyLine(line, true)).toBe('08:05:09 INFO  request completed');
  });
  it('passes a line that is not JSON through', () => {
    expect(prettyLine('plain text\n')).toBe('plain text');
  });
});
