/**
 * The cost of `textFingerprint` per posting, against the previous implementation (kept below) in the same run, over
 * generated postings (real catalogue and job-posting sentences, about 60 % Chinese, title + text as the import
 * fingerprints them). Also compares the near-duplicate decisions of both on labelled reposts.
 *   npx tsx bench/measure-fingerprint.ts [--count 2000] [--rounds 9] [--labelled 20000]
 */
import { generateLabelledPostings, loadPostingCorpus } from '../src/interchange/postings/generate-postings.js';
import {
  hammingDistance,
  NearDuplicateIndex,
  normaliseForFingerprint,
  textFingerprint,
  type TextFingerprint,
} from '../src/core/demand/near-duplicates.js';

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? fallback : Number(process.argv[at + 1]);
}

const count = option('count', 2000);
const rounds = option('rounds', 9);
const labelledCount = option('labelled', 20000);

const corpus = loadPostingCorpus();
const postings = [...generateLabelledPostings({ count, seed: 42, corpus })];
const texts = postings.map(({ record }) => `${record.title}\n${record.text}`);
const characters = texts.reduce((sum, text) => sum + text.length, 0);
const chinese = postings.filter((posting) => posting.language === 'zh').length / postings.length;

// The same normal form, the same exact hash, and near-duplicate decisions on the benchmark texts.
let normalMismatches = 0;
for (const text of texts) if (normaliseForFingerprint(text) !== previousNormalise(text)) normalMismatches++;

function time(fingerprint: (text: string) => TextFingerprint): number {
  let sink = 0;
  const start = process.hrtime.bigint();
  for (const text of texts) sink ^= fingerprint(text).hi;
  const ns = Number(process.hrtime.bigint() - start);
  if (sink === 0.5) console.log(sink);
  return ns / texts.length / 1000;
}

const best = { previous: Infinity, current: Infinity };
for (let round = 0; round < rounds; round++) {
  best.previous = Math.min(best.previous, time(previousTextFingerprint));
  best.current = Math.min(best.current, time(textFingerprint));
}

function decisions(fingerprint: (text: string) => TextFingerprint) {
  const index = new NearDuplicateIndex();
  let reposts = 0;
  let found = 0;
  let falseAlarms = 0;
  const generated = generateLabelledPostings({ count: labelledCount, seed: 5, corpus });
  for (const { record, duplicateOf } of generated) {
    const earlier = index.add(record.enterprise, fingerprint(`${record.title}\n${record.text}`), record.sourceId);
    if (duplicateOf !== null) {
      reposts++;
      if (earlier !== null) found++;
    } else if (earlier !== null) falseAlarms++;
  }
  return { reposts, found, recall: found / reposts, falseAlarms };
}

// Distances between distinct postings: the spread that keeps unrelated postings apart.
function closestUnrelated(fingerprint: (text: string) => TextFingerprint): { under10: number; mean: number } {
  const prints = texts.slice(0, 1000).map(fingerprint);
  let under10 = 0;
  let sum = 0;
  let pairs = 0;
  for (let i = 0; i < prints.length; i++)
    for (let j = i + 1; j < prints.length; j++) {
      if (postings[i]!.record.text === postings[j]!.record.text) continue;
      const distance = hammingDistance(prints[i]!, prints[j]!);
      sum += distance;
      pairs++;
      if (distance <= 10) under10++;
    }
  return { under10, mean: sum / pairs };
}

console.log(
  JSON.stringify(
    {
      texts: texts.length,
      averageCharacters: Math.round(characters / texts.length),
      chineseShare: Number(chinese.toFixed(2)),
      normalMismatches,
      microsecondsPerText: { previous: Number(best.previous.toFixed(2)), current: Number(best.current.toFixed(2)) },
      speedUp: Number((best.previous / best.current).toFixed(1)),
      decisions: { previous: decisions(previousTextFingerprint), current: decisions(textFingerprint) },
      unrelatedPairs: {
        previous: closestUnrelated(previousTextFingerprint),
        current: closestUnrelated(textFingerprint),
      },
    },
    null,
    2,
  ),
);

// ---- The previous implementation (NFKC + regex, then MurmurHash3 and 64 votes per shingle), for comparison. ----

function previousNormalise(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}]+/gu, '');
}

function previousTextFingerprint(text: string): TextFingerprint {
  const normal = previousNormalise(text);
  const votes = new Int32Array(64);
  const shingles = Math.max(normal.length - 3, normal.length > 0 ? 1 : 0);
  for (let start = 0; start < shingles; start++) {
    const c0 = normal.charCodeAt(start);
    const c1 = normal.charCodeAt(start + 1) || 0;
    const c2 = normal.charCodeAt(start + 2) || 0;
    const c3 = normal.charCodeAt(start + 3) || 0;
    let hash = mixBlock(0x9747b28c, c0 | (c1 << 16));
    hash = mixBlock(hash, c2 | (c3 << 16));
    const hi = finalMix(hash ^ 0x2545f491);
    const lo = finalMix(hash ^ 0x6b43a9b5);
    for (let bit = 0; bit < 32; bit++) {
      votes[bit]! += ((hi >>> bit) & 1) * 2 - 1;
      votes[bit + 32]! += ((lo >>> bit) & 1) * 2 - 1;
    }
  }
  let hi = 0;
  let lo = 0;
  for (let bit = 0; bit < 32; bit++) {
    if (votes[bit]! > 0) hi |= 1 << bit;
    if (votes[bit + 32]! > 0) lo |= 1 << bit;
  }
  return { hi: hi >>> 0, lo: lo >>> 0, exact: exactHash(normal) };
}

function rotateLeft(value: number, by: number): number {
  return (value << by) | (value >>> (32 - by));
}

function mixBlock(hash: number, block: number): number {
  let k = Math.imul(block, 0xcc9e2d51);
  k = rotateLeft(k, 15);
  k = Math.imul(k, 0x1b873593);
  let h = hash ^ k;
  h = rotateLeft(h, 13);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

function finalMix(hash: number): number {
  let h = hash ^ (hash >>> 16);
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

function exactHash(text: string): number {
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    a = Math.imul(a ^ code, 0x01000193);
    b = Math.imul(b ^ code, 0x01000193) ^ (b >>> 15);
  }
  return (finalMix(a) & 0x1fffff) * 0x100000000 + finalMix(b ^ text.length);
}
