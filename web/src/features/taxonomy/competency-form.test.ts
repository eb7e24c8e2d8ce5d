import { describe, expect, it } from 'vitest';
import {
  cleanList,
  COMPETENCY_ID_MAX,
  COMPETENCY_ID_PATTERN,
  ESCO_SKILL_URI,
  orNull,
  suggestCompetencyId,
} from './competency-form.js';

describe('competency form values', () => {
  it('cleans alias lists: trimmed, no blanks, no repeats, order kept', () => {
    expect(cleanList([' QA ', '', 'QA', 'tester', '  '])).toEqual(['QA', 'tester']);
    expect(cleanList(undefined)).toEqual([]);
  });

  it('turns blank text into null', () => {
    expect(orNull('  ')).toBeNull();
    expect(orNull(undefined)).toBeNull();
    expect(orNull(' note ')).toBe('note');
  });

  it('suggests a kebab-case id from the English label, accents dropped', () => {
    expect(suggestCompetencyId('Digital twin testing')).toBe('digital-twin-testing');
    expect(suggestCompetencyId('  Café  Ops / CI-CD!  ')).toBe('cafe-ops-ci-cd');
    expect(suggestCompetencyId('自动化测试')).toBe('');
  });

  it('cuts a long id at a word boundary within the limit, and the result passes the contract', () => {
    const id = suggestCompetencyId('word '.repeat(40));
    expect(id.length).toBeLessThanOrEqual(COMPETENCY_ID_MAX);
    expect(id.endsWith('-')).toBe(false);
    expect(id).toMatch(COMPETENCY_ID_PATTERN);
    const unbroken = suggestCompetencyId('x'.repeat(100));
    expect(unbroken).toBe('x'.repeat(COMPETENCY_ID_MAX));
  });

  it('recognises ESCO skill URIs', () => {
    expect(ESCO_SKILL_URI.test('http://data.europa.eu/esco/skill/0a1b2c3d-0a1b-0a1b-0a1b-0a1b2c3d4e5f')).toBe(true);
    expect(ESCO_SKILL_URI.test('https://data.europa.eu/esco/skill/0a1b2c3d-0a1b-0a1b-0a1b-0a1b2c3d4e5f')).toBe(false);
  });
});
