// Demo answers in the inbox: three for Anna Kowalska (the virtual ID card's holder and a
// password demo login), two for Jan Nowak. Two of Anna's need a UPD before they open, one is a
// plain notice; dates sit a few days before the emulator's "now".
import type { PueContext } from './context';
import { addAnswer, type NewAnswer } from './inbox';
import { localDay } from '@skr/protocol/time-zone';
import { PORTAL_TIME_ZONE } from './portal-zone';

const ŁÓDŹ = 'ZUS I Oddział w Łodzi';

/** Inserts the demo answers (call once, with the demo profiles in place). */
export function seedDemoInbox(ctx: PueContext): void {
  const day = (back: number) =>
    localDay(new Date(ctx.now().getTime() - back * 86_400_000), PORTAL_TIME_ZONE);
  // References carry the year of the demo's clock, like the letters' dates.
  const year = day(0).slice(0, 4);
  const answers: NewAnswer[] = [
    {
      profileId: 'prf_anna',
      title: 'Decyzja w sprawie zasiłku chorobowego',
      date: day(9),
      sender: `${ŁÓDŹ}, Wydział Zasiłków`,
      reference: `ZAS/${year}/014532`,
      body:
        'Na podstawie art. 8 ustawy o świadczeniach pieniężnych z ubezpieczenia społecznego ' +
        'w razie choroby i macierzyństwa Zakład Ubezpieczeń Społecznych przyznaje Pani zasiłek ' +
        'chorobowy za okres od 3 do 14 lutego.\n\nOd tej decyzji przysługuje odwołanie do sądu ' +
        'okręgowego za pośrednictwem ZUS w terminie miesiąca od dnia jej doręczenia.',
      requiresUpd: true,
    },
    {
      profileId: 'prf_anna',
      title: 'Informacja o stanie konta ubezpieczonego',
      date: day(5),
      sender: `${ŁÓDŹ}, Wydział Ubezpieczeń i Składek`,
      reference: `IOS/${year}/208811`,
      body:
        'Przesyłamy informację o zwaloryzowanym stanie Pani konta ubezpieczonego i subkonta ' +
        'na dzień 31 grudnia ubiegłego roku.\n\nInformacja nie jest decyzją; nie przysługuje ' +
        'od niej odwołanie.',
      requiresUpd: false,
    },
    {
      profileId: 'prf_anna',
      title: 'Wezwanie do uzupełnienia dokumentów',
      date: day(2),
      sender: `${ŁÓDŹ}, Wydział Świadczeń Emerytalno-Rentowych`,
      reference: `ER/${year}/007715`,
      body:
        'W sprawie Pani wniosku prosimy o dostarczenie świadectwa pracy za lata 2004–2009 ' +
        'w terminie 14 dni od doręczenia tego pisma.\n\nDokumenty można złożyć w urzędomacie, ' +
        'w placówce ZUS lub przez PUE/eZUS.',
      requiresUpd: true,
    },
    {
      profileId: 'prf_jan',
      title: 'Decyzja o waloryzacji emerytury',
      date: day(20),
      sender: 'ZUS Oddział w Warszawie, Wydział Świadczeń',
      reference: `EMR/${year}/300112`,
      body:
        'Od 1 marca Pana emerytura została podwyższona w ramach corocznej waloryzacji.\n\n' +
        'Od tej decyzji przysługuje odwołanie do sądu okręgowego.',
      requiresUpd: true,
    },
    {
      profileId: 'prf_jan',
      title: 'Potwierdzenie rozliczenia składek płatnika',
      date: day(4),
      sender: 'ZUS Oddział w Warszawie, Wydział Ubezpieczeń i Składek',
      reference: `US/${year}/551903`,
      body: 'Potwierdzamy rozliczenie składek za ostatni miesiąc. Saldo konta płatnika: 0,00 zł.',
      requiresUpd: false,
    },
  ];
  for (const a of answers) addAnswer(ctx, a);
}
