import type { TFunction } from 'i18next';
import type { CourseSystemDiffView, RevisionResult } from '../../api/contracts.js';
import { sortByName } from '../../i18n/compare-names.js';
import { formatWeight, pickLabel } from './revision-format.js';

/**
 * How a post's requirement changed when the revision was applied: newly required (no weight before), no longer
 * required (no weight after), or re-weighted.
 */
export type RequirementChangeKind = 'added' | 'removed' | 'changed';

export function requirementChangeKind(before: number | null, after: number | null): RequirementChangeKind {
  if (before === null) return 'added';
  if (after === null) return 'removed';
  return 'changed';
}

/** "0.50 → 0.75"; a dash on the side where the competency is not required. */
export function formatWeightChange(before: number | null, after: number | null): string {
  return `${formatWeight(before)} → ${formatWeight(after)}`;
}

/** Credits as a person writes them: no trailing zeros (2, 1.5), at most one decimal. */
export function formatCredits(credits: number): string {
  if (Number.isNaN(credits)) return '—';
  return String(Math.round(credits * 10) / 10);
}

/** A difference with its sign (a real minus sign); zero has none. */
export function formatSignedDelta(delta: number): string {
  if (Number.isNaN(delta)) return '—';
  const rounded = Math.round(delta * 10) / 10;
  if (rounded === 0) return '0';
  return rounded > 0 ? `+${formatCredits(rounded)}` : `−${formatCredits(-rounded)}`;
}

/** The whole programme's credits before → after with the difference: "62 → 64 (+2)" / "62 → 64（+2）". */
export function creditsChangeLine(
  t: TFunction,
  diff: Pick<CourseSystemDiffView, 'creditsBefore' | 'creditsAfter'>,
): string {
  return t('revisions.result.creditsValue', {
    before: formatCredits(diff.creditsBefore),
    after: formatCredits(diff.creditsAfter),
    delta: formatSignedDelta(diff.creditsAfter - diff.creditsBefore),
  });
}

/** The release notes in the UI language (the other language when a line lacks it); empty lines dropped. */
export function releaseNoteLines(notes: RevisionResult['releaseNotes'], language: string): string[] {
  return notes.map((note) => pickLabel(note, language, '')).filter((line) => line.trim() !== '');
}

export type RequirementRow = RevisionResult['requirements'][number] & { key: string; kind: RequirementChangeKind };

/** The requirement changes post by post, then competency by competency, in the UI language's name order. */
export function requirementRows(requirements: RevisionResult['requirements'], language: string): RequirementRow[] {
  const byCompetency = sortByName(requirements, (row) => pickLabel(row.label, language, ''), language);
  const byPost = sortByName(byCompetency, (row) => pickLabel(row.postLabel, language, ''), language);
  return byPost.map((row) => ({
    ...row,
    key: `${row.post}\u0000${row.competency}`,
    kind: requirementChangeKind(row.before, row.after),
  }));
}

type ChangedCourse = CourseSystemDiffView['changed'][number];

/**
 * What changed in one course, line by line in the UI language: competencies added and removed (by label), a move
 * between semesters (or into or out of the schedule), its credits, its former title when it was renamed.
 */
export function changedCourseLines(t: TFunction, change: ChangedCourse, language: string): string[] {
  const separator = t('common.listSeparator');
  const lines: string[] = [];
  const labels = (competencies: ChangedCourse['competenciesAdded']) =>
    sortByName(
      competencies.map((competency) => pickLabel(competency.label, language, '')).filter((label) => label !== ''),
      (label) => label,
      language,
    ).join(separator);
  const added = labels(change.competenciesAdded);
  if (added) lines.push(t('revisions.result.competenciesAdded', { names: added }));
  const removed = labels(change.competenciesRemoved);
  if (removed) lines.push(t('revisions.result.competenciesRemoved', { names: removed }));
  const { semesterBefore: before, semesterAfter: after } = change;
  if (before !== after) {
    if (before !== null && after !== null) lines.push(t('revisions.result.semesterMoved', { before, after }));
    else if (after !== null) lines.push(t('revisions.result.semesterPlaced', { after }));
    else if (before !== null) lines.push(t('revisions.result.semesterUnplaced', { before }));
  }
  if (change.before.credits !== change.after.credits) {
    lines.push(
      t('revisions.result.creditsChanged', {
        before: formatCredits(change.before.credits),
        after: formatCredits(change.after.credits),
      }),
    );
  }
  const formerTitle = pickLabel(change.before.title, language, '');
  if (formerTitle && formerTitle !== pickLabel(change.after.title, language, '')) {
    lines.push(t('revisions.result.renamed', { title: formerTitle }));
  }
  return lines;
}

/**
 * Whether a changed course only moved between semesters (same competencies, credits and title): re-planning the
 * new version moves many courses, and a director reads those as one line, not as a card each.
 */
export function isSemesterMoveOnly(change: ChangedCourse): boolean {
  return (
    change.competenciesAdded.length === 0 &&
    change.competenciesRemoved.length === 0 &&
    change.before.credits === change.after.credits &&
    change.before.title.zh === change.after.title.zh &&
    change.before.title.en === change.after.title.en
  );
}

/** Whether the diff changes no course at all (only the unchanged count). */
export function diffIsEmpty(diff: Pick<CourseSystemDiffView, 'added' | 'removed' | 'changed'>): boolean {
  return diff.added.length === 0 && diff.removed.length === 0 && diff.changed.length === 0;
}
