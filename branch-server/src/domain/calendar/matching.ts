// The matching of visits to places lives in the protocol so that the portal stand-in judges its
// share exactly as the branch does; the calendar's domain uses it from there.
export { assign, fitsAll, spareFor, spareKeys } from '@skr/protocol/calendar';
export type { Assignment, Demand, Place } from '@skr/protocol/calendar';
