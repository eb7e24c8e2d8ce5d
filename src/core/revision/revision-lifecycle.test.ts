import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors/domain-error.js';
import {
  checkProposalDecision,
  checkRevisionSubmission,
  checkRevisionWithdrawal,
  isRevisionOpen,
} from './revision-lifecycle.js';
import { tallyFromCounts } from './tally-from-counts.js';

const codeOf = (work: () => void) => {
  try {
    work();
    return null;
  } catch (error) {
    return error instanceof DomainError ? (error.code as string) : 'other';
  }
};

describe('the revision lifecycle', () => {
  it('keeps drafts and submitted revisions open, nothing else', () => {
    expect(['draft', 'submitted', 'approved', 'rejected', 'withdrawn'].map((s) => isRevisionOpen(s as never))).toEqual([
      true,
      true,
      false,
      false,
      false,
    ]);
  });

  it('takes decisions on drafts only, with weights only where a proposal carries one', () => {
    const accept = { decision: 'accepted' as const, comment: '', amendedWeight: null };
    expect(codeOf(() => checkProposalDecision('draft', 'new-course', accept))).toBeNull();
    expect(codeOf(() => checkProposalDecision('submitted', 'new-course', accept))).toBe('REVISION_NOT_EDITABLE');
    expect(codeOf(() => checkProposalDecision('withdrawn', 'new-course', accept))).toBe('REVISION_NOT_EDITABLE');
    const amend = { decision: 'amended' as const, comment: '', amendedWeight: 0.6 };
    expect(codeOf(() => checkProposalDecision('draft', 'weight-change', amend))).toBeNull();
    expect(codeOf(() => checkProposalDecision('draft', 'new-requirement', amend))).toBeNull();
    expect(codeOf(() => checkProposalDecision('draft', 'course-retired', amend))).toBe('VALIDATION_FAILED');
    expect(codeOf(() => checkProposalDecision('draft', 'weight-change', { ...accept, amendedWeight: 0.5 }))).toBe(
      'VALIDATION_FAILED',
    );
    expect(codeOf(() => checkProposalDecision('draft', 'new-course', { ...amend, amendedWeight: null }))).toBe(
      'VALIDATION_FAILED',
    );
    expect(codeOf(() => checkProposalDecision('draft', 'new-course', { ...accept, decision: 'rejected' }))).toBe(
      'VALIDATION_FAILED',
    );
    expect(
      codeOf(() => checkProposalDecision('draft', 'new-course', { ...accept, decision: 'rejected', comment: 'no' })),
    ).toBeNull();
  });

  it('submits a draft once every proposal is decided, and withdraws open revisions only', () => {
    expect(codeOf(() => checkRevisionSubmission('draft', [1, 2], new Set([1, 2])))).toBeNull();
    expect(codeOf(() => checkRevisionSubmission('draft', [], new Set()))).toBeNull();
    expect(codeOf(() => checkRevisionSubmission('draft', [1, 2], new Set([1])))).toBe('REVISION_UNDECIDED');
    expect(codeOf(() => checkRevisionSubmission('submitted', [], new Set()))).toBe('REVISION_NOT_EDITABLE');
    expect(codeOf(() => checkRevisionWithdrawal('draft'))).toBeNull();
    expect(codeOf(() => checkRevisionWithdrawal('submitted'))).toBeNull();
    expect(codeOf(() => checkRevisionWithdrawal('withdrawn'))).toBe('REVISION_NOT_EDITABLE');
    expect(codeOf(() => checkRevisionWithdrawal('approved'))).toBe('REVISION_NOT_EDITABLE');
  });
});

describe('tallyFromCounts', () => {
  it('gives the figures adding the postings one by one gives', () => {
    const tally = tallyFromCounts(
      {
        posts: new Map([
          [
            'p1',
            new Map([
              ['', 4],
              ['c1', 3],
              ['x', 1],
            ]),
          ],
        ]),
        all: new Map([
          ['', 10],
          ['c1', 5],
          ['c2', 2],
          ['x', 1],
        ]),
      },
      (competency) => competency !== 'x',
      'all',
    );
    expect(tally.size(null)).toBe(10);
    expect(tally.size('p1')).toBe(4);
    expect(tally.count('p1', 'c1')).toBe(3);
    expect(tally.count(null, 'c2')).toBe(2);
    expect(tally.count(null, 'x')).toBe(0);
    expect(tally.count('p1', 'x')).toBe(0);
  });

  it("counts only the group's own posts in the all-postings rows by default", () => {
    const counts = {
      posts: new Map([
        [
          'p1',
          new Map([
            ['', 4],
            ['c1', 3],
          ]),
        ],
        [
          'p2',
          new Map([
            ['', 6],
            ['c1', 1],
            ['c2', 2],
          ]),
        ],
      ]),
      all: new Map([
        ['', 100],
        ['c1', 50],
        ['supply-chain', 40],
      ]),
    };
    const tally = tallyFromCounts(counts);
    expect(tally.size(null)).toBe(10);
    expect(tally.count(null, 'c1')).toBe(4);
    expect(tally.count(null, 'supply-chain')).toBe(0);
  });
});
