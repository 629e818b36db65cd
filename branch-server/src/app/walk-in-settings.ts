// The settings rows of the walk-in cut-off (issue 14): each service's daily pool, the
// manager's "open again for today" and the last day the branch day was ended. The gate reads
// them at every issued ticket, so the branch keeps them in memory (BranchState) as it keeps
// services and counters; they are written only as `setting` rows through the unit of work.

export const WALK_IN_PREFIX = 'walkin-';
const POOL_PREFIX = `${WALK_IN_PREFIX}pool:`;
/** Keys of the reopenings, `walkin-reopened:<local day>:<service>`. */
export const REOPEN_PREFIX = `${WALK_IN_PREFIX}reopened:`;
/** The last local day the branch day was ended (its value), written by the end of the day. */
export const DAY_ENDED_KEY = 'day-ended';

export const poolKey = (serviceId: string) => `${POOL_PREFIX}${serviceId}`;
export const reopenKey = (day: string, serviceId: string) => `${REOPEN_PREFIX}${day}:${serviceId}`;

/** Whether a settings row is one of the walk-in cut-off's. */
export function isWalkInKey(key: string): boolean {
  return key.startsWith(WALK_IN_PREFIX) || key === DAY_ENDED_KEY;
}
