// Issue 12: one counter identity. Voice, LED boards and screens used to name a counter by its
// internal id or by the digits at the end of its name; now each counter carries the public
// number (unique) and an optional short label every medium uses.
/** Step 9: counters.number (backfilled, unique) and counters.label. */
export const counterIdentity = `
  ALTER TABLE counters ADD COLUMN number INTEGER;
  ALTER TABLE counters ADD COLUMN label TEXT;
  -- The number at the end of the name ("Okienko T9" -> 9), when no other name ends in it.
  CREATE TEMP TABLE counter_name_numbers AS
    SELECT id, CAST(substr(name, length(rtrim(name, '0123456789')) + 1) AS INTEGER) AS n
    FROM counters
    WHERE length(name) - length(rtrim(name, '0123456789')) BETWEEN 1 AND 3;
  UPDATE counters SET number = (SELECT n FROM counter_name_numbers c WHERE c.id = counters.id)
    WHERE id IN (SELECT id FROM counter_name_numbers WHERE n BETWEEN 1 AND 999
      AND n IN (SELECT n FROM counter_name_numbers GROUP BY n HAVING COUNT(*) = 1));
  DROP TABLE counter_name_numbers;
  -- Else its id, when free; else past the highest number (distinct: ids are).
  UPDATE counters SET number = id WHERE number IS NULL
    AND id NOT IN (SELECT number FROM counters WHERE number IS NOT NULL);
  UPDATE counters SET number = (SELECT MAX(number) FROM counters) + id WHERE number IS NULL;
  CREATE UNIQUE INDEX counters_number ON counters(number);
  `;
