import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '@skr/protocol/domain';
import type { KioskBridge } from '@skr/protocol/kiosk-bridge';
import type { KioskOpenAnswerResult, PueAnswer } from '@skr/protocol/pue-inbox';
import { api, pueSession } from '../api';
import { Fact } from '../data-table';
import { formatDate, formatDateTime } from '../format';
import { ErrorBox, Screen } from '../ui';
import { SignPin } from './sign-pin';

/**
 * Opening one answer: first its UPD when it needs one and has none (after a card login the
 * 6-digit signature PIN, after a password login "Potwierdzam odbiór"), then the answer is
 * fetched by the kiosk host, its summary printed, and title, date and UPD shown.
 */
export function PueInboxOpen(props: {
  bridge: KioskBridge;
  token: string;
  byCard: boolean;
  answer: PueAnswer;
  lang: Lang;
  onBack: () => void;
}) {
  const { t } = useTranslation();
  const { answer, token } = props;
  const needsUpd = answer.requiresUpd && !answer.upd;
  const [opened, setOpened] = useState<KioskOpenAnswerResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function step(run: () => Promise<unknown>) {
    setBusy(true);
    setError(null);
    try {
      await run();
      setOpened(
        await props.bridge.call('openAnswer', {
          answerId: answer.id,
          pueSession: token,
          lang: props.lang,
        }),
      );
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  const confirm = () =>
    step(() =>
      api.call('pueSignUpd', {
        params: { answerId: answer.id },
        body: { method: 'confirm' },
        ...pueSession(token),
      }),
    );
  const sign = (pin: string) =>
    step(() => props.bridge.call('signUpdByCard', { answerId: answer.id, pueSession: token, pin }));
  // An answer that needs no (new) UPD opens at once, once.
  const started = useRef(false);
  useEffect(() => {
    if (needsUpd || started.current) return;
    started.current = true;
    void step(async () => undefined);
  });

  if (opened) {
    const a = opened.answer;
    return (
      <Screen title={a.title} onBack={props.onBack} testId="pue-answer">
        <dl className="facts">
          <Fact term={t('inbox.date')}>{formatDate(a.date)}</Fact>
          <Fact term={t('inbox.sender')}>{a.sender}</Fact>
          <Fact term={t('inbox.reference')}>{a.reference}</Fact>
          {a.upd && (
            <Fact term={t('inbox.upd')} testId="answer-upd">
              {a.upd.updId}, {formatDateTime(a.upd.signedAt)}
            </Fact>
          )}
        </dl>
        <p
          className={opened.printed ? 'status ok' : 'status warn'}
          role="status"
          data-testid="answer-printed"
          data-printed={opened.printed}
        >
          {opened.printed ? t('inbox.printed') : t('inbox.notPrinted')}
        </p>
      </Screen>
    );
  }
  const about = (
    <>
      <strong>{answer.title}</strong> ({formatDate(answer.date)})
    </>
  );
  // After a card login the card's signature PIN signs the UPD (the drop-off's PIN screen).
  if (needsUpd && props.byCard)
    return (
      <SignPin
        busy={busy}
        error={error}
        onSign={(pin) => void sign(pin)}
        onBack={props.onBack}
        title={t('inbox.updTitle')}
        hint={
          <>
            {about}. {t('inbox.updWhy')} {t('inbox.updCardHint')}
          </>
        }
        submitLabel={t('inbox.sign')}
        testId="pue-upd"
      />
    );
  return (
    <Screen title={t('inbox.updTitle')} onBack={props.onBack} testId="pue-upd">
      <p>{about}</p>
      <ErrorBox error={error} />
      {needsUpd && (
        <>
          <p>{t('inbox.updWhy')}</p>
          <p>{t('inbox.updConfirmHint')}</p>
          <button
            type="button"
            className="big primary"
            onClick={() => void confirm()}
            disabled={busy}
            data-testid="upd-confirm"
          >
            {t('inbox.confirm')}
          </button>
        </>
      )}
      {busy && (
        <p role="status" data-testid="answer-busy">
          {t('inbox.opening')}
        </p>
      )}
    </Screen>
  );
}
