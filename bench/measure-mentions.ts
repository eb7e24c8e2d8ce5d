import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { buildMentionMatcher, type MentionMatcher } from '../src/core/linking/exact/build-mention-matcher.js';
import { countMentionSpans, findMentions } from '../src/core/linking/exact/find-mentions.js';
import type { LinkEntry } from '../src/core/linking/link-entry.js';
import { sharedDataPath } from '../src/interchange/shared-data.js';
import { formatTable } from './format-table.js';

/**
 * The exact-mention scanner against GNU grep on the same data, in the same run: the ESCO v1.1.1 English labels
 * and alternative labels as patterns, about 50 MB of real job-posting and skill sentences as text.
 *
 * The counts differ by design. `grep -F -i -o` reports every leftmost-longest *substring* occurrence: "java"
 * inside "javascript", "art" inside "start", "R" inside "HR" and in every word with an r, so it finds far more.
 * We report whole-word (token) matches with plural normalisation, punctuation-insensitive joins
 * ("problem-solving" = "problem solving"), one- and two-letter terms only as written, and no match across hard
 * punctuation. Both are leftmost-longest and non-overlapping; the figure compared is bytes of text per second.
 */
export interface MentionBenchFigures {
  /** Distinct patterns (ESCO preferredLabel + altLabels, one per line, compared case-insensitively). */
  readonly patterns: number;
  readonly textBytes: number;
  readonly build: {
    readonly ms: number;
    readonly states: number;
    readonly words: number;
    /** Bytes held by the matcher's typed arrays. */
    readonly matcherMb: number;
    /** Growth of the V8 heap plus array buffers across the build (after a GC when `--expose-gc`). */
    readonly heapDeltaMb: number;
  };
  readonly ours: {
    /** Best wall-clock time of the scan, and the throughput from it. */
    readonly seconds: number;
    readonly mbPerSecond: number;
    /** Best CPU time (user + system) of the scan: what one core does when the machine is shared. */
    readonly cpuSeconds: number;
    readonly cpuMbPerSecond: number;
    /** Selected spans (a span naming several competencies counts once, as grep prints it once). */
    readonly spans: number;
    /** Mentions from `findMentions` (one per competency per span, what the product calls), with result objects. */
    readonly mentions: number;
    readonly findSeconds: number;
    readonly findMbPerSecond: number;
    readonly findCpuSeconds: number;
    readonly findCpuMbPerSecond: number;
  };
  readonly grep: {
    readonly seconds: number;
    readonly mbPerSecond: number;
    /** CPU time (user + system) of grep and wc, from bash's `time`. */
    readonly cpuSeconds: number;
    readonly cpuMbPerSecond: number;
    readonly matches: number;
    readonly command: string;
  } | null;
  /** Our scan throughput (`countMentionSpans`) / grep's, wall clock. */
  readonly ratio: number | null;
  /** Our scan throughput (`countMentionSpans`) / grep's, CPU time (the figure to trust on a busy machine). */
  readonly cpuRatio: number | null;
  /** `findMentions` throughput / grep's, CPU time. */
  readonly findCpuRatio: number | null;
}

const TEXT_BYTES = 50 * 1024 * 1024;
/** Timed rounds: each scans the same text string with both of ours, then runs grep on the same file. */
const ROUNDS = 5;
const MB = 1024 * 1024;

