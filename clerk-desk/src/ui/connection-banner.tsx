import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LinkStatus } from '../live/queue-connection';

/**
 * A loud banner while the server is gone (role=alert, read out at once), and a short
 * "restored" note when it is back.
 */
export function ConnectionBanner({
  status,
  recovered,
}: {
  status: LinkStatus;
  recovered: boolean;
}) {
  const { t } = useTranslation();
  const [showRestored, setShowRestored] = useState(false);
  useEffect(() => {
    if (!recovered) return;
    setShowRestored(true);
    const id = setTimeout(() => setShowRestored(false), 5000);
    return () => clearTimeout(id);
  }, [recovered]);
  if (status === 'offline')
    return (
      <div className="banner banner-offline" role="alert" data-testid="offline">
        {t('link.offline')}
      </div>
    );
  if (status === 'online' && showRestored)
    return (
      <div className="banner banner-restored" role="status" data-testid="restored">
        {t('link.restored')}
      </div>
    );
  return null;
}
