import { describe, expect, it } from 'vitest';
import { departmentCycle } from './department-cycle.js';
import { diffRoster, type StoredRosterEntry } from './diff-roster.js';
import { rosterTemplate } from './roster-template.js';
import { validateRoster } from './validate-roster.js';

const base: StoredRosterEntry = {
  externalId: 'T1',
  name: '赵老师',
  gender: null,
  specialtyCode: null,
  specialtyName: null,
  className: null,
  cohortYear: null,
  durationYears: null,
  department: '信息工程学院',
  title: '讲师',
  doubleQualified: null,
  phone: '13800000000',
  email: null,
  status: 'active',
};

describe('diffRoster', () => {
  it('sorts the file into new, changed, unchanged, left and returning, field by field', () => {
    const stored: StoredRosterEntry[] = [
      base,
      { ...base, externalId: 'T2', name: '钱老师' },
      { ...base, externalId: 'T3', name: '孙老师' },
      { ...base, externalId: 'T4', name: '李老师', status: 'left' },
    ];
    const rows = [
      { ...base, line: 2, title: '副教授' },
      { ...base, line: 3, externalId: 't2', name: '钱老师' },
      { ...base, line: 4, externalId: 'T4', name: '李老师' },
      { ...base, line: 5, externalId: 'T5', name: '周老师' },
    ];
    const diff = diffRoster(stored, rows, ['externalId', 'name', 'department', 'title']);
    expect(diff.new).toEqual([{ externalId: 'T5', name: '周老师', line: 5, changes: [] }]);
    expect(diff.changed).toEqual([
      { externalId: 'T1', name: '赵老师', line: 2, changes: [{ field: 'title', before: '讲师', after: '副教授' }] },
    ]);
    expect(diff.unchanged).toBe(1);
    expect(diff.left).toEqual([{ externalId: 'T3', name: '孙老师', line: null, changes: [] }]);
    expect(diff.returning.map((entry) => entry.externalId)).toEqual(['T4']);
  });

  it('compares only the columns the file has', () => {
    const diff = diffRoster([base], [{ ...base, line: 2, phone: null }], ['externalId', 'name']);
    expect(diff.unchanged).toBe(1);
  });
});

describe('rosterTemplate', () => {
  it('is a valid file of its own kind, in both languages', () => {
    for (const kind of ['student', 'teacher', 'engineer'] as const) {
      for (const lang of ['zh-CN', 'en'] as const) {
        const template = rosterTemplate(kind, lang);
        const result = validateRoster(kind, [
          { line: 1, cells: template.headers },
          { line: 2, cells: template.example },
        ]);
        expect(result.problems, `${kind} ${lang}`).toEqual([]);
        expect(result.rows).toHaveLength(1);
      }
    }
  });
});

describe('departmentCycle', () => {
  it('finds a parent that is the department itself or below it', () => {
    const parents = new Map<string, string | null>([
      ['a', null],
      ['b', 'a'],
      ['c', 'b'],
    ]);
    expect(departmentCycle(parents, 'a', 'c')).toBe(true);
    expect(departmentCycle(parents, 'a', 'a')).toBe(true);
    expect(departmentCycle(parents, 'c', 'a')).toBe(false);
    expect(departmentCycle(parents, 'b', null)).toBe(false);
  });
});
