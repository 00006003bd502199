/**
 * One set of type parsers for both drivers, so that PGlite and a PostgreSQL server
 * return the same JavaScript values. Counts are numbers (they never reach 2^53), and a
 * calendar date stays the string `YYYY-MM-DD` (a Date would shift it by the time zone).
 */
export const TYPE_PARSERS = {
  int8: (value: string): number => Number(value),
  numeric: (value: string): number => Number(value),
  date: (value: string): string => value,
}

export const OID = { int8: 20, date: 1082, numeric: 1700 } as const
