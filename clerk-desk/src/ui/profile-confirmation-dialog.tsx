import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { isSkrError } from '@skr/protocol/errors';
import type {
  IdDocumentType,
  ProfileDecisionReceipt,
  RegistrationView,
} from '@skr/protocol/profile-confirmation';
import type { DeskApi } from '../api/api-client';
import { branchClock } from './branch-time';
import { errorText } from './error-text';
import { ModalDialog } from './modal-dialog';
import { SelectField, optionsOf } from './select-field';
import { TextField } from './text-field';

const DOC_TYPES: readonly IdDocumentType[] = ['dowod-osobisty', 'paszport', 'karta-pobytu'];

/** The server's refusal reasons (details.reason) and what the clerk reads for each. */
const REASON_KEYS: Record<string, string> = {
  expired: 'profile.errors.expired',
  'already-decided': 'profile.errors.alreadyDecided',
  'document-expired': 'profile.errors.documentExpired',
  'reason-required': 'profile.errors.reasonRequired',
  'portal-down': 'profile.errors.portalDown',
};

/** A failure of a lookup or decision in the clerk's words. */
function profileErrorText(t: TFunction, e: unknown): string {
  if (!isSkrError(e)) return errorText(t, e);
  const reason = e.details?.reason;
  if (reason === 'document-number')
    return t(
      e.details?.problem === 'check'
        ? 'profile.errors.documentCheck'
        : 'profile.errors.documentNumber',
    );
  if (typeof reason === 'string' && REASON_KEYS[reason]) return t(REASON_KEYS[reason]);
  if (e.code === 'NOT_FOUND') return t('profile.errors.notFound');
  if (e.code === 'UNAVAILABLE') return t('profile.errors.portalDown');
  return errorText(t, e);
}

type Notice = { kind: 'error' | 'done'; text: string };

/** Registration facts the clerk compares with the document: name, PESEL, date, days left. */
function RegistrationFacts({ reg }: { reg: RegistrationView }) {
  const { t, i18n } = useTranslation();
  const day = branchClock.format(`${reg.lastDay}T12:00:00Z`, i18n.language, { dateStyle: 'long' });
  const left =
    reg.daysLeft === 0 ? t('profile.lastDay') : t('profile.daysLeft', { count: reg.daysLeft, day });
  return (
    <dl className="profile-facts" aria-label={t('profile.heading')}>
      <dt>{t('profile.name')}</dt>
      <dd>
        {reg.firstName} {reg.lastName}
      </dd>
      <dt>{t('profile.login')}</dt>
      <dd>{reg.login}</dd>
      <dt>{t('profile.pesel')}</dt>
      <dd>{reg.pesel}</dd>
      <dt>{t('profile.registered')}</dt>
      <dd>
        {branchClock.format(reg.registeredAt, i18n.language, {
          dateStyle: 'long',
          timeStyle: 'short',
        })}
      </dd>
      <dt>{t('profile.deadline')}</dt>
      <dd>{reg.status === 'pending' ? left : t(`profile.status.${reg.status}`)}</dd>
    </dl>
  );
}

/**
 * "Potwierdź profil PUE" (issue 16): the clerk finds an online registration by PESEL or login,
 * checks the identity document shown and confirms, or refuses with a reason. The server applies
 * every rule (7 days, document number and validity); the dialog only says what it answered.
 */