export async function measureMentions(
  options: { log?: (line: string) => void; textBytes?: number } = {},
): Promise<MentionBenchFigures> {
  const log = options.log ?? (() => undefined);
  const escoDir = sharedDataPath('esco-v1.1.1-en');
  const skillsFile = escoDir === null ? null : path.join(escoDir, 'skills_en.csv');
  if (skillsFile === null || !fs.existsSync(skillsFile)) {
    throw new Error('measureMentions needs the shared ESCO v1.1.1 release (set ZERODOCK_SHARED_DATA)');
  }
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'zerodock-mentions-'));
  try {
    const skills = readSkills(skillsFile);
    const entries = skills.map(skillEntry);
    const patterns = distinctPatterns(skills);
    const patternFile = path.join(directory, 'patterns.txt');
    fs.writeFileSync(patternFile, `${patterns.join('\n')}\n`);
    log(`  ${patterns.length} patterns from ${skills.length} ESCO skills`);

    const textFile = path.join(directory, 'postings.txt');
    writePostingText(textFile, skills, options.textBytes ?? TEXT_BYTES);
    const text = fs.readFileSync(textFile, 'utf8');
    const textBytes = fs.statSync(textFile).size;
    log(`  ${(textBytes / MB).toFixed(1)} MB of posting text`);

    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    const before = heapBytes();
    let matcher: MentionMatcher | null = null;
    let buildMs = Number.POSITIVE_INFINITY;
    for (let round = 0; round < ROUNDS; round++) {
      matcher = null;
      const started = performance.now();
      matcher = buildMentionMatcher(entries);
      buildMs = Math.min(buildMs, performance.now() - started);
    }
    gc?.();
    const heapDeltaMb = (heapBytes() - before) / MB;
    const built = matcher!;
    log(`  matcher built in ${buildMs.toFixed(0)} ms`);

    // Ours and grep alternate, so that both see the same load on a shared machine. Every round scans the one text
    // string read above (building it is not timed), after a GC when `--expose-gc`; the best round counts.
    const count = timed(() => countMentionSpans(built, text));
    const find = timed(() => findMentions(built, text).length);
    // Warm-up (not timed): both functions compiled on a slice of the text, as a server scanning postings has them,
    // instead of timing the first round's on-stack replacement of one long call.
    const warmUp = text.slice(0, 2 * MB);
    for (let round = 0; round < 5; round++) {
      countMentionSpans(built, warmUp);
      findMentions(built, warmUp);
    }
    const grepRuns: GrepRun[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      gc?.();
      count.run();
      gc?.();
      find.run();
      const grepRun = runGrep(patternFile, textFile, log);
      if (grepRun) grepRuns.push(grepRun);
    }
    const spans = count.result;
    const mentions = find.result;
    const scanSeconds = count.seconds;
    const scanCpuSeconds = count.cpuSeconds;
    log(`  ours: ${(textBytes / MB / scanCpuSeconds).toFixed(1)} MB/s CPU, ${spans} spans`);

    const grep = grepFigures(grepRuns, textBytes);
    if (grep) log(`  grep: ${grep.mbPerSecond.toFixed(1)} MB/s, ${grep.matches} matches`);
    const ourMbPerSecond = textBytes / MB / scanSeconds;
    const ourCpuMbPerSecond = textBytes / MB / scanCpuSeconds;
    return {
      patterns: patterns.length,
      textBytes,
      build: {
        ms: buildMs,
        states: built.stats.states,
        words: built.stats.words,
        matcherMb: matcherBytes(built) / MB,
        heapDeltaMb,
      },
      ours: {
        seconds: scanSeconds,
        mbPerSecond: ourMbPerSecond,
        cpuSeconds: scanCpuSeconds,
        cpuMbPerSecond: ourCpuMbPerSecond,
        spans,
        mentions,
        findSeconds: find.seconds,
        findMbPerSecond: textBytes / MB / find.seconds,
        findCpuSeconds: find.cpuSeconds,
        findCpuMbPerSecond: textBytes / MB / find.cpuSeconds,
      },
      grep,
      ratio: grep === null ? null : ourMbPerSecond / grep.mbPerSecond,
      cpuRatio: grep === null ? null : ourCpuMbPerSecond / grep.cpuMbPerSecond,
      findCpuRatio: grep === null ? null : textBytes / MB / find.cpuSeconds / grep.cpuMbPerSecond,
    };
  } finally {
    fs.rmSync(directory, { recursive: true, force: true });
  }
}

interface Skill {
  readonly uri: string;
  readonly labels: readonly string[];
  readonly description: string;
}

function readSkills(file: string): Skill[] {
  const rows = parse<Record<string, string>>(fs.readFileSync(file), {
    columns: true,
    bom: true,
    skip_empty_lines: true,
  });
  return rows.map((row) => ({
    uri: row.conceptUri ?? '',
    labels: [row.preferredLabel ?? '', ...(row.altLabels ?? '').split('\n')]
      .map((label) => label.trim())
      .filter((label) => label.length > 0),
    description: (row.description ?? '').trim(),
  }));
}

