import { describe, expect, it } from 'vitest';
import type { LinkEntry } from '../link-entry.js';
import { buildMentionMatcher, normaliseWord } from './build-mention-matcher.js';
import { countMentionSpans, findMentions, type FindMentionsOptions } from './find-mentions.js';

const HAN = /\p{Script=Han}/u;

function buildEntry(key: string, terms: readonly string[], overrides: Partial<LinkEntry> = {}): LinkEntry {
  return {
    key,
    id: key,
    esco: null,
    escoLabel: null,
    labelZh: null,
    labelEn: null,
    terms: terms.map((text, index) => ({
      text,
      lang: HAN.test(text) ? 'zh' : 'en',
      kind: index === 0 ? 'label' : 'alias',
    })),
    descriptionZh: null,
    descriptionEn: null,
    broaderLabels: [],
    occupationCount: 0,
    isGroup: false,
    ...overrides,
  };
}

const ENTRIES: LinkEntry[] = [
  buildEntry('java', ['Java']),
  buildEntry('javascript', ['JavaScript', 'JS']),
  buildEntry('r', ['R']),
  buildEntry('c', ['C']),
  buildEntry('go', ['Go', 'golang']),
  buildEntry('it', ['IT support']),
  buildEntry('problem-solving', ['problem-solving']),
  buildEntry('manage-project', ['manage project']),
  buildEntry('database', ['database', 'databases']),
  buildEntry('policy', ['company policy']),
  buildEntry('process', ['business process']),
  buildEntry('api', ['API']),
  buildEntry('cpp', ['C++']),
  buildEntry('csharp', ['C#']),
  buildEntry('dotnet', ['.NET']),
  buildEntry('node', ['Node.js']),
  buildEntry('cicd', ['CI/CD']),
  buildEntry('rnd', ['R&D']),
  buildEntry('software-testing', ['software testing', '软件测试']),
  buildEntry('testing-fundamentals', ['software testing fundamentals']),
  buildEntry('testing', ['testing', '测试']),
  buildEntry('test-case-design', ['test case design', '测试用例设计']),
  buildEntry('machine-learning', ['machine learning', '机器学习']),
  buildEntry('learning', ['learning']),
  buildEntry('java-dev', ['Java开发']),
  buildEntry('excel', ['Excel', '表格']),
  buildEntry('spreadsheet', ['spreadsheet software', 'Excel']),
  buildEntry('group', ['software'], { isGroup: true }),
  buildEntry('lowercase-short', ['re', 'ng']),
  buildEntry('one-han', ['税']),
  buildEntry('accounting', ['accounting']),
];
const MATCHER = buildMentionMatcher(ENTRIES);

/** `key:surface` for every mention, in order. */
function found(text: string, options?: FindMentionsOptions): string[] {
  return findMentions(MATCHER, text, options).map(
    (mention) => `${ENTRIES[mention.entry]!.key}:${text.slice(mention.start, mention.end)}`,
  );
}

