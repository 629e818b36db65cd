import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentForm } from '@skr/protocol/branch-pue';
import type { Lang } from '@skr/protocol/domain';
import type { KioskAnonSubmitResult, KioskBridge, KioskFile } from '@skr/protocol/kiosk-bridge';
import { ButtonColumn } from '../button-column';
import { BigButton, Screen } from '../ui';
import { useAction } from '../use-action';
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
  const { busy, error, setError, run } = useAction();
  const submit = () =>
    run(async () => {
      if (!form || !file || !who) return;
      const submitter = who.submitter;
      setResult(
        await props.bridge.call('submitAnonymous', {
          ...fileAndForm(file, form, props.lang),
          submitter,
        }),
      );
    });
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
      <FormStep
        title={t('anon.title')}
        lang={props.lang}
        onPick={setForm}
        onBack={props.onBack}
        testId="anon-form"
        itemTestId="anon-form-"
      />
    );
  if (!file)
    return (
      <FileStep
        bridge={props.bridge}
        onPick={setFile}
        onBack={() => setForm(null)}
        testId="anon-file"
        itemTestId="anon-file-"
      />
    );
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
      <ButtonColumn
        buttons={[
          [t('anon.another'), props.onAnother, 'anon-another'],
          [t('anon.lookup'), props.onLookup, 'anon-go-lookup', true],
          [t('anon.finish'), props.onDone, 'anon-finish', true],
        ]}
      />
    </Screen>
  );
}
