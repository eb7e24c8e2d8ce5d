import { describe, expect, it } from 'vitest';
import { formatDateTime } from './format-date-time.js';

describe('dates and times', () => {
  it('formats a timestamp in each UI language and leaves text that is not a date alone', () => {
    const iso = '2026-03-05T08:30:00.000Z';
    const chinese = formatDateTime(iso, 'zh-CN');
    const english = formatDateTime(iso, 'en');
    expect(chinese).toMatch(/2026年3月5日/);
    expect(english).toMatch(/Mar 5, 2026/);
    expect(formatDateTime(iso, 'en')).toBe(english);
    expect(formatDateTime('not a date', 'en')).toBe('not a date');
  });
});
