import { describe, expect, it } from 'vitest';
import { sharedTestBranch } from './harness';

// Saturday 21 Nov 2026, 10:00 in Warsaw.
const clock = new Date('2026-11-21T09:00:00Z');
const b = sharedTestBranch({ now: () => clock });

describe('opening hours of a service', () => {
  it('refuses walk-in tickets outside the hours the admin set, and takes them again when cleared', async () => {
    const admin = await b.login('admin');
    const kiosk = await b.device('kiosk');
    const svc = (await b.api('GET', '/api/v1/config', admin)).body;
    const orzecznictwo = (svc.services ?? svc.config?.services ?? []).find(
      (s: { id: string }) => s.id === 'orzecznictwo',
    );
    expect(orzecznictwo).toBeDefined();
    const weekdays = { days: [1, 2, 3, 4, 5], from: '08:00', to: '16:00' };
    const put = await b.api('PUT', '/api/v1/config/services/orzecznictwo', admin, {
      ...orzecznictwo,
      openingHours: weekdays,
    });
    expect(put.status).toBe(200);
    const refused = await b.api('POST', '/api/v1/tickets', kiosk, { serviceId: 'orzecznictwo' });
    expect(refused.status).toBe(409);
    expect(refused.body.details).toMatchObject({ reason: 'closed', from: '08:00', to: '16:00' });
    // A walk-in's own words (not the booking catalogue's "no booked visits" text).
    expect(refused.body.message).toBe('Bilety do tej sprawy wydajemy w godzinach 08:00–16:00.');
    // Other services are not affected.
    expect((await b.api('POST', '/api/v1/tickets', kiosk, { serviceId: 'ogolne' })).status).toBe(
      201,
    );
    await b.api('PUT', '/api/v1/config/services/orzecznictwo', admin, {
      ...orzecznictwo,
      openingHours: null,
    });
    expect(
      (await b.api('POST', '/api/v1/tickets', kiosk, { serviceId: 'orzecznictwo' })).status,
    ).toBe(201);
  });
});
