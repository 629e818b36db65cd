/** Step 7 (issue 14): the branch calendar (plan, visits, escrow ledger of moved places). */
export const calendar = `
  CREATE TABLE calendar_plan (id INTEGER PRIMARY KEY CHECK (id = 1), plan TEXT NOT NULL);
  CREATE TABLE calendar_visits (
    code TEXT PRIMARY KEY,
    person_key TEXT NOT NULL,
    service_id TEXT NOT NULL,
    start TEXT NOT NULL,
    day TEXT NOT NULL,
    side TEXT NOT NULL CHECK (side IN ('branch', 'portal')),
    channel TEXT NOT NULL CHECK (channel IN ('portal', 'kiosk', 'desk', 'manager')),
    status TEXT NOT NULL CHECK (status IN ('booked', 'cancelled')),
    booked_at TEXT NOT NULL
  );
  CREATE INDEX calendar_visits_day ON calendar_visits(day);
  CREATE INDEX calendar_visits_start ON calendar_visits(start) WHERE status = 'booked';
  CREATE TABLE calendar_ledger (
    unit_key TEXT PRIMARY KEY,
    day TEXT NOT NULL,
    owner TEXT NOT NULL CHECK (owner IN ('walk-in', 'branch', 'portal'))
  );
  CREATE INDEX calendar_ledger_day ON calendar_ledger(day);
  `;