function skillEntry(skill: Skill): LinkEntry {
  return {
    key: `esco:${skill.uri}`,
    id: skill.uri,
    esco: skill.uri,
    escoLabel: skill.labels[0] ?? null,
    labelZh: null,
    labelEn: skill.labels[0] ?? null,
    terms: skill.labels.map((text, index) => ({ text, lang: 'en', kind: index === 0 ? 'label' : 'alias' })),
    descriptionZh: null,
    descriptionEn: skill.description,
    broaderLabels: [],
    occupationCount: 0,
    isGroup: false,
  };
}

function distinctPatterns(skills: readonly Skill[]): string[] {
  const seen = new Set<string>();
  const patterns: string[] = [];
  for (const skill of skills) {
    for (const label of skill.labels) {
      const key = label.toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      patterns.push(label);
    }
  }
  return patterns;
}

/** Real sentences: SkillSpan train/dev, Green train, Decorte validation, ESCO skill descriptions. */
function collectSentences(skills: readonly Skill[]): string[] {
  const sentences: string[] = [];
  const tokenFile = (...parts: string[]) => {
    const file = sharedDataPath(...parts);
    if (file === null || !fs.existsSync(file)) return;
    for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      const record = JSON.parse(line) as { tokens?: unknown };
      if (Array.isArray(record.tokens) && record.tokens.length > 0) sentences.push(record.tokens.join(' '));
    }
  };
  tokenFile('skillspan', 'train.json');
  tokenFile('skillspan', 'dev.json');
  tokenFile('green-2022-skill-ner', 'train.json');
  for (const name of ['house_validation_annotations.csv', 'tech_validation_annotations.csv']) {
    const file = sharedDataPath('esco-skill-linking-decorte', name);
    if (file === null || !fs.existsSync(file)) continue;
    const rows = parse<Record<string, string>>(fs.readFileSync(file), { columns: true, bom: true });
    for (const sentence of new Set(rows.map((row) => row.sentence ?? ''))) if (sentence) sentences.push(sentence);
  }
  for (const skill of skills) if (skill.description) sentences.push(skill.description.replace(/\s+/g, ' '));
  return sentences;
}

/** Deterministic: shuffles the sentences with a fixed seed each round until the text has `bytes` bytes. */
function writePostingText(file: string, skills: readonly Skill[], bytes: number): void {
  const sentences = collectSentences(skills);
  const random = mulberry32(20_260_401);
  const chunks: string[] = [];
  let size = 0;
  while (size < bytes) {
    const order = sentences.map((_, index) => index);
    for (let index = order.length - 1; index > 0; index--) {
      const other = Math.floor(random() * (index + 1));
      [order[index], order[other]] = [order[other]!, order[index]!];
    }
    for (const index of order) {
      const line = `${sentences[index]!}\n`;
      chunks.push(line);
      size += Buffer.byteLength(line);
      if (size >= bytes) break;
    }
  }
  fs.writeFileSync(file, chunks.join(''));
}

function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let value = Math.imul(state ^ (state >>> 15), 1 | state);
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A scan timed over several runs: the best wall-clock and the best CPU time (user + system), and its result. */
function timed(scan: () => number): { run: () => void; seconds: number; cpuSeconds: number; result: number } {
  const figures = {
    seconds: Number.POSITIVE_INFINITY,
    cpuSeconds: Number.POSITIVE_INFINITY,
    result: 0,
    run: () => {
      const cpu = process.cpuUsage();
      const started = performance.now();
      figures.result = scan();
      figures.seconds = Math.min(figures.seconds, (performance.now() - started) / 1000);
      const used = process.cpuUsage(cpu);
      figures.cpuSeconds = Math.min(figures.cpuSeconds, (used.user + used.system) / 1e6);
    },
  };
  return figures;
}

interface GrepRun {
  readonly seconds: number;
  readonly cpuSeconds: number;
  readonly matches: number;
}

const GREP_COMMAND = 'LC_ALL=C grep -F -i -o -f PATTERNS TEXT | wc -l';

