// Confirming an online PUE registration at the counter (issue 16), as a pure decision: the
// registration as the portal answered it, the document the clerk typed in, and the time. The
// 7-day rule is counted in calendar days of the branch's zone from the registration's time.
import {
  daysLeftToConfirm,
  type IdDocument,
  type PueCheckedDocument,
  type PueRegistration,
  type PueRegistrationDecision,
} from '@skr/protocol/profile-confirmation';
import { localDay } from '@skr/protocol/time-zone';
import { conflict, invalid, type DomainError } from './domain-error';
import { checkIdDocument, maskDocumentNumber } from './identity-document';
import type { Decision } from './records';

/** The audit row of one decision (who, when, which document, masked). */
export interface ProfileConfirmationRecord {
  id: string;
  registrationId: string;
  login: string;
  decision: 'confirm' | 'refuse';
  decidedAt: string;
  actor: string;
  document: PueCheckedDocument | null;
  reason: string | null;
}

/** What a profile decision writes: its audit row and the message for the portal's outbox. */
export interface ProfileConfirmationRow {
  row: 'profile-confirmation';
  record: ProfileConfirmationRecord;
  portal: PueRegistrationDecision;
}

/** A clerk's confirmation or refusal, as the use case hands it over. */
export type ProfileCommand =
  | { decision: 'confirm'; document: IdDocument }
  | {
      decision: 'refuse';
      reason: string;
      document?: Omit<IdDocument, 'validUntil'> & { validUntil?: string };
    };

/** Who decides, when, and the branch's zone. */
export interface ProfileDecisionContext {
  confirmationId: string;
  actor: string;
  now: Date;
  timeZone: string;
  /** The branch already recorded a decision on this registration (a second click, a retry). */
  decidedHere: boolean;
}

/** A decision on a registration: its audit row and the outbox message. */
type ProfileDecision = Decision & { record: ProfileConfirmationRecord };

/** Refuses a registration that can no longer be decided: decided already, or past 7 days. */
function stateRefusal(reg: PueRegistration, ctx: ProfileDecisionContext): DomainError | null {
  if (ctx.decidedHere || reg.status === 'confirmed' || reg.status === 'refused')
    return conflict('the registration has already been decided', {
      reason: 'already-decided',
      status: reg.status === 'pending' ? 'queued' : reg.status,
    });
  if (reg.status === 'expired' || daysLeftToConfirm(reg.registeredAt, ctx.now, ctx.timeZone) < 0)
    return conflict('the registration is older than 7 days; the client registers again online', {
      reason: 'expired',
    });
  return null;
}

/**
 * Confirms against a valid identity document, or refuses with a reason; both are audited and
 * queued for the portal in the same change. Nothing is written when a rule refuses.
 */
export function decideProfileConfirmation(
  reg: PueRegistration,
  cmd: ProfileCommand,
  ctx: ProfileDecisionContext,
): ProfileDecision | DomainError {
  const refusal = stateRefusal(reg, ctx);
  if (refusal) return refusal;
  let document: PueCheckedDocument | null = null;
  if (cmd.decision === 'confirm') {
    const bad = checkIdDocument(cmd.document, localDay(ctx.now, ctx.timeZone));
    if (bad) return bad;
  } else if (cmd.reason.trim().length < 3) {
    return invalid('a refusal needs a reason', { reason: 'reason-required' });
  }
  if (cmd.document)
    document = {
      type: cmd.document.type,
      maskedNumber: maskDocumentNumber(cmd.document.number),
      validUntil: cmd.document.validUntil ?? null,
    };
  const decidedAt = ctx.now.toISOString();
  const reason = cmd.decision === 'refuse' ? cmd.reason.trim() : null;
  const record: ProfileConfirmationRecord = {
    id: ctx.confirmationId,
    registrationId: reg.registrationId,
    login: reg.login,
    decision: cmd.decision,
    decidedAt,
    actor: ctx.actor,
    document,
    reason,
  };
  const portal: PueRegistrationDecision = {
    registrationId: reg.registrationId,
    decision: cmd.decision,
    decidedAt,
    document,
    reason,
  };
  return { record, events: [], rows: [{ row: 'profile-confirmation', record, portal }] };
}
