import { describe, expect, it } from 'vitest';
import { isDomainError } from '../errors/domain-error.js';
import {
  approvePlanVersion,
  assertPlanVersionEditable,
  editableDraftOf,
  nextPlanVersionNumber,
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

  it('edits and approves only the newest version while it is a draft', () => {
    expect(editableDraftOf([approved, draft])).toBe(draft);
    expect(codeOf(() => editableDraftOf([approved]))).toBe('PLAN_VERSION_NOT_EDITABLE');
    expect(approvePlanVersion(draft)).toEqual({ status: 'approved' });
    expect(codeOf(() => approvePlanVersion(approved))).toBe('PLAN_VERSION_NOT_EDITABLE');
    expect(codeOf(() => assertPlanVersionEditable(approved))).toBe('PLAN_VERSION_NOT_EDITABLE');
  });

  it('starts a new version only from an approved one, numbered next', () => {
    expect(nextPlanVersionNumber([])).toBe(1);
    expect(nextPlanVersionNumber([approved])).toBe(2);
    expect(codeOf(() => nextPlanVersionNumber([approved, draft]))).toBe('PLAN_VERSION_NOT_EDITABLE');
  });
});
