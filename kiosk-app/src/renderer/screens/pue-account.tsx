import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PueAccount, PueRole } from '@skr/protocol/pue';
import { api, pueSession } from '../api';
import { BigButton, ErrorBox, Screen } from '../ui';
import { useLoad } from '../use-load';

/** The account and role chosen for this session. */
export interface Choice {
  account: PueAccount;
  role: PueRole | null;
}

/** Choose the account (individual, payer, proxy) and then the role within it. */
export function PueAccountPick(props: {
  token: string;
  onChosen: (c: Choice) => void;
  onBack: () => void;
}) {
  const { t } = useTranslation();
  const [account, setAccount] = useState<PueAccount | null>(null);
  const me = useLoad(() => api.call('pueMe', pueSession(props.token)), [props.token]);
  const { data: profile, error } = me;
  const pickAccount = (a: PueAccount) => {
    if (a.roles.length === 0) props.onChosen({ account: a, role: null });
    else if (a.roles.length === 1) props.onChosen({ account: a, role: a.roles[0] ?? null });
    else setAccount(a);
  };
  return (
    <Screen
      title={account ? t('pue.role') : t('pue.account')}
      onBack={account ? () => setAccount(null) : props.onBack}
      testId="pue-account"
    >
      <ErrorBox error={error} />
      <div className="grid-1">
        {!account &&
          profile?.accounts.map((a) => (
            <BigButton
              key={a.id}
              label={`${t(`pue.accountKinds.${a.kind}`)}: ${a.ownerName}`}
              hint={a.label}
              onClick={() => pickAccount(a)}
              testId={`account-${a.kind}`}
            />
          ))}
        {account?.roles.map((r) => (
          <BigButton
            key={r}
            label={t(`pue.roles.${r}`)}
            onClick={() => props.onChosen({ account, role: r })}
            testId={`role-${r}`}
          />
        ))}
      </div>
    </Screen>
  );
}