export function ProfileConfirmationDialog({ api, onClose }: { api: DeskApi; onClose(): void }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [busy, setBusy] = useState(false);
  const [reg, setReg] = useState<RegistrationView | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [docType, setDocType] = useState<IdDocumentType>('dowod-osobisty');
  const [docNumber, setDocNumber] = useState('');
  const [validUntil, setValidUntil] = useState('');
  const [refusing, setRefusing] = useState(false);
  const [reason, setReason] = useState('');

  async function run<T>(work: () => Promise<T>, done: (r: T) => void) {
    setBusy(true);
    setNotice(null);
    try {
      done(await work());
    } catch (e) {
      setNotice({ kind: 'error', text: profileErrorText(t, e) });
    } finally {
      setBusy(false);
    }
  }

  function search(e: FormEvent) {
    e.preventDefault();
    const q = query.trim();
    if (!q) return;
    setReg(null);
    setRefusing(false);
    void run(() => api.findRegistration(/^\d{11}$/.test(q) ? { pesel: q } : { login: q }), setReg);
  }

  const decided = (r: ProfileDecisionReceipt) => {
    const login = reg?.login ?? '';
    setReg((old) => old && { ...old, status: r.decision === 'confirm' ? 'confirmed' : 'refused' });
    setNotice({
      kind: 'done',
      text:
        r.decision === 'confirm'
          ? t('profile.confirmed', { login, doc: r.document?.maskedNumber ?? '' })
          : t('profile.refused', { login }),
    });
  };

  function confirm() {
    if (!reg) return;
    const document = { type: docType, number: docNumber, validUntil };
    void run(() => api.confirmProfile({ registrationId: reg.registrationId, document }), decided);
  }

  function refuse() {
    if (!reg) return;
    const document = docNumber.trim() ? { type: docType, number: docNumber } : undefined;
    void run(
      () =>
        api.refuseProfile({
          registrationId: reg.registrationId,
          reason,
          ...(document ? { document } : {}),
        }),
      decided,
    );
  }

  const open = reg?.status === 'pending';
  const canConfirm = open && docNumber.trim().length > 0 && validUntil.length === 10 && !busy;
  return (
    <ModalDialog className="modal profile-dialog" labelledBy="profile-h" onCancel={onClose}>
      <h2 id="profile-h">{t('profile.heading')}</h2>
      <form onSubmit={search} className="profile-search">
        <TextField
          label={t('profile.query')}
          name="profile-query"
          autoFocus
          autoComplete="off"
          maxLength={40}
          value={query}
          onValue={setQuery}
        />
        <button type="submit" disabled={busy || !query.trim()}>
          {busy && !reg ? t('profile.searching') : t('profile.search')}
        </button>
      </form>
      {reg && <RegistrationFacts reg={reg} />}
      {open && (
        <fieldset>
          <legend>{t('profile.document')}</legend>
          <SelectField
            label={t('profile.docType')}
            value={docType}
            options={optionsOf(DOC_TYPES, (d) => t(`profile.docTypes.${d}`))}
            onValue={setDocType}
          />
          <TextField
            label={t('profile.docNumber')}
            name="doc-number"
            autoComplete="off"
            maxLength={20}
            value={docNumber}
            onValue={(v) => {
              setDocNumber(v.toUpperCase());
              setNotice(null);
            }}
          />
          <TextField
            label={t('profile.validUntil')}
            name="valid-until"
            type="date"
            value={validUntil}
            onValue={setValidUntil}
          />
          {refusing && (
            <label>
              {t('profile.reason')}
              <textarea
                name="refusal-reason"
                rows={2}
                maxLength={300}
                autoFocus
                value={reason}
                onChange={(e) => setReason(e.target.value)}
              />
            </label>
          )}
        </fieldset>
      )}
      {notice && (
        <p
          className={notice.kind === 'error' ? 'error' : 'notice'}
          role={notice.kind === 'error' ? 'alert' : 'status'}
        >
          {notice.text}
        </p>
      )}
      <div className="modal-buttons">
        <button type="button" onClick={onClose}>
          {t('profile.close')}
        </button>
        {open && !refusing && (
          <button type="button" onClick={() => setRefusing(true)} disabled={busy}>
            {t('profile.refuse')}
          </button>
        )}
        {open && refusing && (
          <button type="button" onClick={refuse} disabled={busy || reason.trim().length < 3}>
            {t('profile.refuseConfirm')}
          </button>
        )}
        {open && !refusing && (
          <button type="button" className="primary" onClick={confirm} disabled={!canConfirm}>
            {t('profile.confirm')}
          </button>
        )}
      </div>
    </ModalDialog>
  );
}
