import type { Role } from '@skr/protocol/http';
import type { UserInfo } from '@skr/protocol/manager';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField, optionsOf } from '../../ui/select-field';
import { TextField } from '../../ui/text-field';
import type { EditorProps } from './editor-props';
import { rowEditorCard } from './row-editor-card';
import { RowForm } from './row-form';

const ROLES: Role[] = ['clerk', 'manager', 'admin'];

function UserRow(props: EditorProps & { item: UserInfo | null }) {
  const { t } = useTranslation();
  const u = props.item;
  const [username, setUsername] = useState(u?.username ?? '');
  const [role, setRole] = useState<Role>(u?.role ?? 'clerk');
  const [active, setActive] = useState(u?.active ?? true);
  const [password, setPassword] = useState('');
  return (
    <RowForm
      editor={props}
      save={() => props.api.saveUser(username, { role, active, ...(password ? { password } : {}) })}
      label={u?.username ?? t('config.newUser')}
      testId={`user-form-${u?.username ?? 'new'}`}
      isNew={u === null}
    >
      <TextField
        label={t('config.username')}
        value={username}
        onValue={setUsername}
        readOnly={u !== null}
        required
      />
      <SelectField
        label={t('config.role')}
        value={role}
        options={optionsOf(ROLES, (r) => t(`app.roles.${r}`))}
        onValue={setRole}
      />
      <label className="check">
        <input type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} />
        {t('config.active')}
      </label>
      <TextField
        label={t('config.password')}
        type="password"
        value={password}
        minLength={12}
        autoComplete="new-password"
        onValue={setPassword}
        required={u === null}
      />
    </RowForm>
  );
}

/** Staff accounts and roles; a role change or a lock ends the account's sessions. */
export const UsersEditor = rowEditorCard<UserInfo>(
  'users',
  UserRow,
  (u) => `${u.username}/${u.role}/${u.active}`,
);
