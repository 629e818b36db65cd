/** `skr-admin help`: Polish first, as the technicians read it. */
export const HELP = `skr-admin — narzędzie technika oddziału SKR

Użycie: skr-admin [--config PLIK] POLECENIE [opcje]
  (konfiguracja: --config, SKR_CONFIG albo /etc/skr/branch.json; SKR_DATA_DIR nadpisuje katalog danych)

Polecenia:
  backup [--dir KATALOG] [--keep N] [--tag NAZWA]
        kopia bazy w trakcie pracy serwera (SQLite backup API), sprawdzona PRAGMA integrity_check;
        domyślnie do <dataDir>/backups, zostawia N najnowszych kopii (domyślnie 14)
  verify PLIK
        sprawdza kopię (integrity_check) i podaje wersję jej schematu
  restore PLIK [--force]
        przywraca kopię (serwer musi być zatrzymany: systemctl stop skr-branch-server);
        odmawia kopii z nowszym schematem niż ten program; obecną bazę odkłada do backups/
  migrate
        aktualizuje schemat bazy (raz, przy aktualizacji pakietu); najpierw robi kopię,
        a gdy migracja się nie uda, przywraca bazę sprzed migracji
  user-add LOGIN ROLA [--password-stdin]
        nowe konto (ROLA: admin, manager, clerk); bez --password-stdin hasło jest
        generowane i wypisane raz
  password LOGIN [--password-stdin]
        nowe hasło istniejącego konta
  pair RODZAJ NAZWA
        paruje urządzenie (RODZAJ: display, kiosk, board) i wypisuje jego token (raz)
  health
        stan serwera (GET /api/v1/health) i bazy (schemat, ostatnia kopia)
  end-day
        zamyka dzień oddziału teraz: zamyka stanowiska, numery czekające, wezwane i odłożone
        wygasają, rezerwacje bez zgłoszenia idą do portalu jako niestawiennictwo; przez
        działający serwer (ekrany widzą to od razu) albo w bazie, gdy serwer jest zatrzymany
  help  ten opis

Kody wyjścia: 0 dobrze, 1 błąd, 2 złe wywołanie lub konfiguracja, 3 odmowa / niedostępne.

(EN) Branch technician's tool: backup, verify, restore, migrate, user-add, password, pair,
health, end-day (ends the branch day now, through the running server or on the database).
`;
