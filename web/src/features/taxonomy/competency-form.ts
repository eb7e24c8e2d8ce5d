import type { CompetencyDimension, CompetencyType } from '../../api/contracts.js';

/** The fields a competency form edits, shared by the edit form and the form for a new competency. */
export interface CompetencyFormValues {
  labelZh?: string;
  labelEn?: string;
  aliasesZh: string[];
  aliasesEn: string[];
  descriptionZh?: string;
  descriptionEn?: string;
  type: CompetencyType;
  dimension?: CompetencyDimension | null;
  escoUri?: string;
  xStandardCode?: string;
  reason?: string;
}

/** The form fields an API error may name (`details.field`), so it is shown at the field. */
export const COMPETENCY_FORM_FIELDS = [
  'labelZh',
  'labelEn',
  'aliasesZh',
  'aliasesEn',
  'descriptionZh',
  'descriptionEn',
  'type',
  'dimension',
  'escoUri',
  'xStandardCode',
  'reason',
] as const;

// The contract's limits, so most mistakes are caught before the round trip (the server has the last word).
export const ESCO_SKILL_URI = /^http:\/\/data\.europa\.eu\/esco\/skill\/[0-9a-f-]{36}$/;
export const COMPETENCY_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const COMPETENCY_ID_MAX = 80;

/** Trimmed, without blanks and repeats, in the order entered. */
export function cleanList(values: readonly string[] | undefined): string[] {
  return [...new Set((values ?? []).map((value) => value.trim()).filter((value) => value !== ''))];
}

/** Trimmed, or null when blank. */
export function orNull(value: string | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

/**
 * A competency id suggested from its English label: a lower-case kebab-case slug (`Digital twin testing` →
 * `digital-twin-testing`), accents dropped, cut at a word boundary to the contract's length. Empty when the
 * label has no Latin letters or digits.
 */
export function suggestCompetencyId(labelEn: string): string {
  const slug = labelEn
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= COMPETENCY_ID_MAX) return slug;
  const cut = slug.slice(0, COMPETENCY_ID_MAX + 1);
  const boundary = cut.lastIndexOf('-');
  return (boundary > 0 ? cut.slice(0, boundary) : cut.slice(0, COMPETENCY_ID_MAX)).replace(/-+$/, '');
}
