import type { Role } from '@skr/protocol/http';
import type { UserInfo } from '@skr/protocol/manager';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SaveStatus, useSave } from './use-save';
import { Card } from '../card';
import type { EditorProps } from './editor-props';

const ROLES: Role[] = ['clerk', 'manager', 'admin'];

function UserRow(props: EditorProps & { user: UserInfo | null }) {
  const { t } = useTranslation();
  const u = props.user;
  const [username, setUsername] = useState(u?.username ?? '');
  const [role, setRole] = useState<Role>(u?.role ?? 'clerk');
  const [active, setActive] = useState(u?.active ?? true);
  const [password, setPassword] = useState('');
  const { save, message } = useSave(props.reload);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save(() =>
      props.api.saveUser(username, { role, active, ...(password ? { password } : {}) }),
    );
  };
  return (
    <form
      className="mgr-row-form"
      onSubmit={submit}
      aria-label={u?.username ?? t('config.newUser')}
      data-testid={`user-form-${u?.username ?? 'new'}`}
    >
      <fieldset disabled={!props.canEdit}>
        <label>
          {t('config.username')}
          <input
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            readOnly={u !== null}
            required
          />
        </label>
        <label>
          {t('config.role')}
          <select value={role} onChange={(e) => setRole(e.target.value as Role)}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`app.roles.${r}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="check">
          <input type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} />
          {t('config.active')}
        </label>
        <label>
          {t('config.password')}
          <input
            type="password"
            value={password}
            minLength={12}
            autoComplete="new-password"
            onChange={(e) => setPassword(e.target.value)}
            required={u === null}
          />
        </label>
        <button type="submit">{u ? t('config.save') : t('config.add')}</button>
      </fieldset>
      <SaveStatus message={message} />
    </form>
  );
}

/** Staff accounts and roles; a role change or a lock ends the account's sessions. */
export function UsersEditor(props: EditorProps & { users: UserInfo[] }) {
  const { t } = useTranslation();
  return (
    <Card id="cfg-users" title={t('config.users')}>
      {props.users.map((u) => (
        <UserRow
          key={`${u.username}/${u.role}/${u.active}`}
          user={u}
          api={props.api}
          canEdit={props.canEdit}
          reload={props.reload}
        />
      ))}
      {props.canEdit && (
        <UserRow
          key={`new-${props.users.length}`}
          user={null}
          api={props.api}
          canEdit
          reload={props.reload}
        />
      )}
    </Card>
  );
}
