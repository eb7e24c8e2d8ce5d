import { describe, expect, it } from 'vitest';
import type { CourseSystemDiffView, RevisionResult } from '../../api/contracts.js';
import { testTranslator } from '../../i18n/test-translator.js';
import {
  changedCourseLines,
  creditsChangeLine,
  diffIsEmpty,
  formatCredits,
  formatSignedDelta,
  formatWeightChange,
  isSemesterMoveOnly,
  releaseNoteLines,
  requirementChangeKind,
  requirementRows,
} from './revision-result-format.js';

type ChangedCourse = CourseSystemDiffView['changed'][number];

function buildChange(overrides: Partial<ChangedCourse> = {}): ChangedCourse {
  const course = { id: 'c-web', title: { zh: 'Web 前端开发', en: 'Web front-end development' }, credits: 4 };
  return {
    before: course,
    after: course,
    competenciesAdded: [],
    competenciesRemoved: [],
    semesterBefore: 3,
    semesterAfter: 3,
    ...overrides,
  };
}

function buildRequirement(
  overrides: Partial<RevisionResult['requirements'][number]> = {},
): RevisionResult['requirements'][number] {
  return {
    post: 'software-tester',
    postLabel: { zh: '软件测试', en: 'Software tester' },
    competency: 'machine-learning',
    label: { zh: '机器学习', en: 'Machine learning' },
    before: 0.5,
    after: 0.75,
    ...overrides,
  };
}

describe('requirement changes', () => {
  it('tells a new requirement, a dropped one and a re-weighted one apart', () => {
    expect(requirementChangeKind(null, 0.5)).toBe('added');
    expect(requirementChangeKind(0.5, null)).toBe('removed');
    expect(requirementChangeKind(0.5, 0.75)).toBe('changed');
  });

  it('writes weights before → after with a dash where not required', () => {
    expect(formatWeightChange(0.5, 0.75)).toBe('0.50 → 0.75');
    expect(formatWeightChange(null, 0.6)).toBe('— → 0.60');
    expect(formatWeightChange(0.8, null)).toBe('0.80 → —');
  });

  it('orders rows by post, then competency, in the UI language, with a kind and a unique key', () => {
    const rows = requirementRows(
      [
        buildRequirement({
          post: 'tester',
          postLabel: { zh: '测试', en: 'Tester' },
          competency: 'b',
          label: { zh: '乙', en: 'Beta' },
        }),
        buildRequirement({
          post: 'analyst',
          postLabel: { zh: '分析', en: 'Analyst' },
          competency: 'z',
          label: { zh: '甲', en: 'Zeta' },
          before: null,
        }),
        buildRequirement({
          post: 'tester',
          postLabel: { zh: '测试', en: 'Tester' },
          competency: 'a',
          label: { zh: '丙', en: 'Alpha' },
          after: null,
        }),
      ],
      'en',
    );
    expect(rows.map((row) => `${row.post}/${row.competency}/${row.kind}`)).toEqual([
      'analyst/z/added',
      'tester/a/removed',
      'tester/b/changed',
    ]);
    expect(new Set(rows.map((row) => row.key)).size).toBe(3);
  });
});

describe('credits', () => {
  it('drops trailing zeros and signs differences with a real minus sign', () => {
    expect(formatCredits(2)).toBe('2');
    expect(formatCredits(1.5)).toBe('1.5');
    expect(formatCredits(62.04)).toBe('62');
    expect(formatSignedDelta(2)).toBe('+2');
    expect(formatSignedDelta(-1.5)).toBe('−1.5');
    expect(formatSignedDelta(0.01)).toBe('0');
  });

  it('says the programme total before → after in both languages', () => {
    const diff = { creditsBefore: 62, creditsAfter: 64 };
    expect(creditsChangeLine(testTranslator('zh-CN'), diff)).toBe('62 → 64（+2）');
    expect(creditsChangeLine(testTranslator('en'), { creditsBefore: 64, creditsAfter: 60.5 })).toBe('64 → 60.5 (−3.5)');
  });
});

