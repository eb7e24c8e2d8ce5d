import { DomainError } from '../errors/domain-error.js';

/**
 * The lifecycle of a Talent Training Plan's versions, in one place: versions are numbered; the newest may be a
 * draft (at most one), which the college edits and then submits to the steering committee (专业建设指导委员会);
 * while submitted nobody edits it; the committee's vote approves it (it never changes again) or gives it back
 * to the college as a draft. A new draft starts from the newest approved one. The director never approves alone.
 * The database refuses changes to an approved version by trigger too.
 */
export interface PlanVersionState {
  readonly number: number;
  readonly status: 'draft' | 'approved';
  /** When the draft was put before the committee (null or absent: the college's to edit). */
  readonly submittedAt?: string | null;
}

/** Throws PLAN_VERSION_NOT_EDITABLE unless the version is a draft the college holds (not under review). */
export function assertPlanVersionEditable(version: PlanVersionState): void {
  if (version.status !== 'draft') {
    throw new DomainError(
      'PLAN_VERSION_NOT_EDITABLE',
      `Version ${version.number} is approved and cannot change; start a new version.`,
      { version: version.number },
    );
  }
  if (version.submittedAt) {
    throw new DomainError(
      'PLAN_VERSION_NOT_EDITABLE',
      `Version ${version.number} is before the steering committee: it changes only if the committee gives it back.`,
      { version: version.number, underReview: true },
    );
  }
}

/** Submitting the newest draft to the committee: the review round it opens. */
export function submitPlanVersion(version: PlanVersionState & { readonly reviewRound: number }): { round: number } {
  assertPlanVersionEditable(version);
  return { round: version.reviewRound + 1 };
}

/** True while the version is before the committee (submitted, not yet decided): votes may be cast. */
export function isPlanVersionUnderReview(version: PlanVersionState): boolean {
  return version.status === 'draft' && Boolean(version.submittedAt);
}

/**
 * The director takes a version back from the committee before it decides (to correct it): it is the college's to
 * edit again; the votes of the round stay recorded, and the next submission opens a new round.
 */
export function withdrawPlanVersion(version: PlanVersionState): void {
  if (!isPlanVersionUnderReview(version)) {
    throw new DomainError('VOTING_CLOSED', `Version ${version.number} is not before the committee.`, {
      version: version.number,
    });
  }
}

/** The newest version, which must be a draft to be edited or approved. */
export function editableDraftOf<V extends PlanVersionState>(versions: readonly V[]): V {
  const latest = versions.at(-1);
  if (!latest) throw new DomainError('TRAINING_PLAN_NOT_FOUND', 'The plan has no version.', {});
  assertPlanVersionEditable(latest);
  return latest;
}

/** The committee's decision on a version under review: approved (immutable) or back to the college as a draft. */
export function decidePlanVersion(
  version: PlanVersionState,
  outcome: 'approved' | 'rejected',
): { status: 'approved' } | { status: 'draft'; returned: true } {
  if (!isPlanVersionUnderReview(version)) {
    throw new DomainError('VOTING_CLOSED', `Version ${version.number} is not before the committee.`, {
      version: version.number,
    });
  }
  return outcome === 'approved' ? { status: 'approved' } : { status: 'draft', returned: true };
}

/** A new draft may start only from an approved newest version; returns the new version's number. */
export function nextPlanVersionNumber(versions: readonly PlanVersionState[]): number {
  const latest = versions.at(-1);
  if (!latest) return 1;
  if (latest.status === 'draft') {
    throw new DomainError(
      'PLAN_VERSION_NOT_EDITABLE',
      `Version ${latest.number} is still a draft: finish it and have the committee approve it first.`,
      { version: latest.number },
    );
  }
  return latest.number + 1;
}
