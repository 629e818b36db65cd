import { useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The configurable message line; it scrolls only when it does not fit. */
export function MessageLine({ text }: { text: string }) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const [scroll, setScroll] = useState(false);
  useLayoutEffect(() => {
    const el = box.current;
    const span = el?.firstElementChild as HTMLElement | null;
    setScroll(!!el && !!span && span.scrollWidth > el.clientWidth);
  }, [text]);
  if (!text) return null;
  return (
    <footer className="message" data-testid="message" aria-label={t('board.message')}>
      <div className="message-box" ref={box}>
        <span className={scroll ? 'message-text scroll' : 'message-text'}>{text}</span>
      </div>
    </footer>
  );
}
