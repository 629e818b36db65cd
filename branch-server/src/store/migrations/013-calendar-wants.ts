// Issue 14, places back from the portal: when the branch refuses a booking as full in a slot
// where the portal holds places its own visits do not need, it asks the portal for them with
// its next calendar publication. One row per slot and service, counting the refusals.

/** Step 13: the branch's wants of portal places. */
export const calendarWants = `
  CREATE TABLE calendar_wants (
    start TEXT NOT NULL,
    service_id TEXT NOT NULL,
    count INTEGER NOT NULL CHECK (count > 0),
    PRIMARY KEY (start, service_id)
  );
  `;
