import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isSkrError } from '@skr/protocol/errors';
import type { KioskBridge, KioskReceiptLookupResult } from '@skr/protocol/kiosk-bridge';
import type { Lang } from '@skr/protocol/domain';
import { KioskForm, SubmitButton, TextField } from '../form-parts';
import { BigButton, ErrorBox, ErrorText, Screen } from '../ui';
import { useAction } from '../use-action';

const NUMBER = /^D-\d{4}-\d{6,}$/;
const CODE = /^[A-HJ-NP-Z2-9]{6}$/;

/**
 * What the scanner or the client typed into the number field: the receipt's QR holds
 * "D-2026-000123/K7QX9P", so a "/" carries the code over to its own field (whole, when pasted).
 */
export function splitReceiptInput(v: string): { receiptNo: string; code?: string } {
  const [no = '', code] = v.toUpperCase().split('/');
  const receiptNo = no.replace(/[^D0-9-]/g, '').slice(0, 16);
  return code === undefined ? { receiptNo } : { receiptNo, code: cleanCode(code) };
}

const cleanCode = (v: string) =>
  v
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '')
    .slice(0, 6);

/**
 * "Sprawdź potwierdzenie (UPP)": the receipt's QR on the kiosk's scanner (it types into the
 * focused field, as at check-in) or number and code typed. Prints the real UPP when the portal
 * has issued it; otherwise says there is none yet, and why.
 */
export function UppLookup(props: { bridge: KioskBridge; lang: Lang; onBack: () => void }) {
  const { t } = useTranslation();
  const [receiptNo, setReceiptNo] = useState('');
  const [code, setCode] = useState('');
  const { busy, error, run } = useAction();
  const [result, setResult] = useState<KioskReceiptLookupResult | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const codeInput = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (!result) input.current?.focus();
  }, [result]);
  const ready = NUMBER.test(receiptNo) && CODE.test(code);
  async function check(no = receiptNo, c = code) {
    if (busy || !NUMBER.test(no) || !CODE.test(c)) return;
    await run(async () =>
      setResult(
        await props.bridge.call('lookupReceipt', { receiptNo: no, code: c, lang: props.lang }),
      ),
    );
  }
  if (result)
    return (
      <Screen title={t('anon.lookup')} onBack={props.onBack} testId="upp-result">
        <p role="status" data-testid="upp-status" data-status={result.status}>
          {result.uppId ? t('anon.lookupDelivered', { upp: result.uppId }) : t('anon.lookupQueued')}
        </p>
        {result.uppId && (
          <p data-testid="upp-printed">
            {result.printed
              ? t('anon.lookupPrinted')
              : t('anon.lookupNotPrinted', { upp: result.uppId })}
          </p>
        )}
        <BigButton
          label={t('anon.lookupAgain')}
          onClick={() => {
            setResult(null);
            setReceiptNo('');
            setCode('');
          }}
          testId="upp-again"
        />
      </Screen>
    );
  const notFound = isSkrError(error) && error.code === 'NOT_FOUND';
  return (
    <Screen title={t('anon.lookup')} onBack={props.onBack} testId="upp-lookup">
      {notFound ? (
        <ErrorText code="NOT_FOUND">{t('anon.lookupNotFound')}</ErrorText>
      ) : (
        <ErrorBox error={error} />
      )}
      <p id="upp-scan-hint" className="hint">
        {t('anon.lookupScan')}
      </p>
      <KioskForm onSubmit={() => void check()}>
        <TextField
          id="upp-receipt-no"
          label={t('anon.lookupNo')}
          ref={input}
          value={receiptNo}
          onChange={(e) => {
            const s = splitReceiptInput(e.target.value);
            setReceiptNo(s.receiptNo);
            // The scanner types key by key: after the "/" the rest is the code, in its field.
            if (s.code !== undefined) {
              setCode(s.code);
              codeInput.current?.focus();
            }
          }}
          spellCheck={false}
          aria-describedby="upp-scan-hint"
          data-autofocus
        />
        <TextField
          id="upp-code"
          label={t('anon.lookupCode')}
          ref={codeInput}
          value={code}
          onChange={(e) => setCode(cleanCode(e.target.value))}
          spellCheck={false}
        />
        <SubmitButton
          label={t('anon.lookupSubmit')}
          disabled={!ready || busy}
          testId="upp-submit"
        />
      </KioskForm>
    </Screen>
  );
}
