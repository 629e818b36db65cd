// The emulator's own SQLite database: schema and opening. One file per emulator instance;
// tests give each server a temp path. Money is stored in grosze, instants as ISO strings.
import Database from 'better-sqlite3';
import { INBOX_SCHEMA } from './inbox';
import { REGISTRATIONS_SCHEMA } from './registrations';
import { REPORTS_SCHEMA } from './reports';

/** The database handle type used throughout the emulator. */
export type Db = Database.Database;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS profiles (
  id TEXT PRIMARY KEY,
  pesel TEXT NOT NULL UNIQUE,
  login TEXT NOT NULL UNIQUE,
  password_hash TEXT NOT NULL,
  first_name TEXT NOT NULL,
  last_name TEXT NOT NULL,
  email TEXT,
  phone TEXT,
  recovery_channel TEXT NOT NULL CHECK (recovery_channel IN ('sms','email'))
);
CREATE TABLE IF NOT EXISTS accounts (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('individual','payer')),
  owner_profile_id TEXT NOT NULL REFERENCES profiles(id),
  label TEXT NOT NULL,
  nip TEXT,
  roles TEXT NOT NULL DEFAULT '',
  balance_gr INTEGER NOT NULL DEFAULT 0,
  initial_capital_gr INTEGER
);
CREATE TABLE IF NOT EXISTS proxies (
  profile_id TEXT NOT NULL REFERENCES profiles(id),
  account_id TEXT NOT NULL REFERENCES accounts(id),
  PRIMARY KEY (profile_id, account_id)
);
CREATE TABLE IF NOT EXISTS monthly_amounts (
  account_id TEXT NOT NULL REFERENCES accounts(id),
  -- due:<fund> and paid:<fund> (FUS, FUZ, FP_FS, FGSP) split a payer's dues by fund.
  kind TEXT NOT NULL CHECK (kind IN ('base','ofe','due') OR kind GLOB 'due:*' OR kind GLOB 'paid:*'),
  month TEXT NOT NULL,
  amount_gr INTEGER NOT NULL,
  PRIMARY KEY (account_id, kind, month)
);
CREATE TABLE IF NOT EXISTS benefits (
  id TEXT PRIMARY KEY,
  account_id TEXT NOT NULL REFERENCES accounts(id),
  kind TEXT NOT NULL,
  granted_on TEXT NOT NULL,
  monthly_gr INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS benefit_payments (
  benefit_id TEXT NOT NULL REFERENCES benefits(id),
  paid_on TEXT NOT NULL,
  amount_gr INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS insured_persons (
  payer_account_id TEXT NOT NULL REFERENCES accounts(id),
  name TEXT NOT NULL,
  pesel TEXT NOT NULL,
  since TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS archive_orders (
  id TEXT PRIMARY KEY,
  account_id TEXT NOT NULL REFERENCES accounts(id),
  profile_id TEXT NOT NULL REFERENCES profiles(id),
  from_year INTEGER NOT NULL,
  to_year INTEGER NOT NULL,
  status TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS login_attempts (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('password','card')),
  profile_id TEXT REFERENCES profiles(id),
  secret_hash TEXT,
  challenge BLOB,
  tries INTEGER NOT NULL DEFAULT 0,
  used INTEGER NOT NULL DEFAULT 0,
  expires_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS sessions (
  token_hash TEXT PRIMARY KEY,
  profile_id TEXT NOT NULL REFERENCES profiles(id),
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  revoked INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS outbox (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  channel TEXT NOT NULL,
  recipient TEXT NOT NULL,
  text TEXT NOT NULL,
  code TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS bookings (
  id TEXT PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  branch_id TEXT NOT NULL,
  service_id TEXT NOT NULL,
  date TEXT NOT NULL,
  time TEXT NOT NULL,
  starts_at TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('booked','cancelled')),
  version INTEGER NOT NULL,
  updated_at TEXT NOT NULL,
  seq INTEGER NOT NULL UNIQUE,
  profile_id TEXT REFERENCES profiles(id),
  pesel TEXT
);
CREATE INDEX IF NOT EXISTS bookings_branch_seq ON bookings (branch_id, seq);
CREATE TABLE IF NOT EXISTS documents (
  id TEXT PRIMARY KEY,
  upp_id TEXT NOT NULL UNIQUE,
  branch_id TEXT NOT NULL,
  idempotency_key TEXT NOT NULL,
  request_hash TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  form_code TEXT NOT NULL,
  title TEXT NOT NULL,
  submitter_pesel TEXT,
  submitter_name TEXT,
  file_name TEXT NOT NULL,
  content_type TEXT NOT NULL,
  content BLOB NOT NULL,
  submitted_at TEXT NOT NULL,
  received_at TEXT NOT NULL,
  UNIQUE (branch_id, idempotency_key)
);
`;

/**
 * Opens (creating if needed) the emulator database at `path` with WAL and foreign keys on.
 * `durability` 'normal' skips the fsync per commit (survives a crash of the process, not of
 * the machine): for benches, where the emulator's one-disk fsync rate would otherwise be
 * measured instead of the branch's delivery.
 */
export function openDb(path: string, durability: 'full' | 'normal' = 'full'): Db {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${durability === 'full' ? 'FULL' : 'NORMAL'}`);
  db.pragma('foreign_keys = ON');
  db.exec(SCHEMA);
  db.exec(REPORTS_SCHEMA);
  // A stand-in database from before documents carried the submitter's name gains the column.
  const cols = db.prepare(`SELECT name FROM pragma_table_info('documents')`).all() as {
    name: string;
  }[];
  if (!cols.some((c) => c.name === 'submitter_name'))
    db.exec('ALTER TABLE documents ADD COLUMN submitter_name TEXT');
  db.exec(REGISTRATIONS_SCHEMA);
  db.exec(INBOX_SCHEMA);
  return db;
}