/**
 * One `grep -F -i -o -f patterns text | wc -l` in the C locale (byte-wise -i, grep's fastest mode; in C.UTF-8
 * this grep is more than ten times slower), timed by bash's `time` for CPU and by us for wall clock.
 */
function runGrep(patternFile: string, textFile: string, log: (line: string) => void): GrepRun | null {
  const script = `TIMEFORMAT='%3U %3S'; time (grep -F -i -o -f '${patternFile}' '${textFile}' | wc -l)`;
  const started = performance.now();
  const result = spawnSync('bash', ['-c', script], {
    encoding: 'utf8',
    env: { ...process.env, LC_ALL: 'C' },
    maxBuffer: 1024 * 1024,
  });
  const seconds = (performance.now() - started) / 1000;
  const times = /([\d.]+) ([\d.]+)\s*$/.exec(result.stderr ?? '');
  if (result.error || result.status !== 0 || !times) {
    log(`  grep failed: ${result.error?.message ?? result.stderr}`);
    return null;
  }
  return { seconds, cpuSeconds: Number(times[1]) + Number(times[2]), matches: Number(result.stdout.trim()) };
}

function grepFigures(runs: readonly GrepRun[], textBytes: number): MentionBenchFigures['grep'] {
  if (runs.length === 0) return null;
  const seconds = Math.min(...runs.map((run) => run.seconds));
  const cpuSeconds = Math.min(...runs.map((run) => run.cpuSeconds));
  return {
    seconds,
    mbPerSecond: textBytes / MB / seconds,
    cpuSeconds,
    cpuMbPerSecond: textBytes / MB / cpuSeconds,
    matches: runs[0]!.matches,
    command: GREP_COMMAND,
  };
}

function heapBytes(): number {
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

function matcherBytes(matcher: MentionMatcher): number {
  let bytes = 0;
  for (const value of Object.values(matcher)) if (ArrayBuffer.isView(value)) bytes += value.byteLength;
  return bytes;
}

/** A small table of the figures. */
export function formatMentionFigures(figures: MentionBenchFigures): string {
  const rows: string[][] = [
    [
      'ours countMentionSpans',
      figures.ours.mbPerSecond.toFixed(1),
      figures.ours.cpuMbPerSecond.toFixed(1),
      figures.ours.seconds.toFixed(2),
      String(figures.ours.spans),
    ],
    [
      'ours findMentions',
      figures.ours.findMbPerSecond.toFixed(1),
      figures.ours.findCpuMbPerSecond.toFixed(1),
      figures.ours.findSeconds.toFixed(2),
      String(figures.ours.mentions),
    ],
  ];
  if (figures.grep) {
    rows.push([
      'grep -F -i -o -f (LC_ALL=C)',
      figures.grep.mbPerSecond.toFixed(1),
      figures.grep.cpuMbPerSecond.toFixed(1),
      figures.grep.seconds.toFixed(2),
      String(figures.grep.matches),
    ]);
  }
  const ratio = (value: number | null) => (value === null ? 'n/a' : `${value.toFixed(2)}×`);
  return [
    `${figures.patterns} ESCO v1.1.1 patterns, ${(figures.textBytes / MB).toFixed(1)} MB of text; best of ${ROUNDS}`,
    formatTable(['scanner', 'MB/s wall', 'MB/s CPU', 'seconds', 'matches'], rows),
    `ours / grep: ${ratio(figures.ratio)} wall clock, ${ratio(figures.cpuRatio)} CPU time ` +
      `(findMentions: ${ratio(figures.findCpuRatio)} CPU time); grep: ${GREP_COMMAND}`,
    `build: ${figures.build.ms.toFixed(0)} ms, ${figures.build.states} states, ${figures.build.words} words, ` +
      `typed arrays ${figures.build.matcherMb.toFixed(1)} MB, heap growth ${figures.build.heapDeltaMb.toFixed(1)} MB`,
  ].join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const figures = await measureMentions({ log: (line) => process.stdout.write(`${line}\n`) });
  process.stdout.write(`${formatMentionFigures(figures)}\n`);
}
