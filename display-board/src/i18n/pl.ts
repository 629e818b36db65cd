/** Polish texts of the waiting-room screen and the follow-the-line page (the reference catalogue). */
export const pl = {
  board: {
    title: 'Wezwania',
    latest: 'Zapraszamy',
    ticket: 'Numer',
    counter: 'Stanowisko',
    to: 'do',
    history: 'Ostatnie wezwania',
    noCalls: 'Nie ma jeszcze wezwań',
    waitingTitle: 'Oczekujący',
    service: 'Sprawa',
    people: 'Osoby',
    wait: 'Czas oczekiwania',
    minutes: 'ok. {{count}} min',
    minutesOver: 'ponad {{count}} min',
    noWait: 'bez czekania',
    offline: 'Brak połączenia z serwerem. Ponawiam…',
    clock: 'Godzina',
    message: 'Komunikat',
  },
  pairing: {
    title: 'Ekran nie jest sparowany',
    body: 'Administrator oddziału wpisuje ten kod w widoku kierownika: Konfiguracja → Urządzenia → Sparuj kodem z ekranu urządzenia.',
    revoked:
      'Poświadczenie tego ekranu jest nieważne. Aby sparować go ponownie, administrator wpisuje nowy kod.',
    connecting: 'Łączenie z serwerem oddziału…',
    validity: 'Kod jest ważny kilka minut, potem pojawi się nowy.',
  },
  errors: {
    UNAUTHORIZED: 'Ekran nie ma dostępu. Poproś administratora o nowe parowanie.',
    FORBIDDEN: 'Ten token nie należy do ekranu.',
    NOT_FOUND: 'Nie znaleziono.',
    DISCONNECTED: 'Brak połączenia z serwerem.',
    UNAVAILABLE: 'Usługa chwilowo niedostępna.',
    RATE_LIMITED: 'Zbyt wiele zapytań. Spróbuj za chwilę.',
    INTERNAL: 'Wystąpił błąd. Spróbuj ponownie.',
  },
  follow: {
    title: 'Twój numer',
    state: {
      waiting: 'Czekasz w kolejce',
      called: 'Zapraszamy do stanowiska',
      serving: 'Jesteś obsługiwany',
      done: 'Sprawa zakończona',
      'no-show': 'Numer przepadł — nie zgłoszono się',
      parked: 'Wstrzymany — wróć do stanowiska z dokumentami',
      cancelled: 'Numer anulowany',
      expired: 'Numer wygasł po zamknięciu oddziału',
    },
    ahead_one: 'Przed Tobą: {{count}} osoba',
    ahead_few: 'Przed Tobą: {{count}} osoby',
    ahead_many: 'Przed Tobą: {{count}} osób',
    ahead_other: 'Przed Tobą: {{count}} osoby',
    aheadNone: 'Jesteś następny w kolejce',
    goTo: 'Podejdź do: {{counter}}',
    updated: 'Odświeżono o {{time}}',
    loading: 'Wczytywanie…',
    notFound: 'Nie znaleziono tego numeru. Sprawdź adres z biletu.',
    noId: 'Zeskanuj kod QR z biletu, aby śledzić kolejkę.',
  },
  followContact: {
    title: 'Powiadom mnie SMS-em lub e-mailem',
    consent:
      'Dobrowolnie: podaj numer telefonu albo e-mail, a napiszemy, gdy zbliży się Twoja kolej i gdy zostaniesz wywołany. Użyjemy go tylko do tego numeru i usuniemy po zakończeniu wizyty (najpóźniej na koniec dnia). Nigdzie go nie pokazujemy. Możesz go wycofać tutaj w każdej chwili.',
    how: 'Jak mamy Cię powiadomić?',
    sms: 'SMS',
    email: 'E-mail',
    phone: 'Numer telefonu komórkowego',
    emailAddress: 'Adres e-mail',
    save: 'Zapisz',
    withdraw: 'Wycofaj moje dane kontaktowe',
    outcome: {
      saved: 'Zapisane. Napiszemy, gdy zbliży się Twoja kolej.',
      withdrawn: 'Wycofane. Nie wyślemy już żadnej wiadomości do tego numeru biletu.',
      off: 'Powiadomienia są w tym oddziale wyłączone. Śledź kolejkę na tej stronie.',
      invalid: 'Sprawdź numer (9 cyfr) albo adres e-mail.',
      failed: 'Nie udało się. Spróbuj ponownie za chwilę.',
    },
  },
};

/** The shape every catalogue has (keys of the Polish one, string leaves). */
export type Catalogue = {
  [K in keyof typeof pl]: Leaves<(typeof pl)[K]>;
};
type Leaves<T> = { [K in keyof T]: T[K] extends string ? string : Leaves<T[K]> };
