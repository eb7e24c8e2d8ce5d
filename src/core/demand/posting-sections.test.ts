import { describe, expect, it } from 'vitest';
import { recognizeHeading, splitPostingSections } from './posting-sections.js';

function kindsOf(text: string): [string, string][] {
  return splitPostingSections(text).map((section) => [section.kind, text.slice(section.start, section.end).trim()]);
}

describe('recognizeHeading', () => {
  it.each([
    ['岗位职责：', 'duties'],
    ['【任职要求】', 'requirements'],
    ['二、福利待遇', 'benefits'],
    ['（三）公司介绍：', 'company'],
    ['3. 联系方式', 'contact'],
    ['工作时间：', 'schedule'],
    ['**Responsibilities**', 'duties'],
    ['Requirements:', 'requirements'],
    ['Qualifications', 'requirements'],
    ['What we offer', 'benefits'],
    ['About us', 'company'],
    ['## How to apply', 'contact'],
  ])('%s is a %s heading', (line, kind) => {
    expect(recognizeHeading(line)?.kind).toBe(kind);
  });

  it('recognises an inline heading and where its content starts', () => {
    const line = '薪资待遇：8000-12000元/月';
    const heading = recognizeHeading(line)!;
    expect(heading.kind).toBe('benefits');
    expect(line.slice(heading.contentOffset)).toBe('8000-12000元/月');
  });

  it.each([
    '要求具备良好的沟通能力',
    '职责范围内的文档管理',
    'Requirements engineering with stakeholders is a plus',
    '1. 熟悉Java开发',
  ])('%s is not a heading', (line) => {
    expect(recognizeHeading(line)).toBeNull();
  });
});

describe('splitPostingSections', () => {
  it('splits a Chinese posting into its parts, text order, heading words outside the sections', () => {
    const text = [
      '测试工程师',
      '【岗位职责】',
      '1. 编写测试用例；',
      '【任职要求】',
      '1. 熟悉Selenium；',
      '【福利待遇】',
      '五险一金，周末双休',
      '公司简介：',
      '一家软件公司。',
      '联系方式：张先生 138xxxx',
    ].join('\n');
    expect(kindsOf(text)).toEqual([
      ['unsectioned', '测试工程师'],
      ['duties', '1. 编写测试用例；'],
      ['requirements', '1. 熟悉Selenium；'],
      ['benefits', '五险一金，周末双休'],
      ['company', '一家软件公司。'],
      ['contact', '张先生 138xxxx'],
    ]);
  });

  it('splits an English posting', () => {
    const text = 'Responsibilities:\n- Build APIs\nRequirements\n- Python\nBenefits\n- Paid annual leave';
    expect(kindsOf(text).map(([kind]) => kind)).toEqual(['duties', 'requirements', 'benefits']);
  });

  it('keeps a posting without headings whole, as one unsectioned part', () => {
    const text = '熟悉Java开发，五险一金';
    expect(splitPostingSections(text)).toEqual([{ kind: 'unsectioned', heading: null, start: 0, end: text.length }]);
  });
});
