/** Reading column values the same way on PGlite and `pg`. */

/** A `jsonb` column: already parsed by the driver, or text (a driver without a JSON type parser). */
export function json<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

/** A `timestamptz` column as an ISO string (null stays null). */
export function iso(value: Date | string | null): string | null {
  if (value === null) return null;
  return value instanceof Date ? value.toISOString() : new Date(value).toISOString();
}
