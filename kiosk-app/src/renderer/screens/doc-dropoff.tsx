import { useEffect, useState } from 'react';
import { isSkrError } from '@skr/protocol/errors';
import { useTranslation } from 'react-i18next';
import type { Lang, Localized } from '@skr/protocol/domain';
import type { KioskBridge, KioskFile, KioskSubmitResult } from '@skr/protocol/kiosk-bridge';
import { api } from '../api';
import { BigButton, ErrorBox, Screen } from '../ui';
import { SignPin } from './sign-pin';
import { fileAndForm } from './dropoff-steps';

interface Form {
  code: string;
  names: Localized;
}

/** A refused file told as such ("this is not a PDF"), any other failure as usual. */
export function FileError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const reason = isSkrError(error) ? error.details?.reason : undefined;
  if (reason === 'NOT_PDF' || reason === 'NOT_IMAGE')
    return (
      <p className="error" role="alert" data-code={reason}>
        {t(reason === 'NOT_PDF' ? 'docs.notPdf' : 'docs.notImage')}
      </p>
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
  const [forms, setForms] = useState<Form[]>([]);
  const [files, setFiles] = useState<KioskFile[] | null>(null);
  const [form, setForm] = useState<Form | null>(null);
  const [file, setFile] = useState<KioskFile | null>(null);
  const [result, setResult] = useState<KioskSubmitResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [signing, setSigning] = useState(false);
  useEffect(() => {
    api
      .call('documentForms')
      .then((r) => setForms(r.forms))
      .catch(setError);
  }, []);
  useEffect(() => {
    if (form)
      props.bridge
        .call('listFiles', {})
        .then((r) => setFiles(r.files))
        .catch(setError);
  }, [form, props.bridge]);
  async function submit(signPin?: string) {
    if (!form || !file) return;
    setBusy(true);
    setError(null);
    try {
      setResult(
        await props.bridge.call('submitDocument', {
          ...fileAndForm(file, form, props.lang),
          ...(props.token ? { pueSession: props.token } : {}),
          ...(signPin ? { signPin } : {}),
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
        <div className="grid-1">
          <BigButton
            label={t('docs.another')}
            onClick={() => {
              setResult(null);
              setSigning(false);
              setFile(null);
              setForm(null);
              setFiles(null);
            }}
            testId="doc-another"
          />
          <BigButton
            label={t('docs.backToMenu')}
            onClick={props.onFinish}
            variant="secondary"
            testId="doc-finish"
          />
        </div>
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
      <Screen title={t('docs.file')} onBack={() => setForm(null)} testId="doc-file">
        <ErrorBox error={error} />
        {files?.length === 0 && <p>{t('docs.noFiles')}</p>}
        <div className="grid-1">
          {files?.map((f) => (
            <BigButton
              key={`${f.source}/${f.name}`}
              label={f.name}
              hint={`${t(`docs.${f.source}`)} · ${Math.ceil(f.bytes / 1024)} kB`}
              onClick={() => setFile(f)}
              testId={`file-${f.name}`}
            />
          ))}
        </div>
      </Screen>
    );
  return (
    <Screen title={t('docs.form')} onBack={props.onBack} testId="doc-form">
      <ErrorBox error={error} />
      <div className="grid-2">
        {forms.map((f) => (
          <BigButton
            key={f.code}
            label={f.names[props.lang]}
            hint={f.code}
            onClick={() => setForm(f)}
            testId={`form-${f.code.replace(/\W+/g, '-')}`}
          />
        ))}
      </div>
    </Screen>
  );
}
