import { memo, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The current time (hours and minutes), ticking on its own so the rest of the board stays still. */
export const Clock = memo(function Clock() {
  const { t, i18n } = useTranslation();
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const id = setInterval(() => setNow(new Date()), 1000);
    return () => clearInterval(id);
  }, []);
  const text = new Intl.DateTimeFormat(i18n.language, {
    hour: '2-digit',
    minute: '2-digit',
  }).format(now);
  return (
    <time
      className="clock"
      data-testid="clock"
      dateTime={now.toISOString()}
      aria-label={t('board.clock')}
    >
      {text}
    </time>
  );
});
