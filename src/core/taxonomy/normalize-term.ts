/**
 * The form in which two labels or aliases count as the same term: Unicode NFKC (full-width → half-width),
 * lower case, runs of whitespace collapsed, and spaces between CJK characters removed.
 */
export function normalizeTerm(term: string): string {
  return term
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(/(?<=[\p{Script=Han}]) (?=[\p{Script=Han}])/gu, '');
}
