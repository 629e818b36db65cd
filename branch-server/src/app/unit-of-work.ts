import { EventEmitter } from 'node:events';
import type { BranchEvent } from '@skr/protocol';
import { isRefusal, type Decision, type DomainError } from '../domain';
import { eventLog, type Db, type EventLog } from '../store';
import type { BranchState } from './branch-state';
import type { DeviceHealth } from './device-health';
import { GroupCommit } from './group-commit';
import type { Projections } from './projections';

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

  constructor(private readonly deps: UnitOfWorkDeps) {
    this.log = eventLog(deps.db);
    this.emitter.setMaxListeners(0);
    // If a group's commit fails, memory is rebuilt from what is on disk.
    this.group = new GroupCommit(deps.db, () => deps.state.load(deps.now()));
  }

  /** Decides and commits now; answers once the change is on disk, memory updated, published. */
  run<D extends Decision>(decide: () => D | DomainError): Committed<D> {
    const done = this.deps.db.transaction(() => this.write(decide))();
    this.apply(done);
    this.publish(done.events);
    return done;
  }

  /** Decides and commits with the group; resolves once durable. */
  async runGrouped<D extends Decision>(decide: () => D | DomainError): Promise<Committed<D>> {
    const done = await this.group.run(
      () => this.write(decide),
      (c) => this.apply(c),
    );
    this.publish(done.events);
    return done;
  }

  /** Calls `listener` with every committed event; answers the unsubscribe function. */
  subscribe(listener: EventListener): () => void {
    this.emitter.on('event', listener);
    return () => this.emitter.off('event', listener);
  }

  private write<D extends Decision>(decide: () => D | DomainError): Committed<D> {
    const decision = decide();
    if (isRefusal(decision)) throw decision;
    const events = decision.events.map((e) => this.log.append(e));
    if (events.length > 0) this.deps.onCommit?.(events, this.deps.db);
    this.deps.projections.apply(decision.rows);
    return { decision, events };
  }

  /** Brings the working memory up to a committed change. */
  private apply({ decision, events }: Committed<Decision>): void {
    const { state, health } = this.deps;
    for (const r of decision.rows) {
      if (r.row === 'ticket') state.applyTicket(r.ticket, r.ticket.id === decision.calledId);
      else if (r.row === 'counter') state.counters.set(r.counter.id, r.counter);
    }
    for (const e of events) if (e.device) health.apply(e.device);
    // Configuration changes reload matters, counters and settings: tickets in hand stay untouched.
    if (events.some((e) => e.type === 'config.changed')) state.load(this.deps.now());
  }

  private publish(events: readonly BranchEvent[]): void {
    for (const e of events) this.emitter.emit('event', e);
  }
}
