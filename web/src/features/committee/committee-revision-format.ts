import type { TFunction } from 'i18next';
import type { CommitteeRevisionSummary } from '../../api/contracts.js';
import { pickLabel } from '../revisions/revision-format.js';

type DeskRevision = Pick<CommitteeRevisionSummary, 'status' | 'submittedAt'>;

/** The committee's page of one revision. */
export function committeeRevisionPath(revisionId: string): string {
  return `/committee/revisions/${encodeURIComponent(revisionId)}`;
}

/** How many revisions still wait for the committee's decision. */
export function waitingRevisionCount(items: readonly Pick<CommitteeRevisionSummary, 'status'>[]): number {
  return items.filter((item) => item.status === 'submitted').length;
}

/** The desk's order: those still before the committee first, then the newest submission first (undated last). */
export function sortDeskRevisions<T extends DeskRevision>(items: readonly T[]): T[] {
  const rank = (item: DeskRevision) => (item.status === 'submitted' ? 0 : 1);
  return [...items].sort((a, b) => {
    const byState = rank(a) - rank(b);
    if (byState !== 0) return byState;
    return (b.submittedAt ?? '').localeCompare(a.submittedAt ?? '');
  });
}

/** "数字媒体专业群 · 2027 年度动态调整（对比 2026 年）": the group in the UI language and the two years, never an id. */
export function deskRevisionName(
  t: TFunction,
  revision: Pick<CommitteeRevisionSummary, 'groupName' | 'beforeYear' | 'afterYear'>,
  language: string,
): string {
  const group = pickLabel(revision.groupName, language, t('revisions.workspace.groupFallback'));
  return t('committeeRevisions.name', {
    group,
    plan: revision.afterYear + 1,
    before: revision.beforeYear,
    after: revision.afterYear,
  });
}

/** The desk's tally cell: "赞成 2 · 反对 0 · 弃权 1（已参与 3 / 法定 3）", or a dash when there is no vote to show. */
export function deskTallyText(t: TFunction, tally: CommitteeRevisionSummary['tally']): string {
  if (!tally) return '—';
  const counts = t('vote.tally', { approve: tally.approve, reject: tally.reject, abstain: tally.abstain });
  return t('committeeRevisions.tallyValue', {
    counts,
    participating: tally.participating,
    quorum: tally.quorum,
  });
}
