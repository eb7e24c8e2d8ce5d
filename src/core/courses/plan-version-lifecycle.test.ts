import { describe, expect, it } from 'vitest';
import { isDomainError } from '../errors/domain-error.js';
import {
  assertPlanVersionEditable,
  decidePlanVersion,
  editableDraftOf,
  nextPlanVersionNumber,
  submitPlanVersion,
  withdrawPlanVersion,
} from './plan-version-lifecycle.js';

function codeOf(work: () => unknown): string {
  try {
    work();
    return 'ok';
  } catch (error) {
    return isDomainError(error) ? error.code : String(error);
  }
}

describe('the training plan version lifecycle', () => {
  const draft = { number: 2, status: 'draft' } as const;
  const approved = { number: 1, status: 'approved' } as const;

  const submitted = { number: 2, status: 'draft', submittedAt: '2026-01-01T00:00:00.000Z' } as const;

  it('edits and submits only the newest version while the college holds it as a draft', () => {
    expect(editableDraftOf([approved, draft])).toBe(draft);
    expect(codeOf(() => editableDraftOf([approved]))).toBe('PLAN_VERSION_NOT_EDITABLE');
    expect(codeOf(() => assertPlanVersionEditable(approved))).toBe('PLAN_VERSION_NOT_EDITABLE');
    expect(submitPlanVersion({ ...draft, reviewRound: 0 })).toEqual({ round: 1 });
    expect(submitPlanVersion({ ...draft, reviewRound: 1 })).toEqual({ round: 2 });
    expect(codeOf(() => submitPlanVersion({ ...approved, reviewRound: 1 }))).toBe('PLAN_VERSION_NOT_EDITABLE');
  });

  it('freezes a draft while it is before the committee; only the committee decides it', () => {
    expect(codeOf(() => editableDraftOf([approved, submitted]))).toBe('PLAN_VERSION_NOT_EDITABLE');
    expect(codeOf(() => submitPlanVersion({ ...submitted, reviewRound: 1 }))).toBe('PLAN_VERSION_NOT_EDITABLE');
    expect(decidePlanVersion(submitted, 'approved')).toEqual({ status: 'approved' });
    expect(decidePlanVersion(submitted, 'rejected')).toEqual({ status: 'draft', returned: true });
    expect(codeOf(() => decidePlanVersion(draft, 'approved'))).toBe('VOTING_CLOSED');
    expect(codeOf(() => decidePlanVersion(approved, 'approved'))).toBe('VOTING_CLOSED');
  });

  it('lets the director withdraw only a version that is before the committee', () => {
    expect(() => withdrawPlanVersion(submitted)).not.toThrow();
    expect(codeOf(() => withdrawPlanVersion(draft))).toBe('VOTING_CLOSED');
    expect(codeOf(() => withdrawPlanVersion(approved))).toBe('VOTING_CLOSED');
  });

  it('starts a new version only from an approved one, numbered next', () => {
    expect(nextPlanVersionNumber([])).toBe(1);
    expect(nextPlanVersionNumber([approved])).toBe(2);
    expect(codeOf(() => nextPlanVersionNumber([approved, draft]))).toBe('PLAN_VERSION_NOT_EDITABLE');
  });
});
