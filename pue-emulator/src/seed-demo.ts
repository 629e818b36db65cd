// Demo data: three invented people covering every account kind and role, with a year of
// contributions relative to "now", so a demo always shows the last 12 months. Seeding is
// skipped when the database already has profiles (restarts keep what the demo changed).
import type { PueContext } from './context';
import { cancelBooking, createBooking } from './bookings';
import { withCheckDigit } from './pesel';
import { hashPassword } from './secrets';
import { insertProfile } from './profiles';
import { insertRegistration } from './registrations';
import { seedDemoInbox } from './inbox-demo';
import { localDay } from '@skr/protocol/time-zone';
import { PORTAL_TIME_ZONE } from './portal-zone';

/** Password of every demo profile (invented people only; printed by `npm start`). */
export const DEMO_PASSWORD = 'Demo-Haslo-2024!';

/** A demo login as printed at start-up. */
export interface DemoLogin {
  login: string;
  name: string;
  pesel: string;
  channel: 'sms' | 'email';
  what: string;
}

/** The demo people. PESELs are invented (valid checksum, no real person intended). */
export const DEMO_LOGINS: DemoLogin[] = [
  {
    login: 'anna.kowalska',
    name: 'Anna Kowalska',
    pesel: withCheckDigit('8501011234'),
    channel: 'sms',
    what: 'ubezpieczona (składki, OFE, kapitał początkowy)',
  },
  {
    login: 'jan.nowak',
    name: 'Jan Nowak',
    pesel: withCheckDigit('5203154321'),
    channel: 'email',
    what: 'emeryt (świadczenia) + płatnik składek (NIP)',
  },
  {
    login: 'maria.wisniewska',
    name: 'Maria Wiśniewska',
    pesel: withCheckDigit('9007078765'),
    channel: 'sms',
    what: 'ubezpieczona + pełnomocnik Jana Nowaka',
  },
];

/** An online registration waiting for confirmation at a branch (issue 16), `daysAgo` old. */
export interface DemoRegistration {
  login: string;
  firstName: string;
  lastName: string;
  pesel: string;
  daysAgo: number;
}

/**
 * Registrations made online, to be confirmed at a counter within 7 days: two pending, one on
 * its last day, and one 8 days old that can no longer be confirmed. Their password, once
 * confirmed, is DEMO_PASSWORD.
 */
export const DEMO_REGISTRATIONS: DemoRegistration[] = [
  {
    login: 'ewa.kaminska',
    firstName: 'Ewa',
    lastName: 'Kamińska',
    pesel: withCheckDigit('9203150246'),
    daysAgo: 0,
  },
  {
    login: 'tomasz.wojcik',
    firstName: 'Tomasz',
    lastName: 'Wójcik',
    pesel: withCheckDigit('8811230357'),
    daysAgo: 3,
  },
  {
    login: 'zofia.mazur',
    firstName: 'Zofia',
    lastName: 'Mazur',
    pesel: withCheckDigit('7606060468'),
    daysAgo: 7,
  },
  {
    login: 'adam.krol',
    firstName: 'Adam',
    lastName: 'Król',
    pesel: withCheckDigit('9909090579'),
    daysAgo: 8,
  },
];

/** `YYYY-MM` of the `back`-th full month before `now` (1 = last month). */
function monthBack(now: Date, back: number): string {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1));
  return d.toISOString().slice(0, 7);
}

/** The next Monday–Friday after `now`, Warsaw date. */
function nextWorkday(now: Date, skip = 1): string {
  let d = new Date(now.getTime());
  let left = skip;
  while (left > 0) {
    d = new Date(d.getTime() + 86_400_000);
    const wd = new Date(`${localDay(d, PORTAL_TIME_ZONE)}T12:00:00Z`).getUTCDay();
    if (wd !== 0 && wd !== 6) left--;
  }
  return localDay(d, PORTAL_TIME_ZONE);
}

/**
 * One employee's monthly dues per fund on a 7000 zł (700 000 gr) wage, at the 2024 rates:
 * FUS 31.64% (pension 19.52, disability 8, sickness 2.45, accident 1.67); FUZ 9% of the wage
 * less the employee's 13.71% social share (700 000 × 0.8629 × 0.09 = 54 363); FP + FS 2.45%;
 * FGŚP 0.10%.
 */
const FUND_SHARE_GR = { FUS: 221_480, FUZ: 54_363, FP_FS: 17_150, FGSP: 700 } as const;

