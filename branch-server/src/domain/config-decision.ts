import type { Counter, DeviceKind, DisplayConfig, QueueSettings, Service } from '@skr/protocol';
import { counterSign, defaultCounterNumber, type CounterIdentity } from '@skr/protocol';
import type {
  AuditEntry,
  CounterConfig,
  ServiceConfig,
  SettingsConfig,
  UserConfig,
} from '@skr/protocol/manager';
import { conflict, invalid, notFound, type DomainError } from './domain-error';
import { fieldDiff } from './field-diff';
import type { QueueState } from './queue-state';
import type { Decision, Device, FieldDiff, RowChange, User } from './records';

/** A configuration decision: the audited diff (empty = nothing changed) and its rows. */
type ConfigDecision = Decision & { diff: FieldDiff };

/** Who changes what, and when. */
interface ConfigContext {
  actor: string;
  now: Date;
}

/**
 * One audited configuration change: the rows, an audit entry and a `config.changed` event;
 * nothing at all when no field differs.
 */
function configChange(
  ctx: ConfigContext,
  what: { entity: AuditEntry['entity']; entityId: string; action: AuditEntry['action'] },
  diff: FieldDiff,
  rows: RowChange[],
  counter?: Counter,
): ConfigDecision {
  if (Object.keys(diff).length === 0) return { diff, events: [], rows: [] };
  const at = ctx.now.toISOString();
  return {
    diff,
    rows: [...rows, { row: 'audit', entry: { at, actor: ctx.actor, ...what, diff } }],
    events: [{ at, type: 'config.changed', ...(counter ? { counter } : {}), actor: ctx.actor }],
  };
}

/** Creates or changes a service; prefixes stay unique among active services. */
export function decideSaveService(
  state: QueueState,
  id: string,
  next: ServiceConfig,
  ctx: ConfigContext,
): ConfigDecision | DomainError {
  if (next.id !== id) return invalid('the id in the path and body differ');
  const clash = [...state.services.values()].find(
    (s) => s.id !== id && s.active && next.active && s.prefix === next.prefix,
  );
  if (clash)
    return conflict(`prefix ${next.prefix} is used by ${clash.id}`, {
      prefix: next.prefix,
      serviceId: clash.id,
    });
  const before = state.services.get(id);
  const { openingHours: hours, ...service } = next;
  const diff = fieldDiff(before && { ...before, openingHours: state.hours.get(id) ?? null }, next);
  return configChange(
    ctx,
    { entity: 'service', entityId: id, action: before ? 'update' : 'create' },
    diff,
    [{ row: 'service', service: service as Service, hours: hours ?? null }],
  );
}

/** Creates (id undefined) or renames / re-skills a counter; its live state is kept. */
export function decideSaveCounter(
  state: QueueState,
  id: number | undefined,
  next: CounterConfig,
  ctx: ConfigContext,
): (ConfigDecision & { counter: Counter }) | DomainError {
  for (const sid of Object.keys(next.skills)) {
    if (!state.services.has(sid)) return invalid(`no service ${sid}`, { serviceId: sid });
  }
  const before = id === undefined ? undefined : state.counters.get(id);
  if (id !== undefined && !before) return notFound(`no counter ${id}`);
  const newId = id ?? Math.max(0, ...state.counters.keys()) + 1;
  const others = [...state.counters.values()].filter((c) => c.id !== newId);
  const identity = {
    number:
      next.number ??
      before?.number ??
      defaultCounterNumber(next.name, newId, new Set(others.map((c) => c.number))),
    label: next.label === undefined ? (before?.label ?? null) : next.label,
  };
  const clash = identityClash(others, identity);
  if (clash) return clash;
  const { name, skills } = next;
  const counter: Counter = before
    ? { ...before, ...identity, name, skills }
    : { id: newId, ...identity, name, skills, state: 'closed', pauseReason: null, clerk: null };
  const d = configChange(
    ctx,
    { entity: 'counter', entityId: String(newId), action: before ? 'update' : 'create' },
    fieldDiff(before, counter),
    [{ row: 'counter', counter }],
    counter,
  );
  return { ...d, counter };
}

/**
 * Two counters the public could not tell apart: the same number, or the same sign on the
 * screens ("T9" as one's label and another's). Answers the refusal, or undefined.
 */
