import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PueAccountData, PueArchiveOrder, PueProfile } from '@skr/protocol';
import { passwordLogin, startHarness, type Harness } from './harness';

describe('account data by account and role', () => {
  let h: Harness;
  let anna: string;
  let jan: string;
  let maria: string;
  beforeAll(async () => {
    h = await startHarness();
    anna = await passwordLogin(h, 'anna.kowalska');
    jan = await passwordLogin(h, 'jan.nowak');
    maria = await passwordLogin(h, 'maria.wisniewska');
  });
  afterAll(async () => {
    await h.stop();
  });

  it('lists individual, payer and proxy accounts with their roles', async () => {
    const janProfile = PueProfile.parse((await h.call('GET', '/v1/me', { token: jan })).body);
    expect(janProfile.accounts.map((a) => [a.kind, a.roles])).toEqual([
      ['individual', ['general', 'beneficiary']],
      ['payer', []],
    ]);
    expect(janProfile.accounts[1]?.nip).toBe('5250001233');
    const mariaProfile = PueProfile.parse((await h.call('GET', '/v1/me', { token: maria })).body);
    expect(mariaProfile.accounts.find((a) => a.kind === 'proxy')).toMatchObject({
      id: 'acc_jan',
      ownerName: 'Jan Nowak',
    });
  });

  it('shows the insured role the last 12 months of contribution bases, balance, capital, OFE', async () => {
    const r = await h.call('GET', '/v1/accounts/acc_anna?role=insured', { token: anna });
    expect(r.status).toBe(200);
    const d = PueAccountData.parse(r.body);
    const months = d.insured?.contributionBases.map((m) => m.month);
    // The clock is 10 March 2025: the last 12 full months are March 2024 – February 2025.
    expect(months).toHaveLength(12);
    expect(months?.[0]).toBe('2024-03');
    expect(months?.[11]).toBe('2025-02');
    expect(d.insured).toMatchObject({ balanceGr: 18_734_512, initialCapitalGr: 4_512_300 });
    expect(d.insured?.ofeTransfers).toHaveLength(12);
    expect(d.beneficiary).toBeUndefined();
  });

  it('shows the beneficiary role benefits granted and paid, and general role neither', async () => {
    const d = PueAccountData.parse(
      (await h.call('GET', '/v1/accounts/acc_jan?role=beneficiary', { token: jan })).body,
    );
    expect(d.beneficiary?.benefits[0]).toMatchObject({
      kind: 'emerytura',
      grantedOn: '2017-10-01',
    });
    expect(d.beneficiary?.benefits[0]?.payments).toHaveLength(6);
    const g = PueAccountData.parse(
      (await h.call('GET', '/v1/accounts/acc_jan?role=general', { token: jan })).body,
    );
    expect(g.insured).toBeUndefined();
    expect(g.beneficiary).toBeUndefined();
  });

  it('shows a payer its insured persons (PESEL masked) and contributions due', async () => {
    const d = PueAccountData.parse(
      (await h.call('GET', '/v1/accounts/acc_jan_firma', { token: jan })).body,
    );
    expect(d.role).toBeNull();
    expect(d.payer?.insuredPersons.map((p) => p.name)).toEqual([
      'Anna Kowalska',
      'Piotr Zieliński',
    ]);
    expect(d.payer?.insuredPersons[0]?.peselMasked).toMatch(/^\*{7}\d{4}$/);
    expect(d.payer?.contributionsDue).toHaveLength(12);
  });

  it("lets a proxy read the proxied account, but nobody else's", async () => {
    const viaProxy = await h.call('GET', '/v1/accounts/acc_jan?role=beneficiary', { token: maria });
    expect(viaProxy.status).toBe(200);
    expect(PueAccountData.parse(viaProxy.body).kind).toBe('proxy');
    const foreign = await h.call('GET', '/v1/accounts/acc_anna?role=insured', { token: maria });
    expect(foreign.status).toBe(403);
    expect(foreign.body.code).toBe('FORBIDDEN');
  });

  it('refuses a role the account lacks, a missing role, and no session', async () => {
    expect(
      (await h.call('GET', '/v1/accounts/acc_anna?role=beneficiary', { token: anna })).status,
    ).toBe(403);
    expect((await h.call('GET', '/v1/accounts/acc_anna', { token: anna })).status).toBe(400);
    expect((await h.call('GET', '/v1/accounts/acc_anna?role=boss', { token: anna })).status).toBe(
      400,
    );
    expect((await h.call('GET', '/v1/accounts/acc_anna?role=insured')).status).toBe(401);
  });

  it('takes and lists archival data orders', async () => {
    const r = await h.call('POST', '/v1/accounts/acc_anna/archive-orders', {
      token: anna,
      body: { fromYear: 2005, toYear: 2010 },
    });
    expect(r.status).toBe(201);
    const order = PueArchiveOrder.parse(r.body);
    expect(order).toMatchObject({ status: 'ordered', fromYear: 2005, toYear: 2010 });
    const list = await h.call('GET', '/v1/accounts/acc_anna/archive-orders', { token: anna });
    expect(list.body.items.map((o: { id: string }) => o.id)).toEqual([order.id]);
    const backwards = await h.call('POST', '/v1/accounts/acc_anna/archive-orders', {
      token: anna,
      body: { fromYear: 2010, toYear: 2005 },
    });
    expect(backwards.status).toBe(400);
  });
});
