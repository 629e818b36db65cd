import { portalAuthRoutes } from './portal-auth';
import { portalBranchRoutes } from './portal-branch';
import { portalCalendarRoutes } from './portal-calendar';
import { portalClientRoutes } from './portal-client';
import { portalInboxRoutes } from './portal-inbox';
import { portalEmulatorRoutes } from './portal-emulator';
import { portalRegistrationRoutes } from './portal-registrations';
import { portalStatusRoutes } from './public-status';

/** Every HTTP route of the portal (as the PUE stand-in speaks it), by name. */
export const portalApi = {
  ...portalAuthRoutes,
  ...portalClientRoutes,
  ...portalInboxRoutes,
  ...portalBranchRoutes,
  ...portalRegistrationRoutes,
  ...portalCalendarRoutes,
  ...portalEmulatorRoutes,
  ...portalStatusRoutes,
};
/** The portal route table's type. */
export type PortalApi = typeof portalApi;
