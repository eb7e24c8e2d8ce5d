import { porterStem } from './porter-stem.js';

/** One index term found in a text, with the character range of the word (or Chinese gram) it came from. */
export interface TextToken {
  /** The index term: a Porter stem for English, one or two Han characters for Chinese. */
  readonly term: string;
  readonly start: number;
  readonly end: number;
  /** True for a Chinese character unigram (weaker evidence than a bigram or an English word). */
  readonly unigram: boolean;
}

/** Function words and job-advert filler that never name a competency on their own. */
export const ENGLISH_STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being below ' +
    'between both but by can could did do does doing down during each etc e.g eg few for from further had has ' +
    'have having he her here hers him his how i ie i.e if in into is it its itself just me more most my no nor ' +
    'not now of off on once only or other our ours out over own per same she should so some such than that the ' +
    'their theirs them then there these they this those through to too under until up upon us very via was we ' +
    'were what when where which while who whom why will with within without would you your yours ' +
    'able ability abilities candidate candidates including like looking must plus preferred preferably ' +
    'required requirement requirements role seeking strong excellent good great year years well new using ' +
    'use used one two three least'
  ).split(' '),
);

const HAN = /\p{Script=Han}/u;
// A word is letters and digits, optionally followed by + or # (C++, C#); Han characters are handled apart.
const WORD = /[\p{L}\p{N}]+[+#]*/gu;

/**
 * Index terms of a text, in order: English words lower-cased, stop words dropped and Porter-stemmed; runs of Han
 * characters as character unigrams and bigrams. Full-width forms are folded (NFKC) per word, so the spans stay
 * those of the original text.
 */
export function tokenize(text: string): TextToken[] {
  const tokens: TextToken[] = [];
  for (const match of text.matchAll(WORD)) {
    const raw = match[0];
    const offset = match.index;
    if (!HAN.test(raw)) {
      pushWord(tokens, raw, offset, offset + raw.length);
      continue;
    }
    let runStart = -1;
    let wordStart = -1;
    const flushWord = (end: number) => {
      if (wordStart < 0) return;
      pushWord(tokens, raw.slice(wordStart, end), offset + wordStart, offset + end);
      wordStart = -1;
    };
    const flushRun = (end: number) => {
      if (runStart < 0) return;
      pushHan(tokens, raw.slice(runStart, end), offset + runStart);
      runStart = -1;
    };
    let index = 0;
    for (const char of raw) {
      if (char.charCodeAt(0) >= 0x2e80 && HAN.test(char)) {
        flushWord(index);
        if (runStart < 0) runStart = index;
      } else {
        flushRun(index);
        if (wordStart < 0) wordStart = index;
      }
      index += char.length;
    }
    flushWord(raw.length);
    flushRun(raw.length);
  }
  return tokens;
}

/** The English normal form of one word (NFKC, lower case, stemmed), or null for a stop word. */
export function englishTerm(word: string): string | null {
  const cached = TERM_CACHE.get(word);
  if (cached !== undefined) return cached;
  const term = computeEnglishTerm(word);
  // A memo of pure results (deterministic); bounded so garbage input cannot grow it without limit.
  if (TERM_CACHE.size >= MAX_CACHED_TERMS) TERM_CACHE.clear();
  TERM_CACHE.set(word, term);
  return term;
}

const MAX_CACHED_TERMS = 200_000;
const TERM_CACHE = new Map<string, string | null>();

function computeEnglishTerm(word: string): string | null {
  const folded = word.normalize('NFKC');
  const lower = folded.toLowerCase();
  if (ENGLISH_STOP_WORDS.has(lower)) return null;
  if (lower.length === 1 && !/[0-9]/.test(lower) && lower !== 'c' && lower !== 'r') return null;
  // A bare number of one or two digits is a list number or a count (5、, 3 years), never a competency on its own.
  if (/^[0-9]{1,2}$/.test(lower)) return null;
  // An acronym (WMS, SAS, AWS) is not an inflected word.
  if (folded.length >= 2 && /^\p{Lu}+$/u.test(folded)) return lower;
  return porterStem(lower);
}

function pushWord(tokens: TextToken[], word: string, start: number, end: number): void {
  const term = englishTerm(word);
  if (term !== null) tokens.push({ term, start, end, unigram: false });
}

function pushHan(tokens: TextToken[], run: string, start: number): void {
  const chars = [...run];
  let position = start;
  for (let index = 0; index < chars.length; index++) {
    const char = chars[index]!;
    tokens.push({ term: char, start: position, end: position + char.length, unigram: true });
    const next = chars[index + 1];
    if (next !== undefined) {
      tokens.push({ term: char + next, start: position, end: position + char.length + next.length, unigram: false });
    }
    position += char.length;
  }
}
