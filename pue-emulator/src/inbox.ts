// The inbox of answers (letters from ZUS) per profile, and the UPD (urzędowe poświadczenie
// doręczenia) that releases one: an answer with `requires_upd` gives its body only after the
// client signed a UPD — who (the session's profile), which answer, when, how — and the UPD is
// kept, so opening the answer again needs no new one. Answers belong to one profile: another
// session is told NOT_FOUND, never that the answer exists.
import type { PueAnswer, PueAnswerContent, PueUpd, PueUpdRequest } from '@skr/protocol';
import { SkrError } from '@skr/protocol';
import { nowIso, type PueContext } from './context';
import { renderAnswerPdf } from './answer-pdf';
import { newId } from './secrets';

/** Schema of the inbox tables (created with the rest of the database). */
export const INBOX_SCHEMA = `
CREATE TABLE IF NOT EXISTS answers (
  id TEXT PRIMARY KEY,
  profile_id TEXT NOT NULL REFERENCES profiles(id),
  title TEXT NOT NULL,
  date TEXT NOT NULL,
  sender TEXT NOT NULL,
  reference TEXT NOT NULL,
  body TEXT NOT NULL,
  requires_upd INTEGER NOT NULL,
  read_at TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS answers_profile ON answers (profile_id, date);
CREATE TABLE IF NOT EXISTS upds (
  answer_id TEXT PRIMARY KEY REFERENCES answers(id),
  upd_id TEXT NOT NULL UNIQUE,
  profile_id TEXT NOT NULL REFERENCES profiles(id),
  method TEXT NOT NULL CHECK (method IN ('confirm','card')),
  signed_at TEXT NOT NULL,
  signed_pdf BLOB
);
`;

interface AnswerRow {
  id: string;
  profile_id: string;
  title: string;
  date: string;
  sender: string;
  reference: string;
  body: string;
  requires_upd: number;
  read_at: string | null;
  upd_id: string | null;
  method: 'confirm' | 'card' | null;
  signed_at: string | null;
}

const SELECT = `SELECT a.*, u.upd_id, u.method, u.signed_at FROM answers a
  LEFT JOIN upds u ON u.answer_id = a.id`;

const toAnswer = (r: AnswerRow): PueAnswer => ({
  id: r.id,
  title: r.title,
  date: r.date,
  sender: r.sender,
  reference: r.reference,
  state: r.read_at ? 'read' : 'unread',
  requiresUpd: r.requires_upd === 1,
  upd:
    r.upd_id && r.method && r.signed_at
      ? { updId: r.upd_id, answerId: r.id, signedAt: r.signed_at, method: r.method }
      : null,
});

/** A new answer as ZUS sends it (demo data, tests). */
export interface NewAnswer {
  profileId: string;
  title: string;
  date: string;
  sender: string;
  reference: string;
  /** Paragraphs of the letter, separated by blank lines. */
  body: string;
  requiresUpd: boolean;
}

