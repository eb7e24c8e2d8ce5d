/**
 * Writes synthetic job postings for load tests and demos (see src/interchange/postings/generate-postings.ts):
 *   npx tsx scripts/generate-postings.ts --count 1000000 --out /tmp/postings.jsonl [--format jsonl|csv] [--seed 1]
 *     [--zh-share 0.6]
 */
import { parseArgs } from 'node:util';
import { generatePostings, loadPostingCorpus } from '../src/interchange/postings/generate-postings.js';
import { writePostingsCsv, writePostingsJsonl } from '../src/interchange/postings/write-postings-file.js';

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '10000' },
    out: { type: 'string' },
    format: { type: 'string' },
    seed: { type: 'string', default: '1' },
    'zh-share': { type: 'string', default: '0.6' },
  },
});
const count = Number(values.count);
const seed = Number(values.seed);
const zhShare = Number(values['zh-share']);
const out = values.out;
const format = values.format ?? (out?.endsWith('.csv') ? 'csv' : 'jsonl');
if (!out || !Number.isInteger(count) || count < 0 || !Number.isInteger(seed) || !(zhShare >= 0 && zhShare <= 1)) {
  console.error('usage: generate-postings.ts --count N --out FILE [--format jsonl|csv] [--seed 1] [--zh-share 0.6]');
  process.exit(64);
}
if (format !== 'jsonl' && format !== 'csv') {
  console.error(`--format must be jsonl or csv, not ${format}`);
  process.exit(64);
}

const started = performance.now();
const corpus = loadPostingCorpus();
console.error(
  `material: ${corpus.posts.length} posts, ${corpus.sentences.length} English sentences, ${corpus.cities.length} cities ` +
    `(${corpus.sources.join(', ')})`,
);
const write = format === 'csv' ? writePostingsCsv : writePostingsJsonl;
const tty = process.stderr.isTTY;
const result = await write(out, generatePostings({ count, seed, zhShare, corpus }), {
  onProgress: (written, bytes) => {
    if (written % 100_000 !== 0 && written !== count && !tty) return;
    const seconds = (performance.now() - started) / 1000;
    const line = `${written.toLocaleString('en')}/${count.toLocaleString('en')} postings, ${(bytes / 1e6).toFixed(0)} MB, ${Math.round(written / seconds).toLocaleString('en')}/s`;
    process.stderr.write(tty ? `\r${line}   ` : `${line}\n`);
  },
});
const seconds = (performance.now() - started) / 1000;
process.stderr.write(
  `${tty ? '\n' : ''}wrote ${result.count.toLocaleString('en')} postings (${(result.bytes / 1e6).toFixed(1)} MB) to ${out} in ${seconds.toFixed(1)} s\n`,
);
