import { describe, expect, it } from 'vitest';
import type { RevisionProposalView, RevisionView } from '../../api/contracts.js';
import { testTranslator } from '../../i18n/test-translator.js';
import {
  collectNames,
  defaultYears,
  effectSizeWord,
  formatEffectSize,
  formatQValue,
  formatShare,
  formatWeight,
  impactLine,
  kindLabel,
  nameAll,
  personName,
  pickLabel,
  takesWeight,
  undecidedCount,
} from './revision-format.js';

function buildProposal(overrides: Partial<RevisionProposalView> = {}): RevisionProposalView {
  return {
    rank: 1,
    kind: 'new-requirement',
    action: 'add',
    post: 'software-tester',
    postLabel: { zh: '软件测试', en: 'Software tester' },
    course: null,
    courseTitle: null,
    competencies: [{ id: 'machine-learning', label: { zh: '机器学习', en: 'Machine learning' } }],
    score: 1,
    summary: { zh: '新增：机器学习', en: 'Add: machine learning' },
    evidence: { changes: [] },
    impact: {
      courses: [{ id: 'c-ai', title: { zh: '人工智能导论', en: 'Introduction to AI' } }],
      posts: [{ id: 'data-analyst', label: { zh: '数据分析', en: 'Data analyst' } }],
      semesters: [3],
    },
    decision: null,
    ...overrides,
  };
}

describe('revision figures as people read them', () => {
  it('shows shares as percentages with one decimal', () => {
    expect(formatShare(0.3)).toBe('30.0%');
    expect(formatShare(0.0345)).toBe('3.5%');
    expect(formatShare(0)).toBe('0.0%');
    expect(formatShare(null)).toBe('—');
  });

  it('says "q < 0.001" for tiny q-values and rounds the others by size', () => {
    expect(formatQValue(0.00002)).toBe('q < 0.001');
    expect(formatQValue(0.0042)).toBe('q = 0.004');
    expect(formatQValue(0.031)).toBe('q = 0.03');
    expect(formatQValue(1.2)).toBe('q = 1.00');
  });

  it('signs effect sizes with a real minus and reads them as Cohen does', () => {
    expect(formatEffectSize(0.4213)).toBe('+0.42');
    expect(formatEffectSize(-0.31)).toBe('−0.31');
    expect(formatEffectSize(0.001)).toBe('0.00');
    expect(effectSizeWord(-0.1)).toBe('small');
    expect(effectSizeWord(0.2)).toBe('medium');
    expect(effectSizeWord(-0.8)).toBe('large');
  });

  it('shows weights with two decimals', () => {
    expect(formatWeight(0.5)).toBe('0.50');
    expect(formatWeight(undefined)).toBe('—');
  });
});

describe('labels', () => {
  it('picks the UI language, then the other, then the fallback', () => {
    expect(pickLabel({ zh: '机器学习', en: 'Machine learning' }, 'en', '?')).toBe('Machine learning');
    expect(pickLabel({ zh: '机器学习', en: '' }, 'en', '?')).toBe('机器学习');
    expect(pickLabel({ zh: '', en: 'Machine learning' }, 'zh-CN', '?')).toBe('Machine learning');
    expect(pickLabel(null, 'zh-CN', '全专业群')).toBe('全专业群');
  });

  it('translates every proposal kind in both languages', () => {
    const zh = testTranslator('zh-CN');
    const en = testTranslator('en');
    expect(kindLabel(zh, 'new-requirement')).toBe('新增能力要求');
    expect(kindLabel(en, 'course-retired')).toBe('Course retired');
    for (const kind of [
      'new-requirement',
      'weight-change',
      'requirement-dropped',
      'course-content-update',
      'new-course',
      'course-retired',
      'enrolment-signal',
    ] as const) {
      expect(kindLabel(en, kind)).not.toMatch(/revisions\.|\p{Script=Han}/u);
      expect(kindLabel(zh, kind)).toMatch(/\p{Script=Han}/u);
    }
  });

  it('lets weight changes and new requirements be amended with a weight, not the others', () => {
    expect(takesWeight('weight-change')).toBe(true);
    expect(takesWeight('new-requirement')).toBe(true);
    expect(takesWeight('course-retired')).toBe(false);
  });

  it('never shows an id as a person', () => {
    expect(personName('王老师')).toBe('王老师');
    expect(personName('3f0c2a8e-8f7b-4e2a-9b1c-0d7e6f5a4b3c')).toBeNull();
    expect(personName('')).toBeNull();
  });
});

describe('the impact line', () => {
  const view: Pick<RevisionView, 'changeCount' | 'impact'> = {
    changeCount: 12,
    impact: { competencies: 3, courses: 5, posts: 4, plans: 2 },
  };

  it('reads in Chinese', () => {
    expect(impactLine(testTranslator('zh-CN'), view)).toBe('12 项变化 → 3 项能力 → 5 门课程、2 个方案');
  });

  it('reads in English, singular where one', () => {
    expect(impactLine(testTranslator('en'), view)).toBe('12 changes → 3 competencies → 5 courses, 2 plans');
    expect(
      impactLine(testTranslator('en'), { changeCount: 1, impact: { competencies: 1, courses: 1, posts: 1, plans: 1 } }),
    ).toBe('1 change → 1 competency → 1 course, 1 plan');
  });
});

describe('names for the ids the evidence gives', () => {
  const proposal = buildProposal();
  const names = collectNames({
    changes: [
      {
        competency: 'sql',
        label: { zh: 'SQL', en: 'SQL' },
        post: 'data-analyst',
        postLabel: { zh: '数据分析', en: 'Data analyst' },
        before: { postings: 100, share: 0.2 },
        after: { postings: 120, share: 0.4 },
        direction: 'rising',
        q: 0.001,
        h: 0.43,
        series: [],
      },
    ],
    proposals: [proposal],
  });

  it('finds courses, posts and competencies wherever the revision names them', () => {
    expect(names.course('c-ai')?.zh).toBe('人工智能导论');
    expect(names.post('software-tester')?.en).toBe('Software tester');
    expect(names.post('data-analyst')?.zh).toBe('数据分析');
    expect(names.competency('machine-learning')?.en).toBe('Machine learning');
    expect(names.competency('sql')?.zh).toBe('SQL');
  });

  it('counts the ids it cannot name instead of showing them', () => {
    expect(nameAll(['c-ai', 'c-unknown', 'c-other'], names.course, 'en')).toEqual({
      names: ['Introduction to AI'],
      unnamed: 2,
    });
  });

  it('counts the proposals still waiting for a decision', () => {
    const decided = buildProposal({
      rank: 2,
      decision: { decision: 'accepted', comment: '', amendedWeight: null, by: '王老师', at: '2027-05-01T08:00:00Z' },
    });
    expect(undecidedCount([proposal, decided])).toBe(1);
  });
});

describe('the default years of a new revision', () => {
  it('takes the last two years with postings', () => {
    expect(
      defaultYears(
        [
          { year: 2024, postings: 10 },
          { year: 2026, postings: 30 },
          { year: 2025, postings: 20 },
          { year: 2027, postings: 0 },
        ],
        2027,
      ),
    ).toEqual({ beforeYear: 2025, afterYear: 2026 });
  });

  it('falls back to last year and this year', () => {
    expect(defaultYears([{ year: 2026, postings: 5 }], 2027)).toEqual({ beforeYear: 2026, afterYear: 2027 });
    expect(defaultYears([], 2027)).toEqual({ beforeYear: 2026, afterYear: 2027 });
  });
});
