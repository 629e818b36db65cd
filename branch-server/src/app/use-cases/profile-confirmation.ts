import type {
  ConfirmProfileRequest,
  ProfileDecisionReceipt,
  PueRegistration,
  RefuseProfileRequest,
  RegistrationLookup,
  RegistrationView,
} from '@skr/protocol/profile-confirmation';
import { confirmationLastDay, daysLeftToConfirm } from '@skr/protocol/profile-confirmation';
import { decideProfileConfirmation, type ProfileCommand } from '../../domain';
import { profileConfirmationRepo } from '../../store/profile-confirmation-repo';
import { uuidv7 } from '../ids';
import type { UseCaseContext } from './context';

/** Asks the portal for a registration (the HTTP layer supplies it; it rejects when down). */
export type RegistrationSource = (q: RegistrationLookup) => Promise<PueRegistration>;

/** A registration with its last day and the days left, counted in the branch's zone. */
export async function findRegistration(
  ctx: UseCaseContext,
  source: RegistrationSource,
  q: RegistrationLookup,
): Promise<RegistrationView> {
  const reg = await source(q);
  const zone = ctx.state.settings.timeZone;
  const decided = profileConfirmationRepo(ctx.db).forRegistration(reg.registrationId);
  return {
    ...reg,
    // Decided here but not yet delivered: the desk must not offer it again.
    ...(decided && reg.status === 'pending'
      ? { status: decided.decision === 'confirm' ? 'confirmed' : 'refused' }
      : {}),
    lastDay: confirmationLastDay(reg.registeredAt, zone),
    daysLeft: daysLeftToConfirm(reg.registeredAt, ctx.now(), zone),
  };
}

/**
 * Decides on a registration the portal has just answered afresh: audited and queued for the
 * portal in one change through the unit of work (nothing is written when a rule refuses).
 */
async function decide(
  ctx: UseCaseContext,
  source: RegistrationSource,
  registrationId: string,
  cmd: ProfileCommand,
  actor: string,
): Promise<ProfileDecisionReceipt> {
  const reg = await source({ registrationId });
  const confirmations = profileConfirmationRepo(ctx.db);
  const now = ctx.now();
  const { decision } = ctx.uow.run(() =>
    decideProfileConfirmation(reg, cmd, {
      confirmationId: uuidv7(now),
      actor,
      now,
      timeZone: ctx.state.settings.timeZone,
      decidedHere: confirmations.forRegistration(reg.registrationId) !== undefined,
    }),
  );
  const r = decision.record;
  return {
    confirmationId: r.id,
    registrationId: r.registrationId,
    decision: r.decision,
    decidedAt: r.decidedAt,
    document: r.document,
    state: 'queued',
  };
}

/** Confirms a registration against the identity document shown at the counter. */
export function confirmProfile(
  ctx: UseCaseContext,
  source: RegistrationSource,
  req: ConfirmProfileRequest,
  actor: string,
): Promise<ProfileDecisionReceipt> {
  return decide(
    ctx,
    source,
    req.registrationId,
    { decision: 'confirm', document: req.document },
    actor,
  );
}

/** Refuses a registration with the clerk's reason. */
export function refuseProfile(
  ctx: UseCaseContext,
  source: RegistrationSource,
  req: RefuseProfileRequest,
  actor: string,
): Promise<ProfileDecisionReceipt> {
  const cmd: ProfileCommand = {
    decision: 'refuse',
    reason: req.reason,
    ...(req.document ? { document: req.document } : {}),
  };
  return decide(ctx, source, req.registrationId, cmd, actor);
}

/** The profile confirmation use cases bound to a branch (`branch.profiles`). */
export function profileConfirmationCommands(ctx: UseCaseContext) {
  return {
    /** A registration from the portal with its deadline in the branch's zone. */
    find: (source: RegistrationSource, q: RegistrationLookup) => findRegistration(ctx, source, q),
    /** Confirms against a document; audited and queued. */
    confirm: (source: RegistrationSource, req: ConfirmProfileRequest, actor: string) =>
      confirmProfile(ctx, source, req, actor),
    /** Refuses with a reason; audited and queued. */
    refuse: (source: RegistrationSource, req: RefuseProfileRequest, actor: string) =>
      refuseProfile(ctx, source, req, actor),
    /** Every decision the branch made, oldest first (the audit). */
    audit: () => profileConfirmationRepo(ctx.db).list(),
  };
}
