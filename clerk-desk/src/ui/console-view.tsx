import type { Ticket } from '@skr/protocol/domain';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeskApi, DeskTicketAction, TransferTarget } from '../api/api-client';
import { commandFor, keyPressOf, type DeskCommand } from '../keyboard/shortcuts';
import { counterOf, linesFor, parkedAt, transferCounters } from '../live/queue-state';
import type { LiveQueue } from '../live/use-queue';
import { ActionBar } from './action-bar';
import { errorText, type FailureContext } from './error-text';
import { FollowUpDialog } from './follow-up-dialog';
import { VisitsDialog } from './visits-dialog';
import { LinesPanel } from './lines-panel';
import { ParkedList } from './parked-list';
import { PauseDialog } from './pause-dialog';
import { TicketCard } from './ticket-card';
import { TransferDialog } from './transfer-dialog';

interface Props {
  api: DeskApi;
  live: LiveQueue;
  counterId: number;
  /** The counter was closed: back to the choice. */
  onClosed(): void;
}

type Message = { kind: 'ok' | 'error'; text: string };

/** The visit dialogs opened side by side under the ticket, and their buttons' texts. */
const VISIT_DIALOGS = [
  ['follow-up', 'followUp.open'],
  ['visits', 'visits.open'],
] as const;

const doneKey: Record<DeskTicketAction, string> = {
  recall: 'done.recalled',
  start: 'done.started',
  finish: 'done.finished',
  'no-show': 'done.noShow',
  park: 'done.parked',
  return: 'done.returned',
};

