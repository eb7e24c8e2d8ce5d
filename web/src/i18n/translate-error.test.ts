import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/api-error.js';
import { testTranslator } from './test-translator.js';
import { fieldLabel, translateError } from './translate-error.js';

const zh = testTranslator('zh-CN');
const en = testTranslator('en');
const HAN = /\p{Script=Han}/u;

const notFitting = new ApiError(
  'VALIDATION_FAILED',
  '97 credits do not fit in 4 teaching semesters of at most 20 credits',
  400,
  {
    field: 'maxCredits',
    reason: 'credits-do-not-fit',
    credits: 97,
    semesters: 4,
    cap: 20,
    needed: 5,
  },
);

describe('translateError', () => {
  it('gives a re-plan refusal its reason and figures in the page language, at the field too', () => {
    const chinese = translateError(zh, notFitting, { atField: true });
    expect(chinese).toContain('97 学分放不进 4 个教学学期');
    expect(chinese).not.toContain('此项填写有误');
    const english = translateError(en, notFitting);
    expect(english).toContain('97 credits do not fit in 4 teaching semesters');
    expect(english).not.toMatch(HAN);
  });

  it('names a schema-validation field by its label and the issue by its keyword, never by the path', () => {
    const error = new ApiError('VALIDATION_FAILED', 'body field publicCourses.2.semester: Too small', 400, {
      field: 'publicCourses.2.semester',
      issues: [{ field: 'publicCourses.2.semester', message: 'Too small', keyword: 'too_small' }],
    });
    expect(translateError(zh, error)).toBe('“第 3 行的学期”填写有误：太小或太短');
    expect(translateError(en, error)).toBe('“Semester in row 3” is not valid: too small or too short');
  });

  it('never shows the server’s English wording on a Chinese page', () => {
    const unknownReason = new ApiError('VALIDATION_FAILED', 'Something odd about x', 400, { field: 'mysteryField' });
    expect(translateError(zh, unknownReason)).toBe('“此项”填写有误：填写的内容不符合要求');
    expect(translateError(en, unknownReason)).toContain('Something odd about x');
    const newCode = new ApiError('BRAND_NEW_CODE', 'A new failure', 409);
    expect(translateError(zh, newCode)).not.toMatch(/[A-Za-z]{4,}/);
    expect(translateError(en, newCode)).toContain('A new failure');
  });

  it('translates known codes and keeps the password rule and retry time', () => {
    expect(translateError(zh, new ApiError('FORBIDDEN', 'no', 403))).toBe('您没有执行此操作的权限。');
    expect(translateError(en, new ApiError('RATE_LIMITED', 'slow', 429, { retryAfterSeconds: 2.2 }))).toContain('3');
    expect(translateError(zh, new ApiError('PASSWORD_TOO_WEAK', 'weak', 400, { rule: 'min_length' }))).toContain('10');
  });
});

describe('fieldLabel', () => {
  it('labels known fields in both languages and hides unknown paths', () => {
    expect(fieldLabel(zh, 'maxCredits')).toBe('每学期学分上限');
    expect(fieldLabel(en, 'maxCredits')).toBe('Credit cap per semester');
    expect(fieldLabel(en, 'ito-cloud-operations.weird')).toBe('This field');
  });
});

describe('codes that name what was wrong', () => {
  it('puts details.detail into the sentence, and drops the colon when there is none', () => {
    const taken = new ApiError('ROSTER_ID_TAKEN', 'taken', 409, { detail: '2024010101' });
    expect(translateError(en, taken)).toContain('2024010101');
    expect(translateError(zh, taken)).toContain('2024010101');
    const refused = translateError(en, new ApiError('SSO_FAILED', 'refused', 400));
    expect(refused).not.toContain('{{');
    expect(refused).not.toMatch(/:\s*$/);
  });
});
