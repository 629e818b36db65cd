import { BookingRefusal } from '@skr/protocol/calendar';
import { WalkInCutoffDetails } from '@skr/protocol/walk-in-cutoff';
import { LateArrivalDetails } from '@skr/protocol/late-arrival';
import {
  ErrorCode,
  isSkrError,
  kioskBridgeMethods,
  type KioskBridgeReply,
  type KioskMethod,
} from '@skr/protocol';
import type { KioskHandlers } from '../devices/kiosk-services';

/** True when `name` is a bridge method (guards lookups with names from outside). */
function isKioskMethod(name: string): name is KioskMethod {
  return Object.hasOwn(kioskBridgeMethods, name);
}

/**
 * Runs one bridge call from outside (IPC or HTTP): validates the input, calls the handler,
 * validates the output and answers the envelope. Failures carry a code, never a stack.
 */
export async function dispatchBridgeCall(
  handlers: KioskHandlers,
  method: string,
  rawInput: unknown,
  log?: (err: unknown, method: string) => void,
): Promise<KioskBridgeReply> {
  if (!isKioskMethod(method))
    return { ok: false, error: { code: 'NOT_FOUND', message: `no bridge method ${method}` } };
  const spec = kioskBridgeMethods[method];
  const input = spec.input.safeParse(rawInput ?? {});
  if (!input.success)
    return { ok: false, error: { code: 'INVALID', message: `bad input for ${method}` } };
  try {
    const handler = handlers[method] as (i: unknown) => Promise<unknown>;
    const data = spec.output.parse(await handler(input.data));
    return { ok: true, data };
  } catch (e) {
    log?.(e, method);
    if (isSkrError(e)) {
      const details =
        e.details && ErrorCode.safeParse(e.code).success ? pickSafe(e.details) : undefined;
      return {
        ok: false,
        error: { code: e.code, message: e.message, ...(details ? { details } : {}) },
      };
    }
    return { ok: false, error: { code: 'INTERNAL', message: 'internal error' } };
  }
}

// Only harmless details cross the boundary (tries left for a PIN, the booking code).
function pickSafe(d: Record<string, unknown>): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {};
  if (typeof d.triesLeft === 'number') out.triesLeft = d.triesLeft;
  // When check-in opens for an early arrival: a time, nothing about the person.
  if (typeof d.opensAt === 'string') out.opensAt = d.opensAt;
  // Why a file was refused (NOT_PDF, NOT_IMAGE): a fixed word, nothing of the file.
  if (d.reason === 'NOT_PDF' || d.reason === 'NOT_IMAGE') out.reason = d.reason;
  // Why a booking was refused (full, too-late, daily-limit, gap…): a fixed word of the calendar.
  if (BookingRefusal.safeParse(d.reason).success) out.reason = d.reason;
  // …and the rule's number it names (the rules are configuration, not constants).
  for (const k of ['minLeadMinutes', 'maxVisitsPerDay', 'minGapMinutes'] as const)
    if (typeof d[k] === 'number') out[k] = d[k];
  // A walk-in cut off for today: the service and the slot offered instead, nothing personal.
  const cutoff = WalkInCutoffDetails.safeParse(d);
  if (cutoff.success) Object.assign(out, cutoff.data);
  // A booked visit missed past its late window: its service, time and the two ways on.
  const late = LateArrivalDetails.safeParse(d);
  if (late.success) Object.assign(out, late.data);
  return Object.keys(out).length ? out : undefined;
}
