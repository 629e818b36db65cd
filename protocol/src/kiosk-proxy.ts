import { branchApi, type BranchApi } from './routes/branch';

/**
 * Branch routes the kiosk page may call through its local host, which adds the device token
 * (the page never holds it). Issuing tickets and dropping documents off are not here: they go
 * through the device bridge, which also prints.
 */
export const KIOSK_PROXIED = [
  'listServices',
  'documentForms',
  'documentStatus',
  // After hours the home shows "Oddział jest zamknięty" and hides tickets.
  'branchOpening',
  'puePasswordLogin',
  'puePasswordVerify',
  'pueLogout',
  'pueMe',
  'pueAccount',
  'pueArchiveOrders',
  'pueOrderArchive',
  // The inbox of answers and the UPD confirmed on screen (a card-signed UPD and printing go
  // through the bridge).
  'pueInbox',
  'pueSignUpd',
  // "Umów wizytę" lists free slots; booking itself goes through the bridge, which prints.
  'listCalendarSlots',
  // "Moja wizyta": the visit shown and cancelled by code + PESEL (moving it prints: bridge).
  'findVisit',
  'cancelVisit',
  // "Powiadom mnie" after a ticket: the client's contact for that ticket only.
  'putTicketContact',
] as const satisfies readonly (keyof BranchApi)[];

/** The name of a route the kiosk host passes on. */
export type KioskProxiedName = (typeof KIOSK_PROXIED)[number];

/** The part of the branch route table the kiosk page reaches (same paths, at the host). */
export type KioskProxyApi = Pick<BranchApi, KioskProxiedName>;

/** The kiosk page's route table: the proxied routes of {@link branchApi}. */
export const kioskProxyApi = Object.fromEntries(
  KIOSK_PROXIED.map((name) => [name, branchApi[name]]),
) as KioskProxyApi;
