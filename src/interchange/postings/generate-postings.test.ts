import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hammingDistance, NearDuplicateIndex, textFingerprint } from '../../core/demand/near-duplicates.js';
import {
  generatedTrends,
  generateLabelledPostings,
  generatePostings,
  loadPostingCorpus,
  type PostingCorpus,
} from './generate-postings.js';
import { splitPostingSections } from '../../core/demand/posting-sections.js';
import { sharedDataDir } from '../shared-data.js';
import { readPostingsFile } from './read-postings-file.js';
import { writePostingsCsv, writePostingsJsonl } from './write-postings-file.js';

let dir: string;
let corpus: PostingCorpus;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'zerodock-generate-'));
  corpus = loadPostingCorpus();
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('generatePostings', () => {
  it('is deterministic per seed and different across seeds', () => {
    const first = [...generatePostings({ count: 200, seed: 7, corpus })];
    expect([...generatePostings({ count: 200, seed: 7, corpus })]).toEqual(first);
    expect([...generatePostings({ count: 200, seed: 8, corpus })]).not.toEqual(first);
  });

  it('writes Chinese and English postings in the demonstration cities, within the date range', () => {
    const generated = [...generateLabelledPostings({ count: 3000, seed: 1, corpus })];
    const zh = generated.filter((posting) => posting.language === 'zh').length / generated.length;
    expect(zh).toBeGreaterThan(0.55);
    expect(zh).toBeLessThan(0.65);
    const cities = new Set(corpus.cities.map((city) => city.city));
    for (const { record, language } of generated) {
      expect(record.postedOn >= '2022-01-01' && record.postedOn <= '2026-10-31').toBe(true);
      expect(cities.has(record.city!)).toBe(true);
      expect(record.text.length).toBeGreaterThan(100);
      const kinds = new Set(splitPostingSections(record.text).map((section) => section.kind));
      // Laid out as real postings are: duties, requirements, benefits and the company's blurb under headings.
      for (const kind of ['duties', 'requirements', 'benefits', 'company'] as const) expect(kinds.has(kind)).toBe(true);
      if (language === 'zh')
        expect(record.text).toMatch(/五险一金|双休|年假|体检|福利|补贴|旅游|培训|弹性|社保|奖金|工作餐/);
    }
    expect(new Set(generated.map((posting) => posting.record.sourceId)).size).toBe(generated.length);
  });

  it('numbers the items of every section from 1, reposts included (never "1001. 2. 1003.")', () => {
    for (const { record } of generateLabelledPostings({ count: 1500, seed: 4, corpus })) {
      let expected = 1;
      for (const line of record.text.split('\n').filter((text) => text.trim() !== '')) {
        const number = /^(?:（(\d+)）|(\d+)[.、）])/u.exec(line);
        if (!number) {
          expected = 1;
          continue;
        }
        expect(Number(number[1] ?? number[2]), record.text).toBe(expected);
        expected += 1;
      }
    }
  });

  it('phrases requirements in more ways than the catalogue labels', () => {
    const openings = new Set<string>();
    for (const { record, language } of generateLabelledPostings({ count: 400, seed: 6, corpus })) {
      if (language !== 'zh') continue;
      for (const line of record.text.split('\n')) {
        const item = /^(?:（\d+）|\d+[.、）]\s?|- )(.{2})/u.exec(line);
        if (item) openings.add(item[1]!);
      }
    }
    expect(openings.size).toBeGreaterThan(30);
  });

  it('follows the trends: growing posts have more postings in 2025 than in 2022, shrinking ones fewer', () => {
    const trends = generatedTrends(corpus.posts, 3);
    const counts = new Map<string, [number, number]>();
    for (const { record, postId } of generateLabelledPostings({ count: 20000, seed: 3, corpus })) {
      const entry = counts.get(postId) ?? [0, 0];
      if (record.postedOn.startsWith('2022')) entry[0]++;
      if (record.postedOn.startsWith('2025')) entry[1]++;
      counts.set(postId, entry);
    }
    for (const [postId, growth] of trends) {
      const [early, late] = counts.get(postId) ?? [0, 0];
      if (growth > 0.2) expect(late).toBeGreaterThan(early);
      if (growth < -0.15) expect(late).toBeLessThan(early);
    }
  });

  // Measured on the corpus built with the shared datasets' real sentences (as in CI); the built-in fallback makes
  // shorter texts, where SimHash misses more one-word edits.
  it.skipIf(sharedDataDir() === null)(
    'reposts about 5 % of postings, and most reposts are found by the near-duplicate index',
    () => {
      const index = new NearDuplicateIndex();
      let reposts = 0;
      let found = 0;
      let falseAlarms = 0;
      const generated = [...generateLabelledPostings({ count: 4000, seed: 5, corpus })];
      for (const { record, duplicateOf } of generated) {
        const earlier = index.add(
          record.enterprise,
          textFingerprint(`${record.title}\n${record.text}`),
          record.sourceId,
        );
        if (duplicateOf !== null) {
          reposts++;
          if (earlier !== null) found++;
        } else if (earlier !== null) falseAlarms++;
      }
      expect(reposts / generated.length).toBeGreaterThan(0.03);
      expect(reposts / generated.length).toBeLessThan(0.07);
      // SimHash at ≤ 3 bits misses some one-word edits of short (Chinese) postings; see near-duplicates.ts.
      expect(found / reposts).toBeGreaterThan(0.8);
      expect(falseAlarms / generated.length).toBeLessThan(0.01);
      const original = generated.find((posting) => posting.duplicateOf !== null)!;
      const source = generated.find((posting) => posting.record.sourceId === original.duplicateOf)!;
      expect(hammingDistance(textFingerprint(source.record.text), textFingerprint(original.record.text))).toBeLessThan(
        8,
      );
    },
  );

  it('round-trips through JSONL and CSV and readPostingsFile', async () => {
    const records = [...generatePostings({ count: 300, seed: 11, corpus })];
    for (const [name, write] of [
      ['round.jsonl', writePostingsJsonl],
      ['round.csv', writePostingsCsv],
    ] as const) {
      const path = join(dir, name);
      const written = await write(path, records);
      expect(written.count).toBe(300);
      const read = [];
      for await (const batch of readPostingsFile(path, { batchSize: 100 }))
        read.push(...batch.records.map((entry) => entry.record));
      expect(read).toEqual(records);
    }
  });
});
