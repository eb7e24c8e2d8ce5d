import { DomainError } from '../errors/domain-error.js';

/**
 * The lifecycle of a Talent Training Plan's versions, in one place: versions are numbered; the newest may be a
 * draft (at most one), which is edited and then approved; an approved version never changes again, and a new
 * draft starts from the newest approved one. The database refuses changes to an approved version by trigger too.
 */
export interface PlanVersionState {
  readonly number: number;
  readonly status: 'draft' | 'approved';
}

/** Throws PLAN_VERSION_NOT_EDITABLE unless the version is a draft. */
export function assertPlanVersionEditable(version: PlanVersionState): void {
  if (version.status !== 'draft') {
    throw new DomainError(
      'PLAN_VERSION_NOT_EDITABLE',
      `Version ${version.number} is approved and cannot change; start a new version.`,
      { version: version.number },
    );
  }
}

/** The newest version, which must be a draft to be edited or approved. */
export function editableDraftOf<V extends PlanVersionState>(versions: readonly V[]): V {
  const latest = versions.at(-1);
  if (!latest) throw new DomainError('TRAINING_PLAN_NOT_FOUND', 'The plan has no version.', {});
  assertPlanVersionEditable(latest);
  return latest;
}

/** Approving a draft: what the version becomes. */
export function approvePlanVersion(version: PlanVersionState): { status: 'approved' } {
  assertPlanVersionEditable(version);
  return { status: 'approved' };
}

/** A new draft may start only from an approved newest version; returns the new version's number. */
export function nextPlanVersionNumber(versions: readonly PlanVersionState[]): number {
  const latest = versions.at(-1);
  if (!latest) return 1;
  if (latest.status === 'draft') {
    throw new DomainError(
      'PLAN_VERSION_NOT_EDITABLE',
      `Version ${latest.number} is still a draft: edit or approve it first.`,
      { version: latest.number },
    );
  }
  return latest.number + 1;
}
