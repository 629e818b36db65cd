/** snake_case column → camelCase field ("service_id" → "serviceId"). */
const camel = (column: string) => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/**
 * `INSERT INTO table (…) VALUES (@…) ON CONFLICT (key) DO UPDATE SET` every other column to
 * its new value. Each column takes the named parameter of its camelCase field, unless
 * `fields` names another (the repos run these statements with protocol objects as they are).
 */
export function upsertSql(
  table: string,
  key: string,
  columns: readonly string[],
  fields: Readonly<Record<string, string>> = {},
): string {
  const params = columns.map((c) => `@${fields[c] ?? camel(c)}`);
  const set = columns.filter((c) => c !== key).map((c) => `${c}=excluded.${c}`);
  return (
    `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${params.join(', ')}) ` +
    `ON CONFLICT (${key}) DO UPDATE SET ${set.join(', ')}`
  );
}
