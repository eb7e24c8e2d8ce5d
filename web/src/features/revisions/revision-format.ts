import type { TFunction } from 'i18next';
import type { RevisionProposalKind, RevisionProposalView, RevisionStatus, RevisionView } from '../../api/contracts.js';

export interface Bilingual {
  zh: string;
  en: string;
}

/** A label in the UI language, the other language when that one is empty, `fallback` when there is none. */
export function pickLabel(label: Bilingual | null | undefined, language: string, fallback: string): string {
  if (!label) return fallback;
  const text = language === 'en' ? label.en || label.zh : label.zh || label.en;
  return text || fallback;
}

/** A 0–1 share as a percentage with one decimal ("30.0%"); a dash when unknown. */
export function formatShare(share: number | null | undefined): string {
  if (share === null || share === undefined || Number.isNaN(share)) return '—';
  return `${(share * 100).toFixed(1)}%`;
}

/**
 * A Benjamini–Hochberg q-value as a director reads it: below 0.001 it is just "q < 0.001" (more digits say
 * nothing more), below 0.01 three decimals, otherwise two.
 */
export function formatQValue(q: number): string {
  if (Number.isNaN(q)) return 'q = —';
  if (q < 0.001) return 'q < 0.001';
  if (q < 0.01) return `q = ${q.toFixed(3)}`;
  return `q = ${Math.min(q, 1).toFixed(2)}`;
}

/** Cohen's h with its sign (a real minus sign), two decimals. */
export function formatEffectSize(h: number): string {
  if (Number.isNaN(h)) return '—';
  const size = Math.abs(h).toFixed(2);
  if (Number(size) === 0) return size;
  return h > 0 ? `+${size}` : `−${size}`;
}

export type EffectSizeWord = 'small' | 'medium' | 'large';

/** Cohen's own reading of |h|: under 0.2 small, under 0.5 medium (0.5 and up: large). */
export function effectSizeWord(h: number): EffectSizeWord {
  const size = Math.abs(h);
  if (size < 0.2) return 'small';
  if (size < 0.5) return 'medium';
  return 'large';
}

/** A requirement weight (0–1) with two decimals. */
export function formatWeight(weight: number | null | undefined): string {
  if (weight === null || weight === undefined || Number.isNaN(weight)) return '—';
  return weight.toFixed(2);
}

/** Kinds whose amendment may change a weight (the others are amended by comment only). */
export function takesWeight(kind: RevisionProposalKind): boolean {
  return kind === 'weight-change' || kind === 'new-requirement';
}

export const KIND_COLOURS: Record<RevisionProposalKind, string> = {
  'new-requirement': 'green',
  'weight-change': 'blue',
  'requirement-dropped': 'volcano',
  'course-content-update': 'geekblue',
  'new-course': 'cyan',
  'course-retired': 'magenta',
  'enrolment-signal': 'gold',
};

export const STATUS_COLOURS: Record<RevisionStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  approved: 'success',
  rejected: 'error',
  withdrawn: 'warning',
};

type LooseTranslate = (key: string, options?: Record<string, unknown>) => string;

/** The proposal kind in the UI language. */
export function kindLabel(t: TFunction, kind: RevisionProposalKind): string {
  return (t as unknown as LooseTranslate)(`revisions.kinds.${kind}`);
}

/** How many there are, with the singular or plural wording of `key` (`key` and `keyOne`). */
function counted(t: TFunction, key: string, count: number): string {
  return (t as unknown as LooseTranslate)(`revisions.impact.${key}${count === 1 ? 'One' : ''}`, { count });
}

/**
 * What the revision touches, as one line: "12 项变化 → 3 项能力 → 5 门课程、2 个方案" /
 * "12 changes → 3 competencies → 5 courses, 2 plans". The counts after the first arrow are what the proposals not
 * rejected touch.
 */
export function impactLine(t: TFunction, view: Pick<RevisionView, 'changeCount' | 'impact'>): string {
  const separator = t('common.listSeparator');
  return [
    counted(t, 'changes', view.changeCount),
    counted(t, 'competencies', view.impact.competencies),
    [counted(t, 'courses', view.impact.courses), counted(t, 'plans', view.impact.plans)].join(separator),
  ].join(' → ');
}

/** Whether any proposal still waits for a decision (the server refuses to submit then). */
export function undecidedCount(proposals: readonly Pick<RevisionProposalView, 'decision'>[]): number {
  return proposals.filter((proposal) => proposal.decision === null).length;
}

/**
 * Labels for the ids the evidence names (courses, posts, competencies), gathered from everywhere in the revision
 * that carries both id and label, so no raw id reaches the screen.
 */
export interface RevisionNames {
  course: (id: string) => Bilingual | undefined;
  post: (id: string) => Bilingual | undefined;
  competency: (id: string) => Bilingual | undefined;
}

export function collectNames(view: Pick<RevisionView, 'changes' | 'proposals'>): RevisionNames {
  const courses = new Map<string, Bilingual>();
  const posts = new Map<string, Bilingual>();
  const competencies = new Map<string, Bilingual>();
  for (const change of view.changes) {
    competencies.set(change.competency, change.label);
    if (change.post && change.postLabel) posts.set(change.post, change.postLabel);
  }
  for (const proposal of view.proposals) {
    if (proposal.course && proposal.courseTitle) courses.set(proposal.course, proposal.courseTitle);
    if (proposal.post && proposal.postLabel) posts.set(proposal.post, proposal.postLabel);
    for (const competency of proposal.competencies) competencies.set(competency.id, competency.label);
    for (const course of proposal.impact.courses) courses.set(course.id, course.title);
    for (const post of proposal.impact.posts) posts.set(post.id, post.label);
  }
  return {
    course: (id) => courses.get(id),
    post: (id) => posts.get(id),
    competency: (id) => competencies.get(id),
  };
}

/** Names for ids in the UI language; ids without a known label are counted instead of shown. */
export function nameAll(
  ids: readonly string[],
  lookup: (id: string) => Bilingual | undefined,
  language: string,
): { names: string[]; unnamed: number } {
  const names: string[] = [];
  let unnamed = 0;
  for (const id of ids) {
    const label = lookup(id);
    const name = label ? pickLabel(label, language, '') : '';
    if (name) names.push(name);
    else unnamed += 1;
  }
  return { names, unnamed };
}

const OPAQUE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A person's name as the server sent it, or null when it is an id (never shown to people). */
export function personName(value: string | null | undefined): string | null {
  if (!value) return null;
  return OPAQUE_ID.test(value.trim()) ? null : value;
}

/**
 * The years a new revision compares by default: the last two years with postings, or last year and this year
 * when fewer than two years have any.
 */
export function defaultYears(
  years: readonly { year: number; postings: number }[],
  currentYear: number,
): { beforeYear: number; afterYear: number } {
  const withPostings = [...new Set(years.filter((entry) => entry.postings > 0).map((entry) => entry.year))].sort(
    (a, b) => a - b,
  );
  const [beforeYear, afterYear] = withPostings.slice(-2);
  if (beforeYear !== undefined && afterYear !== undefined) return { beforeYear, afterYear };
  return { beforeYear: currentYear - 1, afterYear: currentYear };
}
