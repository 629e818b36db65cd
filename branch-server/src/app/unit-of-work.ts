import { EventEmitter } from 'node:events';
import type { BranchEvent } from '@skr/protocol';
import { isRefusal, type Decision, type DomainError } from '../domain';
import { eventLog, type Db, type EventLog } from '../store';
import type { BranchState } from './branch-state';
import type { DeviceHealth } from './device-health';
import { GroupCommit } from './group-commit';
import type { Projections } from './projections';
import { isStorageFault, StorageHealth, storageUnavailable } from './storage-fault';

/** A listener of committed events. */
export type EventListener = (e: BranchEvent) => void;

/** What the pipeline is built from. */
export interface UnitOfWorkDeps {
  db: Db;
  state: BranchState;
  health: DeviceHealth;
  projections: Projections;
  now: () => Date;
  /**
   * Runs inside every change's transaction, after its events are logged: writes that must
   * commit or roll back with the change (the portal outbox). Throwing rolls the change back.
   */
  onCommit?: (events: BranchEvent[], db: Db) => void;
  /**
   * Runs after a transaction rolled back for a storage fault, so caches of what the change
   * wrote (each day's last ticket number) forget it and no number is burned.
   */
  onRollback?: () => void;
}

/** A committed decision and the events it logged (with their `seq`). */
export interface Committed<D extends Decision> {
  decision: D;
  events: BranchEvent[];
}

/**
 * The one way a change is written. Inside one transaction: decide (reading what it needs),
 * append its events, queue the outbox rows (onCommit), write its rows; after the commit:
 * update the working memory, then publish. `run` commits at once; `runGrouped` shares one
 * transaction (one fsync) with the changes arriving in the same turn of the event loop, each
 * in its own savepoint. A refusal throws and writes nothing.
 */
export class UnitOfWork {
  private readonly log: EventLog;
  private readonly group: GroupCommit;
  /** @deprecated publish-side emitter; use {@link subscribe}. */
  readonly emitter = new EventEmitter<{ event: [BranchEvent] }>();
  /** Degraded from a failed write until the next write reaches the disk. */
  readonly storage = new StorageHealth();

  constructor(private readonly deps: UnitOfWorkDeps) {
    this.log = eventLog(deps.db);
    this.emitter.setMaxListeners(0);
    // If a group's commit fails, memory is rebuilt from what is on disk.
    this.group = new GroupCommit(deps.db, () => {
      deps.onRollback?.();
      deps.state.load(deps.now());
    });
  }

  /** Decides and commits now; answers once the change is on disk, memory updated, published. */
  run<D extends Decision>(decide: () => D | DomainError): Committed<D> {
    let done: Committed<D>;
    try {
      done = this.deps.db.transaction(() => this.write(decide))();
    } catch (e) {
      // Whatever rolled the change back, cached numbers may count an insert that is gone.
      this.deps.onRollback?.();
      if (isStorageFault(e)) throw this.storageFault(e);
      throw e;
    }
    this.storage.ok();
    this.apply(done);
    this.publish(done.events);
    return done;
  }

  /** Decides and commits with the group; resolves once durable. */
  async runGrouped<D extends Decision>(decide: () => D | DomainError): Promise<Committed<D>> {
    let done: Committed<D>;
    try {
      done = await this.group.run(
        () => this.write(decide),
        (c) => this.apply(c),
      );
    } catch (e) {
      // The group's rollback (onFailure) already rebuilt memory and forgot cached numbers.
      if (isStorageFault(e)) throw this.storageFault(e);
      throw e;
    }
    this.storage.ok();
    this.publish(done.events);
    return done;
  }

  /** Calls `listener` with every committed event; answers the unsubscribe function. */
  subscribe(listener: EventListener): () => void {
    this.emitter.on('event', listener);
    return () => this.emitter.off('event', listener);
  }

  /** Records a storage fault and answers the UNAVAILABLE refusal the caller sees. */
  private storageFault(e: unknown): Error {
    this.storage.failed(e, this.deps.now());
    return storageUnavailable(e);
  }

  private write<D extends Decision>(decide: () => D | DomainError): Committed<D> {
    const decision = decide();
    if (isRefusal(decision)) throw decision;
    try {
      const events = decision.events.map((e) => this.log.append(e));
      if (events.length > 0) this.deps.onCommit?.(events, this.deps.db);
      this.deps.projections.apply(decision.rows);
      return { decision, events };
    } catch (e) {
      // This change's savepoint rolls back: a number its insert took must be free again.
      this.deps.onRollback?.();
      throw e;
    }
  }

  /** Brings the working memory up to a committed change. */
  private apply({ decision, events }: Committed<Decision>): void {
    const { state, health } = this.deps;
    for (const r of decision.rows) {
      if (r.row === 'ticket') state.applyTicket(r.ticket, r.ticket.id === decision.calledId);
      else if (r.row === 'counter') state.counters.set(r.counter.id, r.counter);
      else if (r.row === 'setting') state.applySetting(r.key, r.value);
    }
    for (const e of events) if (e.device) health.apply(e.device);
    // Configuration changes reload services, counters and settings: tickets in hand stay untouched.
    if (events.some((e) => e.type === 'config.changed')) state.load(this.deps.now());
  }

  private publish(events: readonly BranchEvent[]): void {
    for (const e of events) this.emitter.emit('event', e);
  }
}
