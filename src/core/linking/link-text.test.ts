import { describe, expect, it } from 'vitest';
import type { LinkEntry, LinkTerm } from './link-entry.js';
import { buildLinker, EXACT_FLOOR, linkText } from './link-text.js';

function buildEntry(id: string, label: string, overrides: Partial<LinkEntry> = {}): LinkEntry {
  const terms: LinkTerm[] = [{ text: label, lang: 'en', kind: 'label' }];
  return {
    key: `test:${id}`,
    id,
    esco: null,
    escoLabel: label,
    labelZh: null,
    labelEn: label,
    terms,
    descriptionZh: null,
    descriptionEn: null,
    broaderLabels: [],
    occupationCount: 0,
    isGroup: false,
    ...overrides,
  };
}

const ENTRIES: LinkEntry[] = [
  buildEntry('java', 'Java', { descriptionEn: 'The computer programming language Java.' }),
  buildEntry('teams', 'work in teams', { descriptionEn: 'Collaborate with colleagues in a team.' }),
  buildEntry('inventory', 'manage inventory', {
    terms: [
      { text: 'manage inventory', lang: 'en', kind: 'label' },
      { text: '库存管理', lang: 'zh', kind: 'alias' },
    ],
    labelZh: '库存控制',
    descriptionEn: 'Keep stock records accurate and control stock levels.',
  }),
  buildEntry('group', 'programming languages', { isGroup: true }),
];

describe('linkText', () => {
  const linker = buildLinker(ENTRIES);

  it('puts exact mentions first, with evidence and spans, then implicit links below the exact floor', () => {
    const text = 'Java developer who keeps stock records accurate and works with colleagues';
    const links = linkText(linker, text, { mode: 'full', top: 10 });
    expect(ENTRIES[links[0]!.entry]!.id).toBe('java');
    expect(links[0]!.evidence).toBe('exact');
    expect(links[0]!.score).toBeGreaterThanOrEqual(EXACT_FLOOR);
    expect(links[0]!.spans.map(([start, end]) => text.slice(start, end))).toContain('Java');
    const implicit = links.filter((link) => link.evidence === 'implicit');
    expect(implicit.map((link) => ENTRIES[link.entry]!.id)).toEqual(expect.arrayContaining(['inventory', 'teams']));
    for (const link of implicit) expect(link.score).toBeLessThan(EXACT_FLOOR);
    for (const link of links) {
      expect(link.score).toBeGreaterThan(0);
      expect(link.score).toBeLessThanOrEqual(1);
    }
    expect(links.map((link) => link.score)).toEqual([...links.map((link) => link.score)].sort((a, b) => b - a));
    expect(links.map((link) => ENTRIES[link.entry]!.id)).not.toContain('group');
  });

  it('returns one result per entry, spans unioned', () => {
    const text = 'Java, Java and more Java';
    const links = linkText(linker, text, { mode: 'full', top: 10 });
    const java = links.filter((link) => ENTRIES[link.entry]!.id === 'java');
    expect(java).toHaveLength(1);
    expect(java[0]!.spans.length).toBe(3);
  });

  it('in exact mode returns only exact mentions', () => {
    const links = linkText(linker, 'Java and keeping stock records', { mode: 'exact', top: 10 });
    expect(links.map((link) => ENTRIES[link.entry]!.id)).toEqual(['java']);
    expect(links.every((link) => link.evidence === 'exact')).toBe(true);
  });

  it('links Chinese text exactly and implicitly', () => {
    const links = linkText(linker, '负责库存管理', { mode: 'full', top: 3 });
    expect(ENTRIES[links[0]!.entry]!.id).toBe('inventory');
  });

  it('respects top, is deterministic and survives empty or garbage text', () => {
    const text = 'Java teams inventory';
    expect(linkText(linker, text, { mode: 'full', top: 2 })).toHaveLength(2);
    expect(linkText(linker, text, { mode: 'full', top: 5 })).toEqual(
      linkText(buildLinker(ENTRIES), text, { mode: 'full', top: 5 }),
    );
    expect(linkText(linker, '', { mode: 'full', top: 5 })).toEqual([]);
    expect(linkText(linker, text, { mode: 'full', top: 0 })).toEqual([]);
    expect(linkText(linker, '\u0000\uFFFD ### ', { mode: 'full', top: 5 })).toEqual([]);
    expect(linkText(linker, 'java '.repeat(50_000), { mode: 'full', top: 1 })).toHaveLength(1);
  });
});

describe('buildLinker with a Chinese segmenter', () => {
  it('passes the segmenter to exact matching', () => {
    const calls: string[] = [];
    const linker = buildLinker(ENTRIES, {
      segmentZh: (text) => {
        calls.push(text);
        return [...text];
      },
    });
    linkText(linker, '负责库存管理', { mode: 'exact', top: 3 });
    expect(calls.length).toBeGreaterThan(0);
  });
});