/** Puts an answer in a profile's inbox, unread; returns its id. */
export function addAnswer(ctx: PueContext, a: NewAnswer): string {
  const id = newId('ans');
  ctx.db
    .prepare(
      `INSERT INTO answers (id, profile_id, title, date, sender, reference, body, requires_upd,
         created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      id,
      a.profileId,
      a.title,
      a.date,
      a.sender,
      a.reference,
      a.body,
      a.requiresUpd ? 1 : 0,
      nowIso(ctx),
    );
  return id;
}

/** The profile's answers, newest first, and the unread count. */
export function listInbox(
  ctx: PueContext,
  profileId: string,
): { items: PueAnswer[]; unread: number } {
  const rows = ctx.db
    .prepare(`${SELECT} WHERE a.profile_id = ? ORDER BY a.date DESC, a.rowid DESC`)
    .all(profileId) as AnswerRow[];
  const items = rows.map(toAnswer);
  return { items, unread: items.filter((a) => a.state === 'unread').length };
}

/** The answer if it is this profile's; NOT_FOUND for another's or an unknown one alike. */
function ownAnswer(ctx: PueContext, profileId: string, answerId: string): AnswerRow {
  const row = ctx.db.prepare(`${SELECT} WHERE a.id = ?`).get(answerId) as AnswerRow | undefined;
  if (!row || row.profile_id !== profileId) throw new SkrError('NOT_FOUND', 'Answer not found');
  return row;
}

/** Checks a card-signed UPD PDF for this profile and answer; throws UNAUTHORIZED/INVALID. */
export type CardUpdCheck = (pdf: Buffer, profileId: string, answerId: string) => Promise<void>;

/**
 * Signs the UPD of an answer once: the first call records it (created), later calls answer the
 * same UPD (the client may open the answer again without signing again). A card UPD is checked
 * by `checkCard` before anything is recorded.
 */
export async function signUpd(
  ctx: PueContext,
  profileId: string,
  answerId: string,
  req: PueUpdRequest,
  checkCard: CardUpdCheck,
): Promise<{ upd: PueUpd; created: boolean }> {
  const before = toAnswer(ownAnswer(ctx, profileId, answerId));
  if (before.upd) return { upd: before.upd, created: false };
  let signed: Buffer | null = null;
  if (req.method === 'card') {
    signed = Buffer.from(req.signedPdfB64, 'base64');
    await checkCard(signed, profileId, answerId);
  }
  // Check and insert in one synchronous transaction: two racing signatures make one UPD.
  return ctx.db.transaction(() => {
    const again = toAnswer(ownAnswer(ctx, profileId, answerId));
    if (again.upd) return { upd: again.upd, created: false };
    const signedAt = nowIso(ctx);
    const { n } = ctx.db.prepare('SELECT COALESCE(MAX(rowid), 0) + 1 AS n FROM upds').get() as {
      n: number;
    };
    const updId = `UPD/${signedAt.slice(0, 4)}/${String(n).padStart(8, '0')}`;
    ctx.db
      .prepare(
        `INSERT INTO upds (answer_id, upd_id, profile_id, method, signed_at, signed_pdf)
         VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(answerId, updId, profileId, req.method, signedAt, signed);
    return { upd: { updId, answerId, signedAt, method: req.method }, created: true };
  })();
}

/** The answer with its PDF body, marked read; CONFLICT while its UPD is still unsigned. */
export async function openAnswer(
  ctx: PueContext,
  profileId: string,
  answerId: string,
): Promise<PueAnswerContent> {
  const row = ownAnswer(ctx, profileId, answerId);
  if (row.requires_upd === 1 && !row.upd_id)
    throw new SkrError('CONFLICT', 'Sign the UPD (confirmation of delivery) to open this answer', {
      details: { reason: 'UPD_REQUIRED' },
    });
  const pdf = await renderAnswerPdf(row);
  if (!row.read_at)
    ctx.db.prepare('UPDATE answers SET read_at = ? WHERE id = ?').run(nowIso(ctx), answerId);
  return {
    answer: toAnswer({ ...row, read_at: row.read_at ?? nowIso(ctx) }),
    pdfB64: pdf.toString('base64'),
  };
}

/** A recorded UPD as tests see it (with the signed PDF of a card UPD). */
export interface StoredUpd extends PueUpd {
  profileId: string;
  signedPdf: Buffer | null;
}

/** Every UPD recorded, oldest first. */
export function listUpds(ctx: PueContext): StoredUpd[] {
  const rows = ctx.db.prepare('SELECT * FROM upds ORDER BY rowid').all() as {
    answer_id: string;
    upd_id: string;
    profile_id: string;
    method: 'confirm' | 'card';
    signed_at: string;
    signed_pdf: Buffer | null;
  }[];
  return rows.map((r) => ({
    updId: r.upd_id,
    answerId: r.answer_id,
    signedAt: r.signed_at,
    method: r.method,
    profileId: r.profile_id,
    signedPdf: r.signed_pdf,
  }));
}
