/**
 * Built-in number formats that show a date or time (ECMA-376 §18.8.30, plus the ids Excel uses for the Chinese,
 * Japanese and Korean date formats).
 */
const BUILT_IN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56,
  57, 58,
]);

/**
 * Whether a cell style's number format shows a date: a built-in date format, or a custom format code with day,
 * month, year, hour or second tokens outside quoted text, escapes and `[…]` sections (colours, conditions, locales).
 */
export function isDateFormat(id: number, code: string | undefined): boolean {
  if (BUILT_IN_DATE_FORMATS.has(id)) return true;
  if (code === undefined || code === '') return false;
  const section = code.split(';')[0] ?? '';
  const bare = section
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/_./g, '')
    .replace(/\*./g, '')
    .replace(/\[(?!h+\]|m+\]|s+\])[^\]]*\]/gi, '');
  if (/general/i.test(bare)) return false;
  return /[dmyhs年月日]/i.test(bare.replace(/E[+-]/gi, ''));
}

/**
 * An Excel serial date (days since 1899-12-30, or since 1904-01-01 in the 1904 system) as ISO text: `2024-03-05`
 * when it has no time of day, `2024-03-05T08:30:00` otherwise. Null outside years 1000–9999.
 */
export function serialToIsoText(serial: number, date1904: boolean): string | null {
  const days = date1904 ? serial + 1462 : serial;
  const milliseconds = Math.round((days - 25569) * 86_400_000);
  const date = new Date(milliseconds);
  const year = date.getUTCFullYear();
  if (!Number.isFinite(milliseconds) || year < 1000 || year > 9999) return null;
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19);
}
