import { describe, expect, it } from 'vitest';
import {
  integerOrUndefined,
  rosterKindsFor,
  rosterStatusTags,
  statusLabelKey,
  withoutSubtree,
} from './people-format.js';

describe('people format', () => {
  it('offers the rosters of the organisation’s kind', () => {
    expect(rosterKindsFor('college')).toEqual(['student', 'teacher']);
    expect(rosterKindsFor('enterprise')).toEqual(['engineer']);
    expect(rosterKindsFor('city_office')).toEqual([]);
    expect(rosterKindsFor(null)).toEqual([]);
  });

  it('tags left, disabled and not-activated people', () => {
    expect(rosterStatusTags({ status: 'active', accountDisabled: false, hasPassword: true })).toEqual(['active']);
    expect(rosterStatusTags({ status: 'left', accountDisabled: true, hasPassword: false })).toEqual([
      'left',
      'disabled',
      'notActivated',
    ]);
  });

  it('says enrolled for students and employed for staff', () => {
    expect(statusLabelKey('active', 'student')).toBe('people.status.active');
    expect(statusLabelKey('active', 'teacher')).toBe('people.status.activeStaff');
    expect(statusLabelKey('disabled', 'engineer')).toBe('people.status.disabled');
  });

  it('reads whole numbers from the URL', () => {
    expect(integerOrUndefined('2024')).toBe(2024);
    expect(integerOrUndefined('x')).toBeUndefined();
    expect(integerOrUndefined(undefined)).toBeUndefined();
  });
});

describe('where a department may move', () => {
  it('leaves out the department and its subtree', () => {
    const leaf = (id: string) => ({ id, children: [] as { id: string; children: never[] }[] });
    const tree = [{ id: 'a', children: [{ id: 'b', children: [leaf('c')] }, leaf('d')] }];
    expect(withoutSubtree(tree, 'b')).toEqual([{ id: 'a', children: [leaf('d')] }]);
    expect(withoutSubtree(tree, 'a')).toEqual([]);
  });
});
