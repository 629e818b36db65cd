import { useCallback, useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { arrangeCalls } from '../arrange-calls';
import { visibleCalls } from '../board-state';
import type { DisplayClient } from '../display-client';
import type { UiLang } from '../i18n';
import { CallHistory } from './call-history';
import { Clock } from './clock';
import { LatestCall } from './latest-call';
import { MessageLine } from './message-line';
import { PairingNotice } from './pairing-notice';
import { WaitingLines } from './waiting-lines';

/** The whole waiting-room screen, drawn from the client's state. */
export function Board({ client, lang }: { client: DisplayClient; lang: UiLang }) {
  const { t } = useTranslation();
  const view = useSyncExternalStore(client.subscribe, client.getState);
  // Announcements played and failed, for tests and a technician: written to the element
  // directly, so the end of each announcement is not a render of the whole board.
  const audioState = useRef<HTMLDivElement>(null);
  useEffect(
    () =>
      client.watchAudio((log) => {
        audioState.current?.setAttribute('data-played', String(log.played.length));
        audioState.current?.setAttribute('data-failed', String(log.failed));
      }),
    [client],
  );
  const { board, config } = view;
  const { latest, history } = useMemo(
    () =>
      arrangeCalls(
        visibleCalls(board.calls, config.services),
        config.historySize,
        view.presenting,
        view.unheard,
      ),
    [board.calls, config.services, config.historySize, view.presenting, view.unheard],
  );
  // A call always names a counter of the snapshot; '…' rather than the internal id otherwise.
  // Kept while the counters stay the same object, so the memoised panels skip a call's render.
  const counterOf = useCallback(
    (id: number) => board.counters[id] ?? { sign: '…', name: '' },
    [board.counters],
  );
  if (view.status === 'unauthorized') return <PairingNotice revoked />;
  return (
    <div className="board" data-testid="board" data-status={view.status}>
      <header className="board-header">
        <h1>{t('board.title')}</h1>
        <Clock clock={client.clock} />
      </header>
      {view.status === 'offline' && (
        <div className="offline" role="alert" data-testid="offline">
          {t('board.offline')}
        </div>
      )}
      <LatestCall
        call={latest}
        counter={latest ? counterOf(latest.counterId) : undefined}
        flash={view.flash}
      />
      <CallHistory
        calls={history}
        unheard={view.unheard}
        size={config.historySize}
        counterOf={counterOf}
      />
      <WaitingLines
        lines={board.lines}
        services={view.services}
        only={config.services}
        lang={lang}
      />
      <MessageLine text={config.message} />
      <div hidden data-testid="audio-state" ref={audioState} />
    </div>
  );
}
