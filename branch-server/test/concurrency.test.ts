import { describe, expect, it } from 'vitest';
import { sharedTestBranch } from './harness';
import { demoServiceIds } from '../src/seed/demo-branch';

const b = sharedTestBranch();

describe('concurrent call-next', () => {
  it('never gives one ticket to two counters', async () => {
    const kiosk = await b.device('kiosk');
    // Every service served by several counters; 300 tickets over 8 services.
    const services = demoServiceIds;
    await Promise.all(
      Array.from({ length: 300 }, (_, i) =>
        b.api('POST', '/api/v1/tickets', kiosk, { serviceId: services[i % 8] }),
      ),
    );
    const clerks = await Promise.all(
      Array.from({ length: 12 }, (_, i) => b.login(`urzednik${i + 1}`)),
    );
    await Promise.all(clerks.map((t, i) => b.api('POST', `/api/v1/counters/${i + 1}/open`, t)));
    const calledBy = new Map<string, number[]>();
    for (let round = 0; round < 40; round += 1) {
      // All 12 counters press "call next" at the same moment; each also finishes its last one.
      const answers = await Promise.all(
        clerks.map((t, i) => b.api('POST', `/api/v1/counters/${i + 1}/call-next`, t)),
      );
      await Promise.all(
        answers.map(async (r, i) => {
          if (r.status !== 200) return;
          const id = r.body.ticket.id as string;
          calledBy.set(id, [...(calledBy.get(id) ?? []), i + 1]);
          await b.api('POST', `/api/v1/tickets/${id}/start`, clerks[i]);
        }),
      );
    }
    expect(calledBy.size).toBeGreaterThan(250);
    for (const [, counters] of calledBy) expect(counters).toHaveLength(1);
  }, 60_000);
});
