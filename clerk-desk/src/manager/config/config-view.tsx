import type { AuditEntry, BranchConfig } from '@skr/protocol/manager';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ManagerApi } from '../api';
import { ErrorAlert } from '../error-alert';
import { AuditList } from './audit-list';
import { CountersEditor } from './counters-editor';
import { DevicesEditor } from './devices-editor';
import { ServicesEditor } from './services-editor';
import { SettingsEditor } from './settings-editor';
import { UsersEditor } from './users-editor';

/** The branch configuration: the admin edits, the manager reads; every change is audited. */
export function ConfigView({ api, canEdit }: { api: ManagerApi; canEdit: boolean }) {
  const { t } = useTranslation();
  const [config, setConfig] = useState<BranchConfig | null>(null);
  const [audit, setAudit] = useState<AuditEntry[]>([]);
  const [error, setError] = useState<unknown>(null);
  const reload = useCallback(async () => {
    try {
      const [c, a] = await Promise.all([api.config(), api.audit(50)]);
      setConfig(c);
      setAudit(a.entries);
      setError(null);
    } catch (e) {
      setError(e);
    }
  }, [api]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return (
    <div className="mgr-config">
      {!canEdit && <p className="mgr-note">{t('config.readOnly')}</p>}
      <ErrorAlert error={error} />
      {config && (
        <>
          <ServicesEditor api={api} services={config.services} canEdit={canEdit} reload={reload} />
          <SettingsEditor
            key={JSON.stringify(config.settings)}
            api={api}
            settings={config.settings}
            canEdit={canEdit}
            reload={reload}
          />
          <CountersEditor api={api} items={config.counters} canEdit={canEdit} reload={reload} />
          <UsersEditor api={api} items={config.users} canEdit={canEdit} reload={reload} />
          <DevicesEditor api={api} devices={config.devices} canEdit={canEdit} reload={reload} />
          <AuditList entries={audit} />
        </>
      )}
    </div>
  );
}
