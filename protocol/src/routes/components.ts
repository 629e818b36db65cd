import { z } from 'zod';
import { DocumentStatus, SyncStatus } from '../branch-pue';
import { PublicTicketStatus } from '../display';
import { Counter, Service, Ticket } from '../domain';
import { ApiError } from '../errors';
import { IssuedTicket, QueueSnapshot } from '../http';
import { BranchConfig, MonitorSnapshot, StatsReport } from '../manager';
import { PueAccountData, PueArchiveOrder, PueBooking, PueProfile, PueSession } from '../pue';
import { BranchEvent, DisplayConfig } from '../socket';

/** Names schemas so an OpenAPI document refers to one component instead of repeating it. */
function registryOf(schemas: Record<string, z.ZodType>) {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(schemas)) registry.add(schema, { id });
  return registry;
}

/** The named components of the branch API document. */
export const branchComponents = registryOf({
  ApiError,
  Ticket,
  Counter,
  Service,
  IssuedTicket,
  QueueSnapshot,
  BranchEvent,
  DisplayConfig,
  PublicTicketStatus,
  MonitorSnapshot,
  StatsReport,
  BranchConfig,
  DocumentStatus,
  SyncStatus,
  PueSession,
  PueProfile,
  PueAccountData,
  PueArchiveOrder,
});

/** The named components of the portal API document. */
export const portalComponents = registryOf({
  ApiError,
  PueSession,
  PueProfile,
  PueAccountData,
  PueArchiveOrder,
  PueBooking,
});
