import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { porterStem } from '../../core/linking/implicit/porter-stem.js';

/**
 * What the tokens are for: a stored `document` (postings today, the resource base next) is segmented finely
 * (jieba's search mode: every dictionary word inside a longer word too); a `query` keeps, of each of its words,
 * the pieces a document holding that word always has, so that every returned token must match (AND).
 */
export type SearchTokenPurpose = 'document' | 'query';

// Letters and digits; `C++` and `C#` keep their suffix (as `cpp`, `csharp`). Han characters are split off below.
const WORD = /[\p{L}\p{N}]+(?:\+\+|#)?/gu;
const HAN_RUN = /\p{Script=Han}+/u;
const NOT_HAN = /\P{Script=Han}+/gu;
const HAN = /\p{Script=Han}/u;
/** Longer "words" (hashes, base64, run-on junk) are never searched for and would only bloat the index. */
const MAX_TOKEN_LENGTH = 48;

let jieba: Jieba | null = null;

/**
 * Full-text search tokens of a text, each once (the Chinese ones first): Chinese segmented by jieba (its
 * default dictionary only, HMM off, so the result depends on nothing but the text), other words NFKC-folded,
 * lower-cased and Porter-stemmed (`Testing` → `test`, `C++` → `cpp`). Every token is letters and digits only,
 * so PostgreSQL's `to_tsvector('simple', …)` keeps each one whole and unchanged on every backend: store
 * `tokens.join(' ')` in a column indexed by `to_tsvector('simple', column)` (GIN) and match it with
 * `plainto_tsquery('simple', queryTokens.join(' '))`.
 */
export function searchTokens(text: string, purpose: SearchTokenPurpose): string[] {
  const tokens = new Set<string>();
  const add = (token: string) => {
    if (token.length > 0 && token.length <= MAX_TOKEN_LENGTH) tokens.add(token);
  };
  const normalised = text.normalize('NFKC').toLowerCase();
  // One jieba call for all the Chinese of the text (a call per run costs more than the segmentation itself).
  const han = normalised.replace(NOT_HAN, ' ');
  if (HAN.test(han)) {
    const words = purpose === 'document' ? segmenter().cutForSearch(han, false) : queryPieces(han);
    for (const word of words) if (HAN.test(word)) add(word);
  }
  for (const [word] of normalised.matchAll(WORD)) {
    for (const run of word.split(HAN_RUN)) add(latinToken(run));
  }
  return [...tokens];
}

/**
 * The tokens of a query's Chinese: for each word of jieba's precise cut, its search-mode pieces without those
 * that are just a concatenation of other pieces (数据分析 → 数据, 分析: a document whose segmentation made 大数据 +
 * 分析师 of the same characters still has both), keeping a word that no pieces cover (工程师 → 工程, 工程师).
 */
function queryPieces(han: string): string[] {
  const pieces: string[] = [];
  for (const word of segmenter().cut(han, false)) {
    if (!HAN.test(word)) continue;
    const candidates = [...new Set(segmenter().cutForSearch(word, false))];
    for (const candidate of candidates) {
      if (!isConcatenation(candidate, candidates)) pieces.push(candidate);
    }
  }
  return pieces;
}

function isConcatenation(word: string, parts: readonly string[]): boolean {
  const shorter = parts.filter((part) => part.length < word.length);
  if (shorter.length === 0) return false;
  const reachable = new Array<boolean>(word.length + 1).fill(false);
  reachable[0] = true;
  for (let start = 0; start < word.length; start += 1) {
    if (!reachable[start]) continue;
    for (const part of shorter) if (word.startsWith(part, start)) reachable[start + part.length] = true;
  }
  return reachable[word.length] === true;
}

function latinToken(run: string): string {
  const cached = LATIN_CACHE.get(run);
  if (cached !== undefined) return cached;
  const token = computeLatinToken(run);
  // A memo of a pure function, bounded so that junk input cannot grow it without limit.
  if (LATIN_CACHE.size >= 50_000) LATIN_CACHE.clear();
  LATIN_CACHE.set(run, token);
  return token;
}

const LATIN_CACHE = new Map<string, string>();

function computeLatinToken(run: string): string {
  const base = run.replace(/(?:\+\+|#)$/u, '');
  if (base.length === 0) return '';
  if (base !== run) return `${base}${run.endsWith('#') ? 'sharp' : 'pp'}`;
  return porterStem(base);
}

function segmenter(): Jieba {
  jieba ??= Jieba.withDict(dict);
  return jieba;
}
