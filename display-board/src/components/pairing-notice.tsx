import { LANGS, catalogues } from '../i18n';

/**
 * Shown on an unpaired (or revoked) screen, in all three languages at once: nobody at a
 * waiting-room screen can pick a language.
 */
export function PairingNotice({ revoked = false }: { revoked?: boolean }) {
  return (
    <main className="pairing" data-testid="pairing-notice">
      {LANGS.map((lang) => {
        const c = catalogues[lang].pairing;
        return (
          <section key={lang} lang={lang} className="pairing-lang">
            <h1>{c.title}</h1>
            <p>{revoked ? c.revoked : c.body}</p>
          </section>
        );
      })}
    </main>
  );
}
