import { z } from 'zod';
import { BranchTime } from './branch-clock';
import { TicketState } from './domain';
import { DisplayConfig } from './socket';

/**
 * What `GET /api/v1/public/tickets/{id}` answers for the follow-the-line page on a phone:
 * the ticket number and progress only, never personal data.
 */
export const PublicTicketStatus = z.object({
  number: z.string(),
  serviceId: z.string(),
  state: TicketState,
  /** People ahead in the same line (0 unless waiting). */
  peopleAhead: z.number().int().min(0),
  /** The counter's name while the ticket is called or served, else null. */
  counterName: z.string().nullable(),
  /** The counter's public sign (label, else number) while called or served, else null. */
  counterSign: z.string().nullable(),
  /** The server's time and the branch's zone when it answered: the page's "updated at". */
  branchTime: BranchTime,
});
export type PublicTicketStatus = z.infer<typeof PublicTicketStatus>;

/** What `GET /api/v1/display/config` answers a paired screen. */
export const DisplayConfigResponse = z.object({ config: DisplayConfig });
export type DisplayConfigResponse = z.infer<typeof DisplayConfigResponse>;
