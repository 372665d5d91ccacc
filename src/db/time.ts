/**
 * An instant in the one format the Prisma better-sqlite3 adapter stores DateTime in
 * ("2026-01-01T09:00:00.000+00:00"). Raw SQL that writes or compares DateTime columns must use
 * this, or string comparisons in SQLite silently go wrong.
 */
export function toDbTime(instant: Date): string {
  return instant.toISOString().replace("Z", "+00:00");
}
