import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { VisitSummary } from '@skr/protocol/calendar';
import type { Lang } from '@skr/protocol/domain';
import { branchClock } from './branch-time';

// The desk's printed confirmation of a visit booked at the counter (issue 14). The desk is a
// browser page with no receipt printer of its own (receipt printers sit in the kiosks, behind the
// kiosk host), so it prints on the office printer through the browser: the slip is a print-only
// view and `window.print()` opens the system dialog. It fits an A6 sheet, or the top of an A4.

/** The QR options shared with the test: the same payload as the kiosk slip's QR, the code. */
export const SLIP_QR = { type: 'svg', margin: 1, errorCorrectionLevel: 'M' } as const;

/** The QR of `code` as an SVG data URL (pure JS, so a test can compute the same one). */
export async function slipQr(code: string): Promise<string> {
  const svg = await QRCode.toString(code, SLIP_QR);
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

/**
 * The print view of a visit: code, day, hour, service and the check-in QR, mounted beside the
 * app (`body > .print-slip`); the print CSS shows only it. Nothing of the person is on it.
 */
export function VisitSlip(props: { visit: VisitSummary; serviceName: string; lang: Lang }) {
  const { t } = useTranslation();
  const { visit, lang } = props;
  const [qr, setQr] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void slipQr(visit.code).then((u) => live && setQr(u));
    return () => {
      live = false;
    };
  }, [visit.code]);
  return createPortal(
    <article className="print-slip" data-testid="print-slip" lang={lang}>
      <h1>{t('slip.title')}</h1>
      <dl>
        <dt>{t('followUp.service')}</dt>
        <dd data-testid="slip-service">{props.serviceName}</dd>
        <dt>{t('followUp.day')}</dt>
        <dd data-testid="slip-day">
          {branchClock.format(visit.start, lang, { dateStyle: 'full' })}
        </dd>
        <dt>{t('followUp.hour')}</dt>
        <dd data-testid="slip-time">{visit.time}</dd>
        <dt>{t('slip.code')}</dt>
        <dd className="slip-code" data-testid="slip-code">
          {visit.code}
        </dd>
      </dl>
      {qr && <img src={qr} alt={t('slip.qr')} data-testid="slip-qr" width={160} height={160} />}
      <p>{t('slip.hint')}</p>
    </article>,
    document.body,
  );
}

/** "Drukuj potwierdzenie" with the print view of `visit` (a follow-up booked or a visit moved). */
export function PrintSlip(props: {
  visit: VisitSummary;
  serviceName: string;
  lang: Lang;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <button type="button" onClick={() => window.print()} data-testid={props.testId}>
        {t('slip.print')}
      </button>
      <VisitSlip visit={props.visit} serviceName={props.serviceName} lang={props.lang} />
    </>
  );
}
