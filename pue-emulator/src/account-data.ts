// Account data as the urzędomat shows it. Which sections appear follows PUE: the insured role
// sees contributions, balance, initial capital and OFE transfers; the beneficiary role sees
// benefits granted and paid; the general role sees neither; a payer account sees its insured
// persons and contributions due. A proxy sees what the proxied person's role would.
import type {
  PueAccountData,
  PueArchiveOrder,
  PueFundMonth,
  PueMonthlyAmount,
  PueRole,
} from '@skr/protocol';
import { PueFund, SkrError } from '@skr/protocol';
import { nowIso, type PueContext } from './context';
import { maskPesel } from './pesel';
import { accessibleAccounts, parseRoles, type AccountRow } from './profiles';
import { newId } from './secrets';

/** The account `accountId` if `profileId` may enter it, else FORBIDDEN. */
function accountFor(ctx: PueContext, profileId: string, accountId: string) {
  const found = accessibleAccounts(ctx, profileId).find((a) => a.row.id === accountId);
  if (!found) throw new SkrError('FORBIDDEN', 'No access to this account');
  return found;
}

function monthly(ctx: PueContext, accountId: string, kind: string, last?: number) {
  const rows = ctx.db
    .prepare(
      `SELECT month, amount_gr AS amountGr FROM monthly_amounts
       WHERE account_id = ? AND kind = ? ORDER BY month DESC LIMIT ?`,
    )
    .all(accountId, kind, last ?? -1) as PueMonthlyAmount[];
  return rows.reverse();
}

function insuredSection(ctx: PueContext, row: AccountRow) {
  return {
    contributionBases: monthly(ctx, row.id, 'base', 12),
    balanceGr: row.balance_gr,
    initialCapitalGr: row.initial_capital_gr,
    ofeTransfers: monthly(ctx, row.id, 'ofe', 12),
  };
}

function beneficiarySection(ctx: PueContext, row: AccountRow) {
  const benefits = ctx.db
    .prepare(
      'SELECT id, kind, granted_on, monthly_gr FROM benefits WHERE account_id = ? ORDER BY id',
    )
    .all(row.id) as { id: string; kind: string; granted_on: string; monthly_gr: number }[];
  const payments = ctx.db.prepare(
    'SELECT paid_on AS paidOn, amount_gr AS amountGr FROM benefit_payments WHERE benefit_id = ? ORDER BY paid_on',
  );
  return {
    benefits: benefits.map((b) => ({
      id: b.id,
      kind: b.kind,
      grantedOn: b.granted_on,
      monthlyAmountGr: b.monthly_gr,
      payments: payments.all(b.id) as { paidOn: string; amountGr: number }[],
    })),
  };
}

function payerSection(ctx: PueContext, row: AccountRow) {
  const persons = ctx.db
    .prepare(
      'SELECT name, pesel, since FROM insured_persons WHERE payer_account_id = ? ORDER BY name',
    )
    .all(row.id) as { name: string; pesel: string; since: string }[];
  return {
    nip: row.nip ?? '',
    insuredPersons: persons.map((p) => ({
      name: p.name,
      peselMasked: maskPesel(p.pesel),
      since: p.since,
    })),
    contributionsDue: monthly(ctx, row.id, 'due', 12),
    funds: fundMonths(ctx, row.id),
  };
}

/** Dues and payments per fund (monthly_amounts kinds `due:<fund>` and `paid:<fund>`). */
function fundMonths(ctx: PueContext, accountId: string): PueFundMonth[] {
  const months = monthly(ctx, accountId, 'due', 12).map((m) => m.month);
  const amount = ctx.db.prepare(
    'SELECT amount_gr AS a FROM monthly_amounts WHERE account_id = ? AND kind = ? AND month = ?',
  );
  const get = (kind: string, month: string) =>
    (amount.get(accountId, kind, month) as { a: number } | undefined)?.a;
  return months.flatMap((month) =>
    PueFund.options.flatMap((fund) => {
      const dueGr = get(`due:${fund}`, month);
      return dueGr === undefined
        ? []
        : [{ fund, month, dueGr, paidGr: get(`paid:${fund}`, month) ?? 0 }];
    }),
  );
}

/** Account data for `profileId` in `accountId` acting in `role` (required unless payer). */
export function getAccountData(
  ctx: PueContext,
  profileId: string,
  accountId: string,
  role: PueRole | undefined,
): PueAccountData {
  const { row, kind } = accountFor(ctx, profileId, accountId);
  const base = { accountId, kind, asOf: nowIso(ctx) };
  if (row.kind === 'payer') return { ...base, role: null, payer: payerSection(ctx, row) };
  if (!role) throw new SkrError('INVALID', 'Choose a role for this account (query `role`)');
  if (!parseRoles(row.roles).includes(role)) {
    throw new SkrError('FORBIDDEN', `The role ${role} is not available in this account`);
  }
  return {
    ...base,
    role,
    ...(role === 'insured' ? { insured: insuredSection(ctx, row) } : {}),
    ...(role === 'beneficiary' ? { beneficiary: beneficiarySection(ctx, row) } : {}),
  };
}

interface OrderRow {
  id: string;
  account_id: string;
  from_year: number;
  to_year: number;
  status: 'ordered' | 'ready';
  created_at: string;
}

const toOrder = (r: OrderRow): PueArchiveOrder => ({
  id: r.id,
  accountId: r.account_id,
  fromYear: r.from_year,
  toYear: r.to_year,
  status: r.status,
  createdAt: r.created_at,
});

/** Orders archival contribution data ("zamów archiwalne dane") for an individual account. */
export function orderArchive(
  ctx: PueContext,
  profileId: string,
  accountId: string,
  years: { fromYear: number; toYear: number },
): PueArchiveOrder {
  const { row } = accountFor(ctx, profileId, accountId);
  if (row.kind !== 'individual') throw new SkrError('INVALID', 'Archival data is per person');
  const thisYear = ctx.now().getUTCFullYear();
  if (years.toYear > thisYear) throw new SkrError('INVALID', 'toYear is in the future');
  const order: OrderRow = {
    id: newId('arc'),
    account_id: accountId,
    from_year: years.fromYear,
    to_year: years.toYear,
    status: 'ordered',
    created_at: nowIso(ctx),
  };
  ctx.db
    .prepare(
      `INSERT INTO archive_orders (id, account_id, profile_id, from_year, to_year, status, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      order.id,
      accountId,
      profileId,
      order.from_year,
      order.to_year,
      order.status,
      order.created_at,
    );
  return toOrder(order);
}

/** Archival data orders of an account, newest first. */
export function listArchiveOrders(
  ctx: PueContext,
  profileId: string,
  accountId: string,
): PueArchiveOrder[] {
  accountFor(ctx, profileId, accountId);
  const rows = ctx.db
    .prepare('SELECT * FROM archive_orders WHERE account_id = ? ORDER BY created_at DESC, id')
    .all(accountId) as OrderRow[];
  return rows.map(toOrder);
}
