import { authRoutes } from './auth';
import { configRoutes } from './config';
import { deviceRoutes } from './devices';
import { documentRoutes } from './documents';
import { healthRoutes } from './health';
import { managerRoutes } from './manager';
import { mediaRoutes } from './media';
import { notifyRoutes } from './notify';
import { profileConfirmationRoutes } from './profile-confirmation';
import { calendarRoutes } from './calendar';
import { pueProxyRoutes } from './pue-proxy';
import { pueInboxProxyRoutes } from './pue-inbox-proxy';
import { publicStatusRoutes } from './public-status';
import { queueRoutes } from './queue';
import { syncRoutes } from './sync';
import { ticketRoutes } from './tickets';
import { walkInCutoffRoutes } from './walk-in-cutoff';

/** Every HTTP API route of the branch server, by name. */
export const branchApi = {
  ...authRoutes,
  ...ticketRoutes,
  ...queueRoutes,
  ...deviceRoutes,
  ...configRoutes,
  ...managerRoutes,
  ...mediaRoutes,
  ...pueProxyRoutes,
  ...pueInboxProxyRoutes,
  ...documentRoutes,
  ...profileConfirmationRoutes,
  ...syncRoutes,
  ...healthRoutes,
  ...notifyRoutes,
  ...calendarRoutes,
  ...publicStatusRoutes,
  ...walkInCutoffRoutes,
};
/** The branch route table's type (the client is typed from it). */
export type BranchApi = typeof branchApi;
/** The name of a branch route. */
export type BranchRouteName = keyof BranchApi;
