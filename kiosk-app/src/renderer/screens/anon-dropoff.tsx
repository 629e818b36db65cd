import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentForm } from '@skr/protocol/branch-pue';
import type { Lang } from '@skr/protocol/domain';
import type { KioskAnonSubmitResult, KioskBridge, KioskFile } from '@skr/protocol/kiosk-bridge';
import { BigButton, Screen } from '../ui';
import { AnonSubmitter, type ChosenSubmitter } from './anon-submitter';
import { FileError } from './doc-dropoff';
import { FileStep, FormStep, fileAndForm } from './dropoff-steps';

/**
 * "Złóż dokument (bez logowania)": form → paper or file → who submits → confirm → the branch
 * receipt. Several documents in one visit: "Złóż kolejny dokument" starts again keeping who
 * submits; "Sprawdź potwierdzenie (UPP)" leads to the lookup.
 */
export function AnonDropoff(props: {
  bridge: KioskBridge;
  lang: Lang;
  cardReader: boolean;
  onBack: () => void;
  onLookup: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [form, setForm] = useState<DocumentForm | null>(null);
  const [file, setFile] = useState<KioskFile | null>(null);
  const [who, setWho] = useState<ChosenSubmitter | null>(null);
  const [result, setResult] = useState<KioskAnonSubmitResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  async function submit() {
    if (!form || !file || !who) return;
    setBusy(true);
    setError(null);
    try {
      setResult(
        await props.bridge.call('submitAnonymous', {
          ...fileAndForm(file, form, props.lang),
          submitter: who.submitter,
        }),
      );
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  if (result)
    return (
      <AnonDone
        result={result}
        onAnother={() => {
          // The same client hands in the next one: who submits is kept, form and file are not.
          setResult(null);
          setForm(null);
          setFile(null);
        }}
        onLookup={props.onLookup}
        onDone={props.onDone}
      />
    );
  if (!form)
    return (
      <FormStep title={t('anon.title')} lang={props.lang} onPick={setForm} onBack={props.onBack} />
    );
  if (!file)
    return <FileStep bridge={props.bridge} onPick={setFile} onBack={() => setForm(null)} />;
  if (!who)
    return (
      <AnonSubmitter
        bridge={props.bridge}
        cardReader={props.cardReader}
        onChosen={setWho}
        onBack={() => setFile(null)}
      />
    );
  return (
    <Screen
      title={t('docs.confirm')}
      onBack={() => (setWho(null), setError(null))}
      testId="anon-confirm"
    >
      <FileError error={error} />
      <p data-testid="anon-summary">
        {t('anon.summary', { form: form.names[props.lang], file: file.name, name: who.name })}
      </p>
      <BigButton
        label={t('docs.submit')}
        onClick={() => void submit()}
        disabled={busy}
        testId="anon-submit"
      />
    </Screen>
  );
}

/** The end of a drop-off: the receipt's number and code on screen, honest about the UPP. */
function AnonDone(props: {
  result: KioskAnonSubmitResult;
  onAnother: () => void;
  onLookup: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const r = props.result;
  const no = r.receiptNo;
  const code = r.receiptCode;
  return (
    <Screen title={t('anon.done')} testId="anon-done">
      <p data-testid="anon-receipt-no">{t('anon.receiptNo', { no, code })}</p>
      <p role="status" data-testid="anon-status" data-status={r.status}>
        {r.uppId ? t('anon.delivered', { upp: r.uppId }) : t('anon.queued')}
      </p>
      <p>{r.printed ? t('anon.printed') : t('anon.notPrinted', { no, code })}</p>
      <div className="grid-1">
        <BigButton label={t('anon.another')} onClick={props.onAnother} testId="anon-another" />
        <BigButton
          label={t('anon.lookup')}
          onClick={props.onLookup}
          variant="secondary"
          testId="anon-go-lookup"
        />
        <BigButton
          label={t('anon.finish')}
          onClick={props.onDone}
          variant="secondary"
          testId="anon-finish"
        />
      </div>
    </Screen>
  );
}
