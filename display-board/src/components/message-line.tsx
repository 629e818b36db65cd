import { memo, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The configurable message line; it scrolls only when it does not fit. */
export const MessageLine = memo(function MessageLine({ text }: { text: string }) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const [scroll, setScroll] = useState(false);
  useLayoutEffect(() => {
    const el = box.current;
    const copy = el?.querySelector('.message-copy');
    if (!el || !copy) return;
    // The text's own width (a range excludes the copy's padding and the second copy).
    const range = document.createRange();
    range.selectNodeContents(copy);
    setScroll(range.getBoundingClientRect().width > el.clientWidth);
  }, [text]);
  if (!text) return null;
  return (
    <footer className="message" data-testid="message" aria-label={t('board.message')}>
      <div className="message-box" ref={box}>
        <span className={scroll ? 'message-text scroll' : 'message-text'}>
          <span className="message-copy">{text}</span>
          {scroll && (
            <span className="message-copy" aria-hidden="true">
              {text}
            </span>
          )}
        </span>
      </div>
    </footer>
  );
});
