import { describe, expect, it } from 'vitest';
import { testTranslator } from '../../i18n/test-translator.js';
import { calendarEntryLine, calendarEntryPath } from './revision-calendar.js';

describe('the revision calendar on the dashboard', () => {
  it('leads to this year’s revision, or to the group’s revisions to start one', () => {
    expect(calendarEntryPath({ courseSystemId: 'cs 1', revisionId: 'rev-1' })).toBe('/revisions/rev-1');
    expect(calendarEntryPath({ courseSystemId: 'cs 1', revisionId: null })).toBe('/groups/cs%201/revisions');
  });

  it('says where this year’s revision stands in the UI language', () => {
    expect(calendarEntryLine(testTranslator('zh-CN'), 2027, { state: 'none' })).toBe('2027 年度动态调整：尚未开始');
    expect(calendarEntryLine(testTranslator('zh-CN'), 2027, { state: 'applied' })).toBe('2027 年度动态调整：已应用');
    expect(calendarEntryLine(testTranslator('en'), 2027, { state: 'submitted' })).toBe(
      '2027 yearly revision: before the committee',
    );
  });
});