describe('release notes', () => {
  it('picks the UI language, falls back to the other, drops empty lines', () => {
    const notes = [
      { zh: '新增：机器学习', en: 'Add: machine learning' },
      { zh: '删除：Flash', en: '' },
      { zh: '', en: '' },
    ];
    expect(releaseNoteLines(notes, 'en')).toEqual(['Add: machine learning', '删除：Flash']);
    expect(releaseNoteLines(notes, 'zh-CN')).toEqual(['新增：机器学习', '删除：Flash']);
  });
});

describe('changed courses', () => {
  const zh = testTranslator('zh-CN');
  const en = testTranslator('en');

  it('names competencies added and removed by label, never by id', () => {
    const change = buildChange({
      competenciesAdded: [
        { id: 'vue', label: { zh: 'Vue 框架', en: 'Vue' } },
        { id: 'react', label: { zh: 'React 框架', en: 'React' } },
      ],
      competenciesRemoved: [{ id: 'jquery', label: { zh: 'jQuery', en: 'jQuery' } }],
    });
    expect(changedCourseLines(en, change, 'en')).toEqual([
      'Competencies added: React, Vue',
      'Competencies removed: jQuery',
    ]);
    const lines = changedCourseLines(zh, change, 'zh-CN');
    expect(lines[0]).toMatch(/^新增能力：.*、/);
    expect(lines.join()).not.toMatch(/\bvue\b|\breact\b/);
  });

  it('says semester moves, placements and removals from the schedule', () => {
    expect(changedCourseLines(zh, buildChange({ semesterBefore: 3, semesterAfter: 4 }), 'zh-CN')).toEqual([
      '学期：第 3 学期 → 第 4 学期',
    ]);
    expect(changedCourseLines(en, buildChange({ semesterBefore: null, semesterAfter: 2 }), 'en')).toEqual([
      'Placed in semester 2',
    ]);
    expect(changedCourseLines(en, buildChange({ semesterBefore: 5, semesterAfter: null }), 'en')).toEqual([
      'No longer placed in a semester (was semester 5)',
    ]);
  });

  it('says credit changes and a former title', () => {
    const change = buildChange({
      before: { id: 'c-web', title: { zh: '网页设计', en: 'Web design' }, credits: 3 },
      after: { id: 'c-web', title: { zh: 'Web 前端开发', en: 'Web front-end development' }, credits: 4.5 },
    });
    expect(changedCourseLines(en, change, 'en')).toEqual(['Credits: 3 → 4.5', 'Formerly: Web design']);
  });

  it('says nothing when nothing shown changed', () => {
    expect(changedCourseLines(en, buildChange(), 'en')).toEqual([]);
  });
});

describe('diffIsEmpty', () => {
  it('is true only when no course was added, removed or changed', () => {
    expect(diffIsEmpty({ added: [], removed: [], changed: [] })).toBe(true);
    expect(diffIsEmpty({ added: [], removed: [], changed: [buildChange()] })).toBe(false);
  });
});

describe('isSemesterMoveOnly', () => {
  const course = (credits: number, zh = '软件测试基础') => ({ id: 'c1', title: { zh, en: 'Testing' }, credits });
  const change = (overrides: Record<string, unknown> = {}) => ({
    before: course(2),
    after: course(2),
    competenciesAdded: [],
    competenciesRemoved: [],
    semesterBefore: 3,
    semesterAfter: 4,
    ...overrides,
  });
  it('tells a course that only moved semester from one whose content changed', () => {
    expect(isSemesterMoveOnly(change())).toBe(true);
    expect(isSemesterMoveOnly(change({ after: course(3) }))).toBe(false);
    expect(isSemesterMoveOnly(change({ after: course(2, '软件测试') }))).toBe(false);
    expect(isSemesterMoveOnly(change({ competenciesAdded: [{ id: 'x', label: { zh: '测试', en: 'testing' } }] }))).toBe(
      false,
    );
  });
});
