// The live status a branch publishes for the public (issue 14): per service, people waiting,
// the number now served, the estimated wait, open counters and the next bookable slot. No
// token, no personal data: what a waiting-room screen shows anyway, plus the calendar's next
// free place. The portal collects every branch's status for the national page.
import { z } from 'zod';
import { Localized } from './domain';

/** One service's line at a branch, as anyone may see it. */
export const PublicServiceStatus = z.object({
  serviceId: z.string(),
  names: Localized,
  waiting: z.number().int().min(0),
  /** The ticket number called last for this service (today), or null. */
  nowServing: z.string().nullable(),
  estimatedWaitMinutes: z.number().int().min(0),
  /** Open counters that serve this service. */
  openCounters: z.number().int().min(0),
  /** Start of the earliest slot the branch can still book for this service (14 days ahead). */
  nextFreeSlot: z.iso.datetime().nullable(),
  /** The branch takes no more walk-ins of this service today (its line would outlast the day). */
  walkInsClosedToday: z.boolean().optional(),
});
/** One service's public line. */
export type PublicServiceStatus = z.infer<typeof PublicServiceStatus>;

/** A branch's public status. */
export const PublicBranchStatus = z.object({
  /** The branch's id at the portal, or null for a branch without one. */
  branchId: z.string().nullable(),
  /** When this was computed. */
  at: z.iso.datetime(),
  timeZone: z.string(),
  openCounters: z.number().int().min(0),
  services: z.array(PublicServiceStatus),
});
/** A branch's public status. */
export type PublicBranchStatus = z.infer<typeof PublicBranchStatus>;

/** What the portal answers for the national page: the last status of every branch. */
export const NationalStatus = z.object({
  at: z.iso.datetime(),
  branches: z.array(
    PublicBranchStatus.extend({
      branchId: z.string(),
      /** When the portal received this branch's status. */
      receivedAt: z.iso.datetime(),
    }),
  ),
});
/** The national status. */
export type NationalStatus = z.infer<typeof NationalStatus>;