/** The serving screen of one counter: ticket in hand, actions, lines, parked tickets. */
export function ConsoleView({ api, live, counterId, onClosed }: Props) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message | null>(null);
  const [dialog, setDialog] = useState<'transfer' | 'pause' | 'follow-up' | 'visits' | null>(null);
  const queued = useRef<DeskCommand | null>(null);
  const snap = live.snapshot!;
  const counter = counterOf(snap, counterId);
  const ticket = counter?.ticket ?? null;
  const online = live.status === 'online';
  const open = counter?.state === 'open';

  /** Runs one request at a time; applies its answer at once; reports in the user's language. */
  const run = useCallback(
    async <T,>(
      request: () => Promise<T>,
      after: (r: T) => string | null,
      ctx: FailureContext = 'other',
    ) => {
      setBusy(true);
      setMessage(null);
      try {
        const r = await request();
        const text = after(r);
        if (text) setMessage({ kind: 'ok', text });
      } catch (e) {
        setMessage({ kind: 'error', text: errorText(t, e, ctx) });
        live.connection?.refresh();
      } finally {
        setBusy(false);
      }
    },
    [t, live.connection],
  );
  const applyTicket = (tk: Ticket | null) => live.connection?.applyLocal({ ticket: tk });

  const enabled: Record<DeskCommand, boolean> = {
    'call-next': online && open && ticket?.state !== 'called',
    recall: online && ticket?.state === 'called',
    start: online && ticket?.state === 'called',
    'no-show': online && ticket?.state === 'called',
    finish: online && ticket !== null,
    park: online && ticket !== null,
    transfer: online && ticket !== null,
    pause: online && open && ticket === null,
  };

  const act = (tk: Ticket, action: DeskTicketAction) =>
    run(
      () => api.act(tk.id, action),
      (r) => {
        applyTicket(r);
        return t(doneKey[action], { number: r.number });
      },
    );

  const command = (c: DeskCommand) => {
    if (busy) {
      // Type-ahead: the screen may already show the new state (its event came before the
      // answer); the key is kept and tried once the request in flight is done.
      queued.current = c;
      return;
    }
    if (!enabled[c]) return;
    switch (c) {
      case 'call-next':
        return void run(
          () => api.callNext(counterId),
          (r) => {
            // A ticket being served is finished by the server before the next is called.
            if (ticket?.state === 'serving') applyTicket({ ...ticket, state: 'done' });
            if (!r) return t('done.nobody');
            applyTicket(r);
            return t('done.called', { number: r.number });
          },
          'call-next',
        );
      case 'transfer':
      case 'pause':
        return setDialog(c);
      default:
        if (ticket) void act(ticket, c);
    }
  };
  const commandRef = useRef(command);
  commandRef.current = command;
  useEffect(() => {
    if (busy || !queued.current) return;
    const c = queued.current;
    queued.current = null;
    commandRef.current(c);
  }, [busy]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (document.querySelector('dialog[open]')) return;
      const c = commandFor(keyPressOf(e));
      if (!c) return;
      e.preventDefault();
      commandRef.current(c);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const transfer = (target: TransferTarget) => {
    setDialog(null);
    if (!ticket) return;
    void run(
      () => api.transfer(ticket.id, target),
      (r) => {
        applyTicket(r);
        return t('done.transferred', { number: r.number });
      },
    );
  };
  const pause = (reason: string) => {
    setDialog(null);
    void run(
      () => api.pause(counterId, reason),
      (c) => {
        live.connection?.applyLocal({ counter: c });
        return t('done.paused');
      },
      'counter-state',
    );
  };
  const reopen = () =>
    run(
      () => api.open(counterId),
      (c) => {
        live.connection?.applyLocal({ counter: c });
        return t('done.opened');
      },
    );
  const close = () =>
    run(
      () => api.close(counterId),
      (c) => {
        live.connection?.applyLocal({ counter: c });
        onClosed();
        return null;
      },
      'counter-state',
    );

  if (!counter) return null;
  const services = [...live.services.values()].sort((a, b) => a.prefix.localeCompare(b.prefix));
  return (
    <div className="console">
      <div className="console-main">
        {counter.state !== 'open' && (
          <div
            className={`state-panel state-${counter.state}`}
            role="status"
            data-testid="counter-state"
          >
            <strong>
              {counter.state === 'paused'
                ? t('pause.paused', { reason: counter.pauseReason ?? '' })
                : t('closed')}
            </strong>
            <button
              type="button"
              className="primary"
              disabled={busy || !online}
              onClick={() => void reopen()}
            >
              {counter.state === 'paused' ? t('actions.resume') : t('actions.open')}
            </button>
          </div>
        )}
        <TicketCard
          ticket={ticket}
          service={ticket ? live.services.get(ticket.serviceId) : undefined}
        />
        <ActionBar enabled={enabled} busy={busy} onCommand={command} />
        <div className="message-line" aria-live="polite" role="status" data-testid="message">
          {message?.kind === 'ok' && message.text}
        </div>
        {message?.kind === 'error' && (
          <p className="error" role="alert" data-testid="error">
            {message.text}
          </p>
        )}
        {/* Visits side by side: the console fits 1366×768 without scrolling. */}
        <div className="visit-actions">
          {VISIT_DIALOGS.map(([d, text]) => (
            <button
              key={d}
              type="button"
              disabled={!online}
              onClick={() => setDialog(d)}
              data-testid={`do-${d}`}
            >
              {t(text)}
            </button>
          ))}
        </div>
      </div>
      <aside className="console-side">
        <LinesPanel lines={linesFor(snap, counter)} services={live.services} />
        <ParkedList
          parked={parkedAt(snap, counterId)}
          services={live.services}
          disabled={busy || !online}
          onReturn={(p) => void act(p, 'return')}
        />
        <div className="counter-buttons">
          <button
            type="button"
            data-testid="do-pause"
            disabled={busy || !enabled.pause}
            aria-keyshortcuts="B"
            onClick={() => command('pause')}
          >
            {t('actions.pause')} <kbd>B</kbd>
          </button>
          <button
            type="button"
            data-testid="do-close"
            disabled={busy || !online || ticket !== null || counter.state === 'closed'}
            onClick={() => void close()}
          >
            {t('actions.close')}
          </button>
        </div>
      </aside>
      {dialog === 'transfer' && ticket && (
        <TransferDialog
          ticket={ticket}
          services={services}
          counters={transferCounters(snap, ticket, counterId)}
          onConfirm={transfer}
          onCancel={() => setDialog(null)}
        />
      )}
      {dialog === 'pause' && <PauseDialog onConfirm={pause} onCancel={() => setDialog(null)} />}
      {dialog === 'follow-up' && (
        <FollowUpDialog
          api={api}
          services={services}
          {...(ticket ? { serviceId: ticket.serviceId } : {})}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'visits' && (
        <VisitsDialog api={api} services={services} onClose={() => setDialog(null)} />
      )}
    </div>
  );
}
