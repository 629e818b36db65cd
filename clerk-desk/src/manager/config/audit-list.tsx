import type { AuditEntry } from '@skr/protocol/manager';
import { useTranslation } from 'react-i18next';
import { branchDateTime } from '../../ui/branch-time';
import { TableCard } from '../table-card';

const show = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

/** The latest configuration changes: who, when, what (before → after). */
export function AuditList({ entries }: { entries: AuditEntry[] }) {
  const { t } = useTranslation();
  return (
    <TableCard
      id="cfg-audit"
      title={t('config.audit')}
      testId="audit"
      scroll
      columns={[t('config.at'), t('config.who'), t('config.what'), t('config.change')]}
      rows={entries.map((e) => (
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
    />
  );
}
