import type { DeviceKind } from '@skr/protocol/http';
import type { DeviceInfo } from '@skr/protocol/manager';
import { defaultDisplayConfig, type DisplayConfig } from '@skr/protocol/socket';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { branchDateTime } from '../../ui/branch-time';
import { SelectField, optionsOf } from '../../ui/select-field';
import { TextField } from '../../ui/text-field';
import { SaveStatus, useSave } from './use-save';
import { Card } from '../card';
import type { EditorProps } from './editor-props';
import { NumberField } from './number-field';
import { RowForm } from './row-form';

const VOICES: readonly DisplayConfig['voiceLang'][] = ['pl', 'en', 'uk'];
const KINDS: readonly DeviceKind[] = ['display', 'kiosk', 'board'];
/** A screen's number settings: the field, its label and the range the server accepts. */
const NUMBERS = [
  ['volume', 'config.volume', { min: 0, max: 1, step: 0.1 }],
  ['historySize', 'config.history', { min: 6, max: 10 }],
] as const;

function DisplaySettings(props: EditorProps & { device: DeviceInfo }) {
  const { t } = useTranslation();
  const [c, setC] = useState<DisplayConfig>(props.device.displayConfig ?? defaultDisplayConfig);
  return (
    <RowForm
      editor={props}
      save={() => props.api.saveDisplay(props.device.id, c)}
      label={`${t('config.screen')}: ${props.device.name}`}
    >
      <TextField
        label={t('config.screenServices')}
        labelClassName="wide"
        value={c.services.join(', ')}
        onValue={(v) =>
          setC({
            ...c,
            services: v
              .split(',')
              .map((s) => s.trim())
              .filter(Boolean),
          })
        }
      />
      <SelectField
        label={t('config.voice')}
        value={c.voiceLang}
        options={optionsOf(VOICES, (l) => l.toUpperCase())}
        onValue={(voiceLang) => setC({ ...c, voiceLang })}
      />
      {NUMBERS.map(([k, label, range]) => (
        <NumberField
          key={k}
          label={t(label)}
          {...range}
          value={c[k]}
          onValue={(v) => setC({ ...c, [k]: v })}
        />
      ))}
      <TextField
        label={t('config.message')}
        labelClassName="wide"
        value={c.message}
        maxLength={300}
        onValue={(message) => setC({ ...c, message })}
      />
    </RowForm>
  );
}

/** The kind and name fields both pairing forms ask for. */
function KindAndName(props: {
  kind: DeviceKind;
  name: string;
  setKind: (k: DeviceKind) => void;
  setName: (n: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <SelectField
        label={t('config.kind')}
        value={props.kind}
        options={optionsOf(KINDS, (k) => t(`monitor.kinds.${k}`))}
        onValue={props.setKind}
      />
      <TextField
        label={t('config.name')}
        value={props.name}
        onValue={props.setName}
        required
        maxLength={80}
      />
    </>
  );
}

/** The kind and name of a device being paired, and their fields. */
function useDeviceFields() {
  const [kind, setKind] = useState<DeviceKind>('display');
  const [name, setName] = useState('');
  const fields = <KindAndName kind={kind} name={name} setKind={setKind} setName={setName} />;
  return { kind, name, clearName: () => setName(''), fields };
}

/**
 * Pairing by the code a new screen or kiosk shows (issue 13): the admin types it with the
 * device's kind and name; the device collects its own credential, so no token is shown here.
 */
function PairByCode(props: EditorProps) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const { kind, name, clearName, fields } = useDeviceFields();
  const [paired, setPaired] = useState<string | null>(null);
  const { save, message } = useSave(props.reload);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setPaired(null);
    void save(async () => {
      const d = await props.api.approvePairing(code, kind, name);
      setPaired(d.name);
      setCode('');
      clearName();
    });
  };
  return (
    <form className="mgr-row-form" onSubmit={submit} aria-label={t('config.pairByCode')}>
      <TextField
        label={t('config.pairCode')}
        value={code}
        onValue={setCode}
        required
        maxLength={16}
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
      />
      {fields}
      <button type="submit">{t('config.pairByCode')}</button>
      {paired && (
        <p role="status" data-testid="paired-by-code">
          {t('config.pairedByCode', { name: paired })}
        </p>
      )}
      <SaveStatus message={message} />
    </form>
  );
}

/** Paired devices: pair by code (or by a token shown once), revoke, each screen's settings. */
export function DevicesEditor(props: EditorProps & { devices: DeviceInfo[] }) {
  const { t } = useTranslation();
  const { kind, name, clearName, fields } = useDeviceFields();
  const [token, setToken] = useState<string | null>(null);
  const { save, message } = useSave(props.reload);
  const pair = (e: FormEvent) => {
    e.preventDefault();
    void save(async () => {
      const d = await props.api.createDevice(kind, name);
      setToken(d.token);
      clearName();
    });
  };
  return (
    <Card id="cfg-devices" title={t('config.devices')}>
      <ul className="mgr-device-list">
        {props.devices.map((d) => (
          <li key={d.id} data-testid={`cfg-device-${d.name}`}>
            <strong>
              {t(`monitor.kinds.${d.kind}`)}: {d.name}
            </strong>{' '}
            <span>
              {d.revokedAt
                ? `${t('config.revoked')} ${branchDateTime(d.revokedAt, document.documentElement.lang)}`
                : `${t('config.created')} ${branchDateTime(d.createdAt, document.documentElement.lang)}`}
            </span>{' '}
            {!d.revokedAt && props.canEdit && (
              <button
                onClick={() => void save(() => props.api.revokeDevice(d.id))}
                aria-label={`${t('config.revoke')}: ${d.name}`}
              >
                {t('config.revoke')}
              </button>
            )}
            {!d.revokedAt && d.kind === 'display' && (
              <DisplaySettings
                key={JSON.stringify(d.displayConfig)}
                device={d}
                api={props.api}
                canEdit={props.canEdit}
                reload={props.reload}
              />
            )}
          </li>
        ))}
      </ul>
      {props.canEdit && (
        <PairByCode api={props.api} canEdit={props.canEdit} reload={props.reload} />
      )}
      {props.canEdit && (
        <form className="mgr-row-form" onSubmit={pair} aria-label={t('config.pair')}>
          {fields}
          <button type="submit">{t('config.pair')}</button>
        </form>
      )}
      {token && (
        <p className="mgr-token" role="status">
          {t('config.tokenOnce', { token })}
        </p>
      )}
      <SaveStatus message={message} />
    </Card>
  );
}
