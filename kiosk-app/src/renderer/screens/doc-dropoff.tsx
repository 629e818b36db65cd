import { useState } from 'react';
import { isSkrError } from '@skr/protocol/errors';
import { useTranslation } from 'react-i18next';
import type { DocumentForm } from '@skr/protocol/branch-pue';
import type { Lang } from '@skr/protocol/domain';
import type { KioskBridge, KioskFile, KioskSubmitResult } from '@skr/protocol/kiosk-bridge';
import { ButtonColumn } from '../button-column';
import { BigButton, ErrorBox, ErrorText, Screen } from '../ui';
import { useAction } from '../use-action';
import { SignPin } from './sign-pin';
import { FileStep, FormStep, fileAndForm } from './dropoff-steps';

/** A refused file told as such ("this is not a PDF"), any other failure as usual. */
export function FileError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const reason = isSkrError(error) ? error.details?.reason : undefined;
  if (reason === 'NOT_PDF' || reason === 'NOT_IMAGE')
    return (
      <ErrorText code={reason}>
        {t(reason === 'NOT_PDF' ? 'docs.notPdf' : 'docs.notImage')}
      </ErrorText>
    );
  return <ErrorBox error={error} />;
}

/**
 * Drop off a document: form from the catalogue → file (USB or scanner) → confirm → receipt.
 * After it the client may drop off another one in the same session; `onFinish` goes back to
 * the session's menu, not out of the session.
 */
export function DocDropoff(props: {
  bridge: KioskBridge;
  token?: string;
  /** Signed in with the ID card: the document is signed with it ("podpis osobisty"). */
  byCard?: boolean;
  lang: Lang;
  onBack: () => void;
  onFinish: () => void;
}) {
  const { t } = useTranslation();
  const [form, setForm] = useState<DocumentForm | null>(null);
  const [file, setFile] = useState<KioskFile | null>(null);
  const [result, setResult] = useState<KioskSubmitResult | null>(null);
  const { busy, error, setError, run } = useAction();
  const [signing, setSigning] = useState(false);
  const submit = (signPin?: string) =>
    run(async () => {
      if (!form || !file) return;
      setResult(
        await props.bridge.call('submitDocument', {
          ...fileAndForm(file, form, props.lang),
          ...(props.token ? { pueSession: props.token } : {}),
          ...(signPin ? { signPin } : {}),
        }),
      );
    });
  const another = () => {
    setResult(null);
    setSigning(false);
    setFile(null);
    setForm(null);
  };
  if (result)
    return (
      <Screen title={t('docs.done')} testId="doc-done">
        <p role="status" data-testid="doc-status" data-status={result.status}>
          {result.status === 'delivered'
            ? t('docs.delivered', { upp: result.uppId })
            : t('docs.queued')}
        </p>
        {result.signed && <p data-testid="doc-signed">{t('docs.signed')}</p>}
        <p>
          {result.printed
            ? t('docs.receiptPrinted')
            : t('docs.receiptNotPrinted', { id: result.documentId })}
        </p>
        <ButtonColumn
          buttons={[
            [t('docs.another'), another, 'doc-another'],
            [t('docs.backToMenu'), props.onFinish, 'doc-finish', true],
          ]}
        />
      </Screen>
    );
  if (form && file && signing)
    return (
      <SignPin
        busy={busy}
        error={error}
        onSign={(pin) => void submit(pin)}
        onBack={() => (setSigning(false), setError(null))}
      />
    );
  if (form && file)
    return (
      <Screen
        title={t('docs.confirm')}
        onBack={() => (setFile(null), setError(null))}
        testId="doc-confirm"
      >
        <FileError error={error} />
        <p>{t('docs.summary', { form: form.names[props.lang], file: file.name })}</p>
        {props.byCard ? (
          <BigButton
            label={t('docs.sign')}
            onClick={() => (setError(null), setSigning(true))}
            testId="doc-sign"
          />
        ) : (
          <>
            {props.token && <p data-testid="doc-profile-signs">{t('docs.profileSigns')}</p>}
            <BigButton
              label={t('docs.submit')}
              onClick={() => void submit()}
              disabled={busy}
              testId="doc-submit"
            />
          </>
        )}
      </Screen>
    );
  if (form)
    return (
      <FileStep
        bridge={props.bridge}
        onPick={setFile}
        onBack={() => setForm(null)}
        testId="doc-file"
        itemTestId="file-"
      />
    );
  return (
    <FormStep
      title={t('docs.form')}
      lang={props.lang}
      onPick={setForm}
      onBack={props.onBack}
      testId="doc-form"
      itemTestId="form-"
    />
  );
}