describe('findMentions — English', () => {
  it('respects word boundaries', () => {
    expect(found('Java and JavaScript; javascripts are not java-ish')).toEqual([
      'java:Java',
      'javascript:JavaScript',
      'javascript:javascripts',
      'java:java',
    ]);
    expect(found('HR, CRM and RAM need no R')).toEqual(['r:R']);
  });

  it('matches case-insensitively, but one- and two-letter terms only as written', () => {
    expect(found('JAVA, java, Java')).toEqual(['java:JAVA', 'java:java', 'java:Java']);
    expect(found('R and C; r and c; Go to go')).toEqual(['r:R', 'c:C', 'go:Go']);
    expect(found('JS or js')).toEqual(['javascript:JS']);
    // Lower-case two-letter terms are dropped: "re" would match everywhere.
    expect(found('re-engineering, ng')).toEqual([]);
    expect(MATCHER.stats.droppedShortTerms).toBe(2);
    // A short word inside a longer term is case-insensitive: the term as a whole is specific enough.
    expect(found('it support and IT Support')).toEqual(['it:it support', 'it:IT Support']);
  });

  it('ignores punctuation between words but not hard breaks', () => {
    expect(found('problem solving, Problem-Solving, problem–solving, problem/solving')).toEqual([
      'problem-solving:problem solving',
      'problem-solving:Problem-Solving',
      'problem-solving:problem–solving',
      'problem-solving:problem/solving',
    ]);
    expect(found('problem. Solving')).toEqual([]);
    expect(found('software\n\ttesting')).toEqual(['software-testing:software\n\ttesting']);
  });

  it('normalises plurals and third-person -s, but not -ing', () => {
    expect(found('We manage projects and manages project budgets')).toEqual([
      'manage-project:manage projects',
      'manage-project:manages project',
    ]);
    expect(found('company policies, business processes, databases, APIs')).toEqual([
      'policy:company policies',
      'process:business processes',
      'database:databases',
      'api:APIs',
    ]);
    expect(found('an account, accountants, accounting')).toEqual(['accounting:accounting']);
    expect(normaliseWord('analysis')).toBe('analysis');
    expect(normaliseWord('status')).toBe('status');
    expect(normaliseWord('Approaches')).toBe('approach');
    expect(normaliseWord('KPIs')).toBe('kpi');
    expect(normaliseWord('bus')).toBe('bus');
  });

  it('reports one mention per entry when terms normalise alike', () => {
    // "database" and "databases" are one pattern for one entry: one mention.
    expect(found('database')).toEqual(['database:database']);
    // "Excel" names two entries: the same span, once for each.
    expect(findMentions(MATCHER, 'Excel').map((mention) => [mention.entry, mention.start, mention.end])).toEqual([
      [ENTRIES.findIndex((entry) => entry.key === 'excel'), 0, 5],
      [ENTRIES.findIndex((entry) => entry.key === 'spreadsheet'), 0, 5],
    ]);
    expect(countMentionSpans(MATCHER, 'Excel')).toBe(1);
  });

  it('matches technical names with symbols', () => {
    expect(found('C++, C#, .NET, Node.js and CI/CD; c++11? no: C++/Qt yes')).toEqual([
      'cpp:C++',
      'csharp:C#',
      'dotnet:.NET',
      'node:Node.js',
      'cicd:CI/CD',
      'cpp:C++',
    ]);
    expect(found('C and C++ and C#.')).toEqual(['c:C', 'cpp:C++', 'csharp:C#']);
    expect(found('R&D, not R')).toEqual(['rnd:R&D', 'r:R']);
    expect(found('internet, dotnet, asp.net')).toEqual([]);
  });

  it('reads words before a sentence dot, a joiner or a plural like single words', () => {
    expect(found('Java. Databases. Node.js. C++. R&D. policies.')).toEqual([
      'java:Java',
      'database:Databases',
      'node:Node.js',
      'cpp:C++',
      'rnd:R&D',
    ]);
    // Short plain words are identified by their hash alone; longer and accented ones are compared in full.
    expect(found('javas javascripts JAVASCRIPT jáva')).toEqual([
      'java:javas',
      'javascript:javascripts',
      'javascript:JAVASCRIPT',
    ]);
  });

  it('selects leftmost-longest, non-overlapping matches', () => {
    expect(found('software testing fundamentals and software testing and testing')).toEqual([
      'testing-fundamentals:software testing fundamentals',
      'software-testing:software testing',
      'testing:testing',
    ]);
    // "machine learning" (leftmost) wins over "learning" inside it.
    expect(found('machine learning and learning')).toEqual(['machine-learning:machine learning', 'learning:learning']);
    // A longer candidate that fails still lets the shorter one through.
    expect(found('software testing fun')).toEqual(['software-testing:software testing']);
  });

  it('never reports grouping concepts', () => {
    expect(found('software')).toEqual([]);
  });

  it('keeps UTF-16 indices right after surrogate pairs and emoji', () => {
    const text = '😀👩‍💻 Java 𠀋 C++ 🎉testing';
    const mentions = findMentions(MATCHER, text);
    expect(mentions.map((mention) => text.slice(mention.start, mention.end))).toEqual(['Java', 'C++', 'testing']);
    expect(mentions[0]!.start).toBe(text.indexOf('Java'));
  });

  it('handles empty and separator-only text', () => {
    expect(findMentions(MATCHER, '')).toEqual([]);
    expect(findMentions(MATCHER, ' \n\t,.;— ')).toEqual([]);
    expect(countMentionSpans(MATCHER, '')).toBe(0);
    expect(findMentions(buildMentionMatcher([]), 'Java')).toEqual([]);
  });

  it('reads HTML-ish text', () => {
    expect(found('<li><b>Java</b> &amp; <a href="x">Node.js</a></li><p>problem-solving&nbsp;skills</p>')).toEqual([
      'java:Java',
      'node:Node.js',
      'problem-solving:problem-solving',
    ]);
  });

  it('scans 10 MB without going quadratic', () => {
    const paragraph = 'We want Java, C++ and machine learning; manage projects with databases. 软件测试与Excel。\n';
    const repeats = Math.ceil(10_000_000 / paragraph.length);
    const text = paragraph.repeat(repeats);
    expect(countMentionSpans(MATCHER, text)).toBe(7 * repeats);
    const mentions = findMentions(MATCHER, text);
    expect(mentions.length).toBe(8 * repeats); // Excel names two entries
    expect(mentions.at(-1)!.end).toBe(text.lastIndexOf('Excel') + 5);
    // One "word" of 10 MB and one run of 10 MB of punctuation.
    expect(countMentionSpans(MATCHER, 'a'.repeat(10_000_000))).toBe(0);
    expect(countMentionSpans(MATCHER, `${',;'.repeat(5_000_000)}Java`)).toBe(1);
  });
});

