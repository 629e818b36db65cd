import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '@skr/protocol/domain';
import type { KioskBridge, KioskConfig } from '@skr/protocol/kiosk-bridge';
import { api, pueSession } from '../api';
import { useIdleCountdown } from '../use-idle';
import { ButtonColumn, type ColumnButton } from '../button-column';
import { Screen } from '../ui';
import { DocDropoff } from './doc-dropoff';
import { PensionCalc } from './pension-calc';
import { PueAccountPick, type Choice } from './pue-account';
import { PueArchive } from './pue-archive';
import { PueData } from './pue-data';
import { PueInbox, useInboxUnread } from './pue-inbox';
import { PueInboxOpen } from './pue-inbox-open';
import type { PueAnswer } from '@skr/protocol/pue-inbox';
import { PueLogin, type Signed } from './pue-login';

type Sub =
  'login' | 'account' | 'menu' | 'data' | 'archive' | 'docs' | 'pension' | 'inbox' | 'answer';
/** Seconds before the end when the "are you still there?" notice appears. */
const WARN_AT_MAX = 15;

/**
 * The urzędomat session: sign-in, account and role, then data, archive orders and documents.
 * It ends after `idleSeconds` without a touch, when the card used to sign in leaves the reader,
 * or on sign-out; `onEnd` then wipes the page.
 */
export function SelfService(props: {
  bridge: KioskBridge;
  config: KioskConfig;
  cardReader: boolean;
  lang: Lang;
  onEnd: () => void;
}) {
  const { t } = useTranslation();
  const [sub, setSub] = useState<Sub>('login');
  const [signed, setSigned] = useState<Signed | null>(null);
  const [choice, setChoice] = useState<Choice | null>(null);
  const [answer, setAnswer] = useState<PueAnswer | null>(null);
  // The inbox is the person's, whatever account or role: its count is asked on each menu visit.
  const unread = useInboxUnread(signed?.token, sub === 'menu');

  const end = useCallback(() => {
    // Best effort: the portal session also expires on its own.
    const token = signed?.token;
    const done = () => props.onEnd();
    if (token)
      void api
        .call('pueLogout', pueSession(token))
        .catch(() => undefined)
        .finally(done);
    else done();
    void props.bridge.call('cardEnd', {}).catch(() => undefined);
  }, [signed, props]);
  const left = useIdleCountdown(props.config.idleSeconds, end);
  const WARN_AT = Math.min(WARN_AT_MAX, Math.floor(props.config.idleSeconds / 2));
  useEffect(
    () =>
      props.bridge.onEvent((e) => {
        if (e.type === 'card' && !e.present && signed?.byCard) end();
      }),
    [props.bridge, signed, end],
  );
  useEffect(() => document.getElementById('screen-title')?.focus(), [sub]);
  const insured = choice?.role === 'insured';
  const changeAccount = () => (setChoice(null), setSub('account'));
  const inboxLabel = unread ? t('inbox.menu', { count: unread }) : t('inbox.menuNone');
  const menu: ColumnButton[] = [
    [t('pue.data'), () => setSub('data'), 'menu-data'],
    [inboxLabel, () => setSub('inbox'), 'menu-inbox'],
    [t('pue.archive'), () => setSub('archive'), 'menu-archive'],
    ...(insured ? [[t('pue.pensionCalc'), () => setSub('pension'), 'menu-pension'] as const] : []),
    [t('pue.documents'), () => setSub('docs'), 'menu-docs'],
    [t('pue.changeAccount'), changeAccount, 'menu-change-account', true],
    [t('pue.logout'), end, 'menu-logout', true],
  ];

  return (
    <div className="self-service">
      <div className="session-bar">
        {signed && <span data-testid="signed-in">{t('pue.hello', { name: signed.name })}</span>}
        <span
          className={left <= WARN_AT ? 'countdown warn' : 'countdown'}
          data-testid="countdown"
          aria-live={left <= WARN_AT ? 'assertive' : 'off'}
        >
          {t('pue.idle', { count: left })}
        </span>
        <button type="button" className="small" onClick={end} data-testid="logout">
          {signed ? t('pue.logout') : t('app.home')}
        </button>
      </div>
      {left <= WARN_AT && (
        <p className="banner" role="alert" data-testid="still-there">
          {t('pue.stillThere')}
        </p>
      )}
      {sub === 'login' && (
        <PueLogin
          bridge={props.bridge}
          pinpad={props.config.pinpad}
          cardReader={props.cardReader}
          onSigned={(s) => (setSigned(s), setSub('account'))}
          onBack={end}
        />
      )}
      {sub === 'account' && signed && (
        <PueAccountPick
          token={signed.token}
          onChosen={(c) => (setChoice(c), setSub('menu'))}
          onBack={end}
        />
      )}
      {sub === 'menu' && choice && (
        <Screen title={t('pue.menu')} testId="pue-menu">
          <p>
            {t(`pue.accountKinds.${choice.account.kind}`)}: {choice.account.ownerName}
            {choice.role ? ` · ${t(`pue.roles.${choice.role}`)}` : ''}
          </p>
          <ButtonColumn buttons={menu} />
        </Screen>
      )}
      {sub === 'data' && signed && choice && (
        <PueData
          token={signed.token}
          choice={choice}
          lang={props.lang}
          onBack={() => setSub('menu')}
        />
      )}
      {sub === 'archive' && signed && choice && (
        <PueArchive token={signed.token} choice={choice} onBack={() => setSub('menu')} />
      )}
      {sub === 'inbox' && signed && (
        <PueInbox
          token={signed.token}
          onOpen={(a) => (setAnswer(a), setSub('answer'))}
          onBack={() => setSub('menu')}
        />
      )}
      {sub === 'answer' && signed && answer && (
        <PueInboxOpen
          bridge={props.bridge}
          token={signed.token}
          byCard={signed.byCard}
          answer={answer}
          lang={props.lang}
          onBack={() => (setAnswer(null), setSub('inbox'))}
        />
      )}
      {sub === 'pension' && signed && choice && (
        <PensionCalc token={signed.token} choice={choice} onBack={() => setSub('menu')} />
      )}
      {sub === 'docs' && signed && (
        <DocDropoff
          bridge={props.bridge}
          token={signed.token}
          byCard={signed.byCard}
          lang={props.lang}
          onBack={() => setSub('menu')}
          onFinish={() => setSub('menu')}
        />
      )}
    </div>
  );
}