/** Inserts the demo data unless profiles exist; returns whether it seeded. */
export function seedDemo(ctx: PueContext): boolean {
  const { db } = ctx;
  if ((db.prepare('SELECT COUNT(*) AS n FROM profiles').get() as { n: number }).n > 0) return false;
  const now = ctx.now();
  const hash = hashPassword(DEMO_PASSWORD);
  const [anna, jan, maria] = DEMO_LOGINS as [DemoLogin, DemoLogin, DemoLogin];
  db.transaction(() => {
    // Contacts are invented too; the id is the first name (prf_anna, prf_jan, prf_maria).
    const contacts = {
      'anna.kowalska': ['anna.kowalska@example.pl', '+48600100200'],
      'jan.nowak': ['jan.nowak@example.pl', '+48600300400'],
      'maria.wisniewska': ['maria.w@example.pl', '+48600500600'],
    } as const;
    for (const p of [anna, jan, maria]) {
      const [first = '', last = ''] = p.name.split(' ');
      const [email, phone] = contacts[p.login as keyof typeof contacts];
      insertProfile(ctx, {
        id: `prf_${first.toLowerCase()}`,
        pesel: p.pesel,
        login: p.login,
        password_hash: hash,
        first_name: first,
        last_name: last,
        email,
        phone,
        recovery_channel: p.channel,
      });
    }

    const account = db.prepare(
      `INSERT INTO accounts (id, kind, owner_profile_id, label, nip, roles, balance_gr,
         initial_capital_gr) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    account.run(
      'acc_anna',
      'individual',
      'prf_anna',
      'Konto indywidualne',
      null,
      'general,insured',
      18_734_512,
      4_512_300,
    );
    account.run(
      'acc_jan',
      'individual',
      'prf_jan',
      'Konto indywidualne',
      null,
      'general,beneficiary',
      0,
      21_004_500,
    );
    account.run(
      'acc_jan_firma',
      'payer',
      'prf_jan',
      'Nowak Usługi Stolarskie',
      '5250001233',
      '',
      0,
      null,
    );
    account.run(
      'acc_maria',
      'individual',
      'prf_maria',
      'Konto indywidualne',
      null,
      'general,insured',
      6_120_044,
      null,
    );
    db.prepare('INSERT INTO proxies (profile_id, account_id) VALUES (?, ?)').run(
      'prf_maria',
      'acc_jan',
    );

    const amount = db.prepare(
      'INSERT INTO monthly_amounts (account_id, kind, month, amount_gr) VALUES (?, ?, ?, ?)',
    );
    for (let back = 1; back <= 12; back++) {
      const month = monthBack(now, back);
      amount.run('acc_anna', 'base', month, 780_000 + (back % 3) * 15_000);
      amount.run('acc_anna', 'ofe', month, 23_400);
      amount.run('acc_maria', 'base', month, 466_600);
      // Two employees at 7000 zł: each fund's share at the statutory rates (FUND_SHARE_GR);
      // the latest month's health contribution is still unpaid, so dues and payments differ.
      let due = 0;
      for (const [fund, perPerson] of Object.entries(FUND_SHARE_GR)) {
        amount.run('acc_jan_firma', `due:${fund}`, month, 2 * perPerson);
        amount.run(
          'acc_jan_firma',
          `paid:${fund}`,
          month,
          back === 1 && fund === 'FUZ' ? 0 : 2 * perPerson,
        );
        due += 2 * perPerson;
      }
      amount.run('acc_jan_firma', 'due', month, due);
    }

    db.prepare(
      'INSERT INTO benefits (id, account_id, kind, granted_on, monthly_gr) VALUES (?, ?, ?, ?, ?)',
    ).run('ben_jan_1', 'acc_jan', 'emerytura', '2017-10-01', 312_450);
    const pay = db.prepare(
      'INSERT INTO benefit_payments (benefit_id, paid_on, amount_gr) VALUES (?, ?, ?)',
    );
    for (let back = 6; back >= 1; back--)
      pay.run('ben_jan_1', `${monthBack(now, back)}-10`, 312_450);

    const insured = db.prepare(
      'INSERT INTO insured_persons (payer_account_id, name, pesel, since) VALUES (?, ?, ?, ?)',
    );
    insured.run('acc_jan_firma', 'Anna Kowalska', anna.pesel, '2019-03-01');
    insured.run('acc_jan_firma', 'Piotr Zieliński', withCheckDigit('9512240123'), '2022-09-15');
    for (const r of DEMO_REGISTRATIONS)
      insertRegistration(ctx, {
        login: r.login,
        pesel: r.pesel,
        passwordHash: hash,
        firstName: r.firstName,
        lastName: r.lastName,
        email: `${r.login}@example.pl`,
        phone: null,
        recoveryChannel: 'email',
        registeredAt: new Date(now.getTime() - r.daysAgo * 86_400_000).toISOString(),
      });
    seedDemoInbox(ctx);
  })();

  const branchId = Object.keys(ctx.branchKeys)[0];
  if (branchId) {
    const base = { branchId, profileId: 'prf_anna', pesel: anna.pesel };
    createBooking(
      ctx,
      { ...base, serviceId: 'skladki', date: nextWorkday(now), time: '10:00' },
      'fixture',
    );
    const gone = createBooking(
      ctx,
      { ...base, serviceId: 'emerytury', date: nextWorkday(now, 2), time: '12:30' },
      'fixture',
    );
    cancelBooking(ctx, gone.id, null);
  }
  return true;
}