describe('findMentions — Chinese', () => {
  it('falls back to forward maximum matching without a segmenter', () => {
    expect(found('负责软件测试和测试用例设计')).toEqual(['software-testing:软件测试', 'test-case-design:测试用例设计']);
    // Without a segmenter a term inside an unknown longer word still matches…
    expect(found('测试工程师')).toEqual(['testing:测试']);
    // …but single-character terms never do.
    expect(found('个人所得税')).toEqual([]);
  });

  it('accepts a Chinese match only on segment boundaries when a segmenter is given', () => {
    const segments: Record<string, string[]> = {
      测试工程师: ['测试工程师'],
      测试和税务: ['测试', '和', '税', '务'],
      负责软件测试: ['负责', '软件', '测试'],
    };
    const segmentZh = (text: string) => segments[text] ?? [...text];
    expect(found('测试工程师', { segmentZh })).toEqual([]);
    expect(found('测试和税务', { segmentZh })).toEqual(['testing:测试', 'one-han:税']);
    // The longer term spans segments: its edges are boundaries, so it counts.
    expect(found('负责软件测试', { segmentZh })).toEqual(['software-testing:软件测试']);
  });

  it('calls the segmenter only for Chinese candidates, once per clause, on that clause', () => {
    const calls: string[] = [];
    const segmentZh = (text: string) => {
      calls.push(text);
      return [...text];
    };
    found('Java and C++ only', { segmentZh });
    expect(calls).toEqual([]);
    found('测试 机器学习 软件测试，负责Java开发。没有术语的句子', { segmentZh });
    expect(calls).toEqual(['测试', '机器学习', '软件测试', '负责Java开发']);
  });

  it('mixes Chinese and English', () => {
    expect(found('熟悉Java开发、Java和machine learning（机器学习）')).toEqual([
      'java-dev:Java开发',
      'java:Java',
      'machine-learning:machine learning',
      'machine-learning:机器学习',
    ]);
    expect(found('会用Excel表格')).toEqual(['excel:Excel', 'spreadsheet:Excel', 'excel:表格']);
  });
});
