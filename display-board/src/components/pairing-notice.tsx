import { LANGS, catalogues } from '../i18n';

/** The code with a gap in the middle, read more easily off a screen across the hall. */
function spaced(code: string): string {
  return code.length === 8 ? `${code.slice(0, 4)} ${code.slice(4)}` : code;
}

/**
 * Shown on an unpaired (or revoked) screen, in all three languages at once: nobody at a
 * waiting-room screen can pick a language. With a code, the admin types it in the manager's
 * devices view and the screen pairs itself (issue 13).
 */
export function PairingNotice({ code, revoked = false }: { code?: string; revoked?: boolean }) {
  return (
    <main className="pairing" data-testid="pairing-notice" data-code={code ?? ''}>
      {code ? (
        <p className="pairing-code" data-testid="pairing-code" aria-label={code}>
          {spaced(code)}
        </p>
      ) : (
        <p>{catalogues.pl.pairing.connecting}</p>
      )}
      {LANGS.map((lang) => {
        const c = catalogues[lang].pairing;
        return (
          <section key={lang} lang={lang} className="pairing-lang">
            <h1>{c.title}</h1>
            <p>{revoked ? c.revoked : c.body}</p>
            {code && <p className="pairing-validity">{c.validity}</p>}
          </section>
        );
      })}
    </main>
  );
}
