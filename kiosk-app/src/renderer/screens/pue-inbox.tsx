import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PueAnswer } from '@skr/protocol/pue-inbox';
import { api, pueSession } from '../api';
import { DataTable } from '../data-table';
import { formatDate } from '../format';
import { ErrorBox, Screen } from '../ui';
import { useLoad } from '../use-load';

/** How many answers are unread, asked when `active` turns on (null until known or on failure). */
export function useInboxUnread(token: string | undefined, active: boolean): number | null {
  const [unread, setUnread] = useState<number | null>(null);
  useEffect(() => {
    if (!token || !active) return;
    let live = true;
    api
      .call('pueInbox', pueSession(token))
      .then((l) => live && setUnread(l.unread))
      // The menu still works without the count; the inbox itself shows the error.
      .catch(() => live && setUnread(null));
    return () => {
      live = false;
    };
  }, [token, active]);
  return unread;
}

/** The inbox: answers from ZUS, newest first, one row each with its "Otwórz" button. */
export function PueInbox(props: {
  token: string;
  onOpen: (answer: PueAnswer) => void;
  onBack: () => void;
}) {
  const { t } = useTranslation();
  const { data, error } = useLoad(
    () => api.call('pueInbox', pueSession(props.token)),
    [props.token],
  );
  const items = data?.items;
  return (
    <Screen title={t('inbox.title')} onBack={props.onBack} testId="pue-inbox">
      <ErrorBox error={error} />
      {items && items.length === 0 && <p data-testid="inbox-empty">{t('inbox.empty')}</p>}
      {items && items.length > 0 && (
        <DataTable
          caption={t('inbox.caption')}
          columns={[
            t('inbox.colTitle'),
            t('inbox.colDate'),
            t('inbox.colSender'),
            t('inbox.colAction'),
          ]}
          testId="inbox"
          rows={items.map((a) => ({
            key: a.id,
            className: a.state,
            cells: [
              <>
                {a.state === 'unread' && <strong>{t('inbox.unread')}: </strong>}
                {a.title}
              </>,
              formatDate(a.date),
              a.sender,
              <button
                type="button"
                className="small"
                onClick={() => props.onOpen(a)}
                aria-label={`${t('inbox.open')}: ${a.title}`}
                data-testid={`open-${a.id}`}
              >
                {t('inbox.open')}
              </button>,
            ],
          }))}
        />
      )}
    </Screen>
  );
}
