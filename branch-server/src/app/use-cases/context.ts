import type { CallingPolicy, DomainError } from '../../domain';
import type { AuthRepo, BookingRepo, CatalogRepo, Db, TicketRepo } from '../../store';
import type { BranchState } from '../branch-state';
import type { DeviceHealth } from '../device-health';
import type { UnitOfWork } from '../unit-of-work';

/** What every use case is given: the pipeline, the working memory, read access and the clock. */
export interface UseCaseContext {
  uow: UnitOfWork;
  /** The working memory: use cases read it to decide; only the pipeline changes it. */
  state: BranchState;
  health: DeviceHealth;
  now: () => Date;
  policy: CallingPolicy;
  tickets: TicketRepo;
  bookings: BookingRepo;
  catalog: CatalogRepo;
  users: AuthRepo;
  /** The branch's keyed PESEL hash (card check-in). */
  hashPesel: (pesel: string) => string;
  publicBaseUrl: string;
  /** Read-only SQL for the few reads no repository has (counts). */
  db: Db;
  /** Refuses a walk-in ticket of a service cut off for today (issue 14); set by the branch. */
  walkInGate?: (serviceId: string, at: Date) => DomainError | undefined;
}
