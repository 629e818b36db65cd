// pue-emulator: a stand-in for the central ZUS portal (PUE) speaking the HTTP API documented in
// docs/openapi/portal.json. Start one per test on port 0 with a temp database; `npm start` runs
// one with demo data (see main.ts).
import type { AddressInfo } from 'node:net';
import type { PueBooking, PueFaults, PueOutboxMessage, PueServiceId } from '@skr/protocol';
import { cancelBooking, createBooking, rebookBooking } from './bookings';
import type { PueContext } from './context';
import { openDb } from './db';
import { createFaultSwitches } from './faults';
import { documentContent, listDocuments, type StoredDocument } from './intake';
import { addAnswer, listUpds, type NewAnswer, type StoredUpd } from './inbox';
import { listOutbox } from './outbox';
import { listReports, type StoredReport } from './reports';
import { insertRegistration, listRegistrations, type NewRegistration } from './registrations';
import { seedDemo } from './seed-demo';
import { buildServer, type LogOptions } from './server';

export { DEMO_LOGINS, DEMO_PASSWORD, type DemoLogin } from './seed-demo';
export type { StoredDocument } from './intake';
export type { StoredReport } from './reports';
export type { NewAnswer, StoredUpd } from './inbox';
export { DEMO_REGISTRATIONS, type DemoRegistration } from './seed-demo';
export type { NewRegistration } from './registrations';
export { portalOpenApi } from './openapi-document';
export { OPENAPI_JSON, OPENAPI_UI } from './openapi';
export { startTempPueEmulator, type TempPueEmulatorOptions } from './temp-emulator';

/** Options of startPueEmulator. */
export interface PueEmulatorOptions {
  /** TCP port; 0 (tests) picks a free one. Default 8090. */
  port?: number;
  host: '127.0.0.1' | string;
  /** SQLite file; created if missing. */
  dbPath: string;
  /** Trusted CA certificates (PEM) for ID-card login. */
  caCertsPem: string[];
  /** branchId → key expected in `x-branch-key`. */
  branchKeys: Record<string, string>;
  /** 'demo' seeds invented profiles, accounts and two bookings (only into an empty database). */
  seed?: 'demo';
  /** 'full' (default) fsyncs every commit; 'normal' does not (benches, see openDb). */
  durability?: 'full' | 'normal';
  /** The clock; tests move it to pass expiries. */
  now?: () => Date;
  /** Session lifetime, default 15 minutes. */
  sessionTtlMs?: number;
  /** Verification code lifetime, default 5 minutes. */
  loginAttemptTtlMs?: number;
  /** Card challenge lifetime, default 2 minutes. */
  cardChallengeTtlMs?: number;
  /** pino level (default 'info') and optional destination (tests capture it). */
  log?: LogOptions;
  /** Called for each verification message "sent" (main.ts prints it as the demo phone). */
  onOutboxMessage?: PueContext['onOutboxMessage'];
}

/** A visit placed directly by a test or demo (no client rules: past dates and any hour allowed). */
export interface FixtureBooking {
  branchId: string;
  serviceId: PueServiceId;
  date: string;
  time: string;
  pesel?: string | null;
}

/** A running emulator. */
export interface PueEmulator {
  /** Base URL, e.g. `http://127.0.0.1:8090`. */
  url: string;
  /** Fault switches: `set` merges, `clear` turns all off. */
  faults: { set(f: PueFaults): void; clear(): void };
  /** Verification messages sent so far (codes included), oldest first. */
  outbox(): PueOutboxMessage[];
  /** Documents taken in so far. */
  documents(): { count: number; items: StoredDocument[] };
  /** The bytes of a document taken in (by `upp.documentId`), as the branch sent them. */
  documentContent(documentId: string): Buffer | null;
  /** Visit outcomes reported by branches, oldest first. */
  visitOutcomes(): StoredReport[];
  /** Daily statistics reported by branches, oldest first. */
  dailyStats(): StoredReport[];
  /** Branch deliveries received (documents and reports) and how many were replays of a key. */
  deliveries(): { received: number; replays: number };
  /** Puts an answer from ZUS in a profile's inbox, unread; returns its id. */
  addAnswer(a: NewAnswer): string;
  /** UPDs signed so far, oldest first. */
  upds(): StoredUpd[];
  /** Places a booking as if a client had booked it online. */
  createBooking(b: FixtureBooking): PueBooking;
  /** Cancels a booking as if its client had. */
  cancelBooking(id: string): PueBooking;
  /** Moves a booking to another date and time as if its client had. */
  rebookBooking(id: string, slot: { date: string; time: string }): PueBooking;
  /** Online registrations (issue 16), oldest first, with the branch that decided each. */
  registrations(): ReturnType<typeof listRegistrations>;
  /** Places a pending registration as if someone had registered online; answers its id. */
  addRegistration(r: NewRegistration): string;
  /** Stops listening and closes the database. */
  close(): Promise<void>;
}

/** Starts an emulator listening on host:port with its own SQLite database. */
export async function startPueEmulator(options: PueEmulatorOptions): Promise<PueEmulator> {
  const db = openDb(options.dbPath, options.durability);
  const ctx: PueContext = {
    db,
    now: options.now ?? (() => new Date()),
    caCertsPem: options.caCertsPem,
    branchKeys: options.branchKeys,
    sessionTtlMs: options.sessionTtlMs ?? 15 * 60_000,
    loginAttemptTtlMs: options.loginAttemptTtlMs ?? 5 * 60_000,
    cardChallengeTtlMs: options.cardChallengeTtlMs ?? 2 * 60_000,
    maxCodeTries: 3,
    deliveries: { received: 0, replays: 0 },
    ...(options.onOutboxMessage ? { onOutboxMessage: options.onOutboxMessage } : {}),
  };
  if (options.seed === 'demo') seedDemo(ctx);
  const faults = createFaultSwitches();
  const app = buildServer(ctx, faults, options.log ?? { level: 'info' });
  try {
    await app.listen({ port: options.port ?? 8090, host: options.host });
  } catch (e) {
    db.close();
    throw e;
  }
  const { port } = app.server.address() as AddressInfo;
  return {
    url: `http://${options.host}:${port}`,
    faults: { set: faults.set, clear: faults.clear },
    outbox: () => listOutbox(ctx),
    documents: () => {
      const items = listDocuments(ctx);
      return { count: items.length, items };
    },
    documentContent: (id) => documentContent(ctx, id),
    visitOutcomes: () => listReports(ctx, 'visit-outcome'),
    dailyStats: () => listReports(ctx, 'daily-stats'),
    deliveries: () => ({ ...ctx.deliveries }),
    addAnswer: (a) => addAnswer(ctx, a),
    upds: () => listUpds(ctx),
    createBooking: (b) => createBooking(ctx, b, 'fixture'),
    cancelBooking: (id) => cancelBooking(ctx, id, null),
    rebookBooking: (id, slot) => rebookBooking(ctx, id, slot, null, 'fixture'),
    registrations: () => listRegistrations(ctx),
    addRegistration: (r) => insertRegistration(ctx, r),
    close: async () => {
      faults.clear();
      await app.close();
      db.close();
    },
  };
}