function identityClash(others: readonly Counter[], mine: CounterIdentity): DomainError | undefined {
  const byNumber = others.find((c) => c.number === mine.number);
  const bySign = others.find((c) => counterSign(c) === counterSign(mine));
  const holder = byNumber ?? bySign;
  if (!holder) return undefined;
  const what = byNumber ? `number ${mine.number}` : `sign ${counterSign(mine)}`;
  return conflict(`${what} is already counter ${holder.id} (${holder.name})`, {
    reason: byNumber ? 'counter-number-taken' : 'counter-sign-taken',
    number: mine.number,
    sign: counterSign(mine),
    counterId: holder.id,
    counterName: holder.name,
  });
}

/** Changes the queue rules (priority mixing, recall limit, late-arrival window, …). */
export function decideSaveSettings(
  state: QueueState,
  next: SettingsConfig,
  ctx: ConfigContext,
): ConfigDecision {
  const after: QueueSettings = { ...state.settings, ...next };
  return configChange(
    ctx,
    { entity: 'settings', entityId: 'queue', action: 'update' },
    fieldDiff(state.settings, after),
    [{ row: 'settings', settings: after }],
  );
}

/** Save a staff account; the password is hashed before deciding (hashing is slow and async). */
interface SaveUserCommand {
  username: string;
  next: UserConfig;
  before: User | undefined;
  /** The new password's hash, when one was given. */
  newHash: string | undefined;
  activeAdmins: number;
}

/** Creates or changes a staff account; a role change, lock or new password ends its sessions. */
export function decideSaveUser(
  cmd: SaveUserCommand,
  ctx: ConfigContext,
): ConfigDecision | DomainError {
  const { before, next, username } = cmd;
  const hash = cmd.newHash ?? before?.passwordHash;
  if (hash === undefined) return invalid('a new user needs a password (12 characters or more)');
  const losesAdmin = before?.role === 'admin' && (next.role !== 'admin' || !next.active);
  if (losesAdmin && cmd.activeAdmins <= 1) return conflict('the last active admin must stay');
  const view = (u: { role: string; active: boolean }, pw?: string) => ({
    role: u.role,
    active: u.active,
    ...(pw ? { password: pw } : {}),
  });
  const endSessions =
    before !== undefined && (before.role !== next.role || !next.active || !!next.password);
  return configChange(
    ctx,
    { entity: 'user', entityId: username, action: before ? 'update' : 'create' },
    fieldDiff(before && view(before), view(next, next.password)),
    [
      {
        row: 'user',
        user: { username, role: next.role, active: next.active, passwordHash: hash },
        endSessions,
      },
    ],
  );
}

/** Pairs a device under an id and token made by the caller (randomness stays outside). */
export function decideCreateDevice(
  device: { id: string; kind: DeviceKind; name: string; tokenHash: string },
  ctx: ConfigContext,
): ConfigDecision {
  const record: Device = {
    id: device.id,
    kind: device.kind,
    name: device.name,
    createdAt: ctx.now.toISOString(),
    revokedAt: null,
  };
  return configChange(
    ctx,
    { entity: 'device', entityId: device.id, action: 'create' },
    fieldDiff(undefined, { kind: device.kind, name: device.name }),
    [{ row: 'device', device: record, tokenHash: device.tokenHash }],
  );
}

/** Revokes a device and its token: it is refused from its next request on. */
export function decideRevokeDevice(
  devices: readonly Device[],
  id: string,
  ctx: ConfigContext,
): ConfigDecision | DomainError {
  if (!devices.some((d) => d.id === id && d.revokedAt === null))
    return notFound(`no active device ${id}`);
  const at = ctx.now.toISOString();
  return configChange(
    ctx,
    { entity: 'device', entityId: id, action: 'revoke' },
    { revokedAt: { before: null, after: at } },
    [{ row: 'device-revoked', id, at }],
  );
}

/** Sets a screen's services, voice, volume, message and history length. */
export function decideSaveDisplayConfig(
  devices: readonly Device[],
  id: string,
  before: DisplayConfig | undefined,
  next: DisplayConfig,
  ctx: ConfigContext,
): ConfigDecision | DomainError {
  const device = devices.find((d) => d.id === id && d.revokedAt === null);
  if (!device || device.kind !== 'display') return notFound(`no active display ${id}`);
  return configChange(
    ctx,
    { entity: 'display', entityId: id, action: before ? 'update' : 'create' },
    fieldDiff(before, next),
    [{ row: 'display', subject: `device:${id}`, config: next }],
  );
}
