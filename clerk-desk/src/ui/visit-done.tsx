import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { VisitSummary } from '@skr/protocol/calendar';
import type { Lang } from '@skr/protocol/domain';
import { branchClock } from './branch-time';
import { Modal } from './modal';
import { PrintSlip } from './visit-slip';

/** A visit's day and hour in the clerk's language, on the branch's calendar. */
export function visitWhen(visit: VisitSummary, lang: Lang, t: TFunction): string {
  return t('followUp.when', {
    day: branchClock.format(visit.start, lang, { dateStyle: 'full' }),
    time: visit.time,
  });
}

/** The test ids of a {@link VisitDone}'s code, day and hour, status line and print button. */
export type VisitDoneTestIds = readonly [code: string, when: string, status: string, print: string];

/**
 * The end of a desk dialog that booked, moved or cancelled a visit: its day and hour, then what
 * was done (`children`, the status line); a `fresh` visit (booked or moved) also shows its code
 * and the slip to print. Confirm and Cancel both close it.
 */
export function VisitDone(props: {
  title: string;
  visit: VisitSummary;
  serviceName: string;
  fresh: boolean;
  lang: Lang;
  testIds: VisitDoneTestIds;
  onClose(): void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const { visit, lang } = props;
  const [codeId, whenId, statusId, printId] = props.testIds;
  return (
    <Modal title={props.title} onConfirm={props.onClose} onCancel={props.onClose}>
      {props.fresh && (
        <p className="follow-up-code" data-testid={codeId}>
          {visit.code}
        </p>
      )}
      <p data-testid={whenId}>{visitWhen(visit, lang, t)}</p>
      <p role="status" data-testid={statusId}>
        {props.children}
      </p>
      {props.fresh && (
        <PrintSlip visit={visit} serviceName={props.serviceName} lang={lang} testId={printId} />
      )}
    </Modal>
  );
}
