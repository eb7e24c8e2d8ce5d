import { describe, expect, it } from 'vitest';
import { locatedProblems } from './located-problems.js';

describe('located file problems', () => {
  it('reads one problem from the details, or the list an importer sends', () => {
    expect(locatedProblems({ file: 'a.csv', line: 3, field: 'externalId', reason: 'duplicate' })).toEqual([
      { file: 'a.csv', line: 3, field: 'externalId', reason: 'duplicate' },
    ]);
    expect(
      locatedProblems({
        errors: [
          { file: 'a.csv', line: 3, field: 'externalId', reason: 'duplicate' },
          { file: 'a.csv', line: 7, field: 'className' },
          { nonsense: true },
        ],
      }),
    ).toEqual([
      { file: 'a.csv', line: 3, field: 'externalId', reason: 'duplicate' },
      { file: 'a.csv', line: 7, field: 'className', reason: null },
    ]);
    expect(locatedProblems({ detail: 'no header row' })).toEqual([]);
    // The roster reader's shape: the first problem in the details, all of them in `problems`.
    expect(
      locatedProblems({
        file: 'b.csv',
        line: 2,
        field: 'name',
        reason: 'empty',
        problems: [
          { file: 'b.csv', line: 2, field: 'name', reason: 'empty' },
          { file: 'b.csv', line: 4, field: 'externalId', reason: 'duplicate' },
        ],
      }).map((problem) => problem.line),
    ).toEqual([2, 4]);
  });
});
