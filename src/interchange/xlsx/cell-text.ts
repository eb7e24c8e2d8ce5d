import type { CellValue } from 'exceljs';

/**
 * A cell's value as the text a person sees: rich text joined, a hyperlink's text, a formula's cached result,
 * numbers and booleans spelled out, Windows line breaks made `\n`. Empty cells give ''.
 */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.replace(/\r\n?/g, '\n');
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString();
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('hyperlink' in value) return cellText(value.text);
  if ('formula' in value || 'sharedFormula' in value) return cellText(value.result);
  return value.error;
}
