import type { Principal } from '../http';

/** Every principal: any valid token. */
const anyToken = ['admin', 'manager', 'clerk', 'kiosk', 'display', 'board'] as const;

/** Who may do what over HTTP and on the socket namespaces (the branch server's `allowed`). */
export const access = {
  issueTicket: ['kiosk', 'clerk', 'manager', 'admin'],
  counterControl: ['clerk', 'manager', 'admin'],
  ticketAction: ['clerk', 'manager', 'admin'],
  readQueue: ['clerk', 'manager', 'admin', 'display', 'kiosk', 'board'],
  manageDevices: ['admin'],
  manageBookings: ['manager', 'admin'],
  reportDeviceStatus: ['kiosk', 'display', 'board'],
  monitor: ['manager', 'admin'],
  displayChannel: ['display', 'manager', 'admin'],
  counterChannel: ['clerk', 'manager', 'admin'],
  kioskChannel: ['kiosk', 'admin'],
  /** Only the admin changes the configuration; the manager reads it. */
  changeConfig: ['admin'],
  readDocument: ['kiosk', 'manager', 'admin'],
  /** Staff at the counter confirm online registrations against an ID (issue 16). */
  confirmProfile: ['clerk', 'manager'],
  anyToken,
} as const satisfies Record<string, readonly Principal[]>;
