import type { AuditEntry } from '@skr/protocol/manager';
import { useTranslation } from 'react-i18next';
import { branchDateTime } from '../../ui/branch-time';
import { Card } from '../card';

const show = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

/** The latest configuration changes: who, when, what (before → after). */
export function AuditList({ entries }: { entries: AuditEntry[] }) {
  const { t } = useTranslation();
  return (
    <Card id="cfg-audit" title={t('config.audit')} testId="audit">
      <div className="mgr-scroll">
        <table className="mgr-table">
          <thead>
            <tr>
              <th scope="col">{t('config.at')}</th>
              <th scope="col">{t('config.who')}</th>
              <th scope="col">{t('config.what')}</th>
              <th scope="col">{t('config.change')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id}>
                <td>{branchDateTime(e.at, document.documentElement.lang)}</td>
                <td>{e.actor.replace(/^user:/, '')}</td>
                <td>
                  {t(`config.entity.${e.entity}`)} {e.entityId} · {t(`config.action.${e.action}`)}
                </td>
                <td>
                  {Object.entries(e.diff)
                    .map(([k, d]) => `${k}: ${show(d.before)} → ${show(d.after)}`)
                    .join('; ')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}
