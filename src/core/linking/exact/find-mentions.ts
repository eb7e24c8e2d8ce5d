import type { Mention } from '../link-entry.js';
import {
  STATE_FAIL as importedStateFail,
  STATE_FLAGS as importedStateFlags,
  STATE_INFO as importedStateInfo,
  STATE_LINK as importedStateLink,
  STATE_MATCH as importedStateMatch,
  STATE_ORDINAL as importedStateOrdinal,
  STATE_RECORD as importedStateRecord,
  STATE_CASED as importedStateCased,
  STATE_FIRST_HAN as importedStateFirstHan,
  STATE_LAST_HAN as importedStateLastHan,
  STATE_SINGLE_HAN as importedStateSingleHan,
  type MentionMatcher,
} from './build-mention-matcher.js';
import {
  CHAR_CLASS as importedCharClass,
  CLASS_HAN as importedClassHan,
  CLASS_HARD as importedClassHard,
  CLASS_WORD as importedClassWord,
  EXACT_HASH_LENGTH as importedExactHashLength,
  HASH_MULTIPLIER as importedHashMultiplier,
  CLASS_SOFT as importedClassSoft,
  DOT as importedDot,
  isJoiner as importedIsJoiner,
  LETTER_S as importedLetterS,
  LOWER as importedLower,
  readToken as importedReadToken,
  SLOT_APPEND as importedSlotAppend,
  SLOT_HASH as importedSlotHash,
  SLOT_KEEP as importedSlotKeep,
  SLOT_KIND as importedSlotKind,
  stemWord as importedStemWord,
  TOKEN_SLOTS as importedTokenSlots,
  TOKEN_WORD as importedTokenWord,
  WORD_FOLD as importedWordFold,
} from './read-token.js';

/*
 * Module-local copies of the imported tables, constants and helpers the scan loop uses: a test runner may turn
 * imported bindings into property reads (getters), which the optimising compiler does not fold in a hot loop.
 */
const STATE_FAIL = importedStateFail;
const STATE_FLAGS = importedStateFlags;
const STATE_INFO = importedStateInfo;
const STATE_LINK = importedStateLink;
const STATE_MATCH = importedStateMatch;
const STATE_ORDINAL = importedStateOrdinal;
const STATE_RECORD = importedStateRecord;
const STATE_CASED = importedStateCased;
const STATE_FIRST_HAN = importedStateFirstHan;
const STATE_LAST_HAN = importedStateLastHan;
const STATE_SINGLE_HAN = importedStateSingleHan;
const CHAR_CLASS = importedCharClass;
const CLASS_HAN = importedClassHan;
const CLASS_HARD = importedClassHard;
const CLASS_WORD = importedClassWord;
const EXACT_HASH_LENGTH = importedExactHashLength;
const HASH_MULTIPLIER = importedHashMultiplier;
const CLASS_SOFT = importedClassSoft;
const DOT = importedDot;
const isJoiner = importedIsJoiner;
const LETTER_S = importedLetterS;
const LOWER = importedLower;
const readToken = importedReadToken;
const SLOT_APPEND = importedSlotAppend;
const SLOT_HASH = importedSlotHash;
const SLOT_KEEP = importedSlotKeep;
const SLOT_KIND = importedSlotKind;
const stemWord = importedStemWord;
const TOKEN_SLOTS = importedTokenSlots;
const TOKEN_WORD = importedTokenWord;
const WORD_FOLD = importedWordFold;

export interface FindMentionsOptions {
  /**
   * A Chinese word segmenter (e.g. jieba with the dictionary's Chinese terms as user words). When given, a match
   * that begins or ends with a Han character counts only if that edge falls on a segment boundary, so 测试 does
   * not match inside 测试工程师 when the segmenter keeps 测试工程师 whole. It is called once per clause (a run
   * between white space and punctuation that jieba never keeps inside a word, see `isClauseBreak`) that holds a
   * Chinese candidate, on that clause only; jieba segments such runs independently, so the boundaries are those
   * of segmenting the whole text.
   *
   * Without it the matcher falls back to forward maximum matching over its own dictionary: leftmost-longest
   * selection lets a longer term win over the terms inside it, but a term inside a word the dictionary does not
   * know still matches; single-character Chinese terms are then never reported.
   */
  readonly segmentZh?: (text: string) => readonly string[];
}

/**
 * The spans a scan selected, three numbers each (start, end, automaton state whose outputs name the span), in text
 * order. Grown by doubling: the only allocation of a scan besides its ring buffers.
 */
interface SpanList {
  data: Int32Array;
  count: number;
}

/**
 * Every exact occurrence of a dictionary term in `text`: leftmost-longest and non-overlapping like `grep -o`
 * (among matches starting at the same token the longest wins; the next match starts after it), spans in UTF-16
 * string indices, sorted by start. A span whose term belongs to several entries is reported once per entry
 * (same span, entries in dictionary order, the entry's first term that normalises to it).
 *
 * One pass over the text: a token-level Aho–Corasick automaton, with the selection of leftmost-longest matches
 * delayed only as far as the automaton's current depth (at most the longest term's token count). Allocates per
 * selected span, never per token.
 */
export function findMentions(matcher: MentionMatcher, text: string, options: FindMentionsOptions = {}): Mention[] {
  const spans = scanText(matcher, text, options.segmentZh);
  const mentions: Mention[] = [];
  const { outputStart, outputEntry, outputTerm, outputCased, casedTexts } = matcher;
  const data = spans.data;
  for (let span = 0; span < spans.count; span++) {
    const start = data[span * 3]!;
    const end = data[span * 3 + 1]!;
    const state = matcher.states[data[span * 3 + 2]! + STATE_ORDINAL]!;
    let previousEntry = -1;
    for (let output = outputStart[state]!; output < outputStart[state + 1]!; output++) {
      const entry = outputEntry[output]!;
      if (entry === previousEntry) continue;
      const cased = outputCased[output]!;
      if (cased >= 0 && !sameText(text, start, end, casedTexts[cased]!)) continue;
      mentions.push({ entry, start, end, term: outputTerm[output]! });
      previousEntry = entry;
    }
  }
  return mentions;
}

/**
 * How many spans {@link findMentions} would select (a span naming several entries counts once), without building
 * mention objects.
 */
export function countMentionSpans(matcher: MentionMatcher, text: string, options: FindMentionsOptions = {}): number {
  return scanText(matcher, text, options.segmentZh).count;
}

/** For the tokens the scan loop does not read itself (words with joiners, `.net`, breaks when terms have them). */
const scratch = new Int32Array(TOKEN_SLOTS);

/**
 * The scan: tokenizer, word lookup and automaton in one loop. The common tokens are read right here, with exactly
 * the semantics of `readToken` (which stays the reference, and which compiles the terms): separators are skipped,
 * a word is hashed as it is read and looked up through the word filter, a Han character is one table lookup. A
 * word followed by a joiner (`.`, `+`, `#`, `&`) and a hard character that may start `.net` or must become a
 * break token go through `readToken`; a hard character is otherwise an unknown token (the automaton goes back to
 * its root, as it does on a break when no term contains one).
 */
function scanText(matcher: MentionMatcher, text: string, segmentZh: FindMentionsOptions['segmentZh']): SpanList {
  const { words, wordShift, wordMask, wordOffsets, wordChars, hanIds, breakToken, rootNext, states } = matcher;
  let ringSize = 1;
  while (ringSize <= matcher.maxDepth) ringSize *= 2;
  const ringMask = ringSize - 1;
  /** Per token position (mod ringSize): its start in the text, and the longest valid match starting there. */
  const tokenStart = new Int32Array(ringSize);
  const bestLength = new Int32Array(ringSize);
  const bestEnd = new Int32Array(ringSize);
  const bestState = new Int32Array(ringSize);
  const spans: SpanList = { data: new Int32Array(48), count: 0 };
  const zh: ZhContext = { segmentZh, boundaries: null, segmented: null };

  const length = text.length;
  let index = 0;
  let state = 0;
  /** Index of the last known token (unknown words and breaks outside terms reset the automaton, no index). */
  let last = -1;
  /** First token position whose best match is not yet final. */
  let cursor = 0;
  /** First token position a new match may start at (the end of the last selected one). */
  let committed = 0;

  for (;;) {
    // Skip soft separators.
    let code = 0;
    while (index < length) {
      code = text.charCodeAt(index);
      if (CHAR_CLASS[code] !== CLASS_SOFT) break;
      index++;
    }
    let flushLimit: number;
    const done = index >= length;
    if (done) {
      flushLimit = last + 1;
    } else {
      // Read one token: [start, index).
      const start = index;
      let token = 0;
      let fold = WORD_FOLD[code]!;
      if (fold !== 0) {
        let hash = fold;
        /** The OR of the word's hash codes: at most 63 iff all are `[a-z0-9]` (see `HASH_MULTIPLIER`). */
        let codes = fold;
        index++;
        while (index < length) {
          fold = WORD_FOLD[text.charCodeAt(index)]!;
          if (fold === 0) break;
          hash = (Math.imul(hash, HASH_MULTIPLIER) + fold) | 0;
          codes |= fold;
          index++;
        }
        let keep = index - start;
        let append = 0;
        let exact = true;
        if (index < length && joinsAt(text, index)) {
          index = readToken(text, start, scratch);
          hash = scratch[SLOT_HASH]!;
          keep = scratch[SLOT_KEEP]!;
          append = scratch[SLOT_APPEND]!;
          exact = false;
        } else if (keep >= 3 && LOWER[text.charCodeAt(index - 1)] === LETTER_S) {
          scratch[SLOT_HASH] = hash;
          scratch[SLOT_KEEP] = keep;
          scratch[SLOT_APPEND] = 0;
          stemWord(text, start, index, scratch);
          hash = scratch[SLOT_HASH]!;
          keep = scratch[SLOT_KEEP]!;
          append = scratch[SLOT_APPEND]!;
        }
        if (codes > EXACT_CODES || keep + (append === 0 ? 0 : 1) > EXACT_HASH_LENGTH) exact = false;
        token = findWord(words, wordShift, wordMask, wordOffsets, wordChars, text, start, keep, append, hash, exact);
      } else if (CHAR_CLASS[code] === CLASS_HAN) {
        token = hanIds[code]!;
        index++;
      } else if (breakToken === 0 && code !== DOT) {
        // Hard punctuation when no term contains a break: one unknown token up to the next word, Han or dot.
        index++;
        while (index < length) {
          const next = text.charCodeAt(index);
          const nextClass = CHAR_CLASS[next];
          if ((nextClass !== CLASS_HARD && nextClass !== CLASS_SOFT) || next === DOT) break;
          index++;
        }
      } else {
        index = readToken(text, start, scratch);
        token =
          scratch[SLOT_KIND] === TOKEN_WORD
            ? findWord(
                words,
                wordShift,
                wordMask,
                wordOffsets,
                wordChars,
                text,
                start,
                scratch[SLOT_KEEP]!,
                scratch[SLOT_APPEND]!,
                scratch[SLOT_HASH]!,
                false,
              )
            : breakToken;
      }

      if (token === 0) {
        // An unknown token: back to the root; every pending match is final.
        if (state === 0) continue;
        state = 0;
        flushLimit = last + 1;
      } else {
        last++;
        const ringSlot = last & ringMask;
        tokenStart[ringSlot] = start;
        bestLength[ringSlot] = 0;

        const tokenMix = Math.imul(token, 0x9e3779b1);
        const signatureWord = tokenMix >>> 31;
        const bit = 1 << ((tokenMix >>> 26) & 31);
        for (;;) {
          if (state === 0) {
            state = rootNext[token]!;
            break;
          }
          if ((states[state + signatureWord]! & bit) !== 0) {
            const mask = (1 << (states[state + STATE_INFO]! >>> 8)) - 1;
            let slot = (tokenMix >>> 8) & mask;
            let next = 0;
            for (;;) {
              const edge = state + STATE_RECORD + slot * 2;
              const edgeToken = states[edge]!;
              if (edgeToken === token) {
                next = states[edge + 1]!;
                break;
              }
              if (edgeToken === 0) break;
              slot = (slot + 1) & mask;
            }
            if (next !== 0) {
              state = next;
              break;
            }
          }
          state = states[state + STATE_FAIL]!;
        }
        if (state === 0) {
          flushLimit = last + 1;
        } else {
          // Record the matches ending at this token: the longest valid one for each start position.
          let match = states[state + STATE_MATCH]!;
          while (match !== 0) {
            const matchLength = states[match + STATE_INFO]! & 0xff;
            const first = last - matchLength + 1;
            if (first >= committed) {
              const slot = first & ringMask;
              if (
                matchLength > bestLength[slot]! &&
                (states[match + STATE_FLAGS] === 0 || validFlagged(matcher, text, zh, match, tokenStart[slot]!, index))
              ) {
                bestLength[slot] = matchLength;
                bestEnd[slot] = index;
                bestState[slot] = match;
              }
            }
            match = states[match + STATE_LINK]!;
          }
          // No later match can start before the start of the automaton's current string.
          flushLimit = last - (states[state + STATE_INFO]! & 0xff) + 1;
        }
      }
    }

    // Select the final best matches, leftmost first, skipping those that overlap a selected one.
    for (; cursor < flushLimit; cursor++) {
      const slot = cursor & ringMask;
      const matchLength = bestLength[slot]!;
      if (matchLength === 0 || cursor < committed) continue;
      if (spans.count * 3 === spans.data.length) spans.data = grown(spans.data);
      const at = spans.count * 3;
      spans.data[at] = tokenStart[slot]!;
      spans.data[at + 1] = bestEnd[slot]!;
      spans.data[at + 2] = bestState[slot]!;
      spans.count++;
      committed = cursor + matchLength;
    }
    if (done) break;
  }
  return spans;
}

/**
 * The token id of the normalised word `text[start, start + keep)` (lower-cased) followed by `append` (when not 0),
 * whose hash is `hash`; 0 when it is not a dictionary word. Exact: a hash hit is confirmed character by character,
 * unless `exact` says that the word is at most six characters of `[a-z0-9]`: its hash then identifies it among
 * such words (a negative id in the table), and it cannot be any other word.
 */
function findWord(
  words: Int32Array,
  wordShift: number,
  wordMask: number,
  wordOffsets: Int32Array,
  wordChars: Uint16Array,
  text: string,
  start: number,
  keep: number,
  append: number,
  hash: number,
  exact: boolean,
): number {
  let slot = Math.imul(hash, 0x9e3779b1) >>> wordShift;
  for (;;) {
    const id = words[slot * 2 + 1]!;
    if (id === 0) return 0;
    if (words[slot * 2] === hash) {
      if (exact) {
        if (id < 0) return -id;
      } else {
        const word = id < 0 ? -id : id;
        if (sameWord(text, start, keep, append, wordChars, wordOffsets[word]!, wordOffsets[word + 1]!)) return word;
      }
    }
    slot = (slot + 1) & wordMask;
  }
}

/**
 * Whether the word that ends at `index` may go on through the character there (a joiner): `readToken` decides.
 * A dot that only ends a sentence is settled here, as it is the common case.
 */
function joinsAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (code === DOT) return index + 1 < text.length && CHAR_CLASS[text.charCodeAt(index + 1)] === CLASS_WORD;
  return isJoiner(code);
}

/** `codes` of a word (see `scanText`) above this: not all of its characters are `[a-z0-9]`. */
const EXACT_CODES = 63;

function grown(data: Int32Array): Int32Array {
  const larger = new Int32Array(data.length * 2);
  larger.set(data);
  return larger;
}

interface ZhContext {
  readonly segmentZh: FindMentionsOptions['segmentZh'];
  /** Segment boundaries of the text (1 where a segment starts or ends), filled clause by clause. */
  boundaries: Uint8Array | null;
  /** 1 at every index of a clause already segmented. */
  segmented: Uint8Array | null;
}

/**
 * Characters jieba never keeps inside a word: it cuts text into runs of Han characters and `[a-zA-Z0-9+#&._%-]`
 * and segments each run on its own, so a clause between these characters segments exactly as it does inside the
 * whole text. (Deliberately fewer than jieba's separators: a clause may hold several of its runs.)
 */
export function isClauseBreak(code: number): boolean {
  if (code <= 0x20) return true;
  switch (code) {
    case 0x21: // !
    case 0x22: // "
    case 0x27: // '
    case 0x28: // (
    case 0x29: // )
    case 0x2c: // ,
    case 0x2f: // /
    case 0x3a: // :
    case 0x3b: // ;
    case 0x3f: // ?
    case 0x5b: // [
    case 0x5d: // ]
    case 0x7b: // {
    case 0x7d: // }
    case 0x7c: // |
    case 0x3000: // ideographic space
    case 0x3001: // 、
    case 0x3002: // 。
    case 0xff0c: // ，
    case 0xff1b: // ；
    case 0xff1a: // ：
    case 0xff01: // ！
    case 0xff1f: // ？
    case 0xff08: // （
    case 0xff09: // ）
    case 0x300a: // 《
    case 0x300b: // 》
    case 0x3010: // 【
    case 0x3011: // 】
    case 0x201c: // “
    case 0x201d: // ”
    case 0x2018: // ‘
    case 0x2019: // ’
      return true;
    default:
      return false;
  }
}

/** Segments the clause around `[start, end)` (once) and records its boundaries. */
function segmentClause(zh: ZhContext, text: string, start: number, end: number): void {
  const boundaries = (zh.boundaries ??= new Uint8Array(text.length + 1));
  const segmented = (zh.segmented ??= new Uint8Array(text.length + 1));
  if (segmented[start] === 1 && segmented[Math.max(start, end - 1)] === 1) return;
  let from = start;
  while (from > 0 && !isClauseBreak(text.charCodeAt(from - 1))) from--;
  let to = end;
  while (to < text.length && !isClauseBreak(text.charCodeAt(to))) to++;
  segmented.fill(1, from, to);
  boundaries[from] = 1;
  boundaries[to] = 1;
  const clause = text.slice(from, to);
  let position = 0;
  for (const segment of zh.segmentZh!(clause)) {
    if (segment.length === 0) continue;
    const at = clause.startsWith(segment, position) ? position : clause.indexOf(segment, position);
    if (at < 0) continue;
    boundaries[from + at] = 1;
    boundaries[from + at + segment.length] = 1;
    position = at + segment.length;
  }
}

/** Whether a match whose state has flags (Han edges, case-sensitive outputs) counts at `[start, end)`. */
function validFlagged(
  matcher: MentionMatcher,
  text: string,
  zh: ZhContext,
  match: number,
  start: number,
  end: number,
): boolean {
  const stateFlags = matcher.states[match + STATE_FLAGS]!;
  if ((stateFlags & (STATE_FIRST_HAN | STATE_LAST_HAN)) !== 0) {
    if (zh.segmentZh === undefined) {
      if ((stateFlags & STATE_SINGLE_HAN) !== 0) return false;
    } else {
      segmentClause(zh, text, start, end);
      if ((stateFlags & STATE_FIRST_HAN) !== 0 && zh.boundaries![start] === 0) return false;
      if ((stateFlags & STATE_LAST_HAN) !== 0 && zh.boundaries![end] === 0) return false;
    }
  }
  if ((stateFlags & STATE_CASED) !== 0) {
    const { outputStart, outputCased, casedTexts } = matcher;
    const ordinal = matcher.states[match + STATE_ORDINAL]!;
    for (let output = outputStart[ordinal]!; output < outputStart[ordinal + 1]!; output++) {
      const cased = outputCased[output]!;
      if (cased < 0 || sameText(text, start, end, casedTexts[cased]!)) return true;
    }
    return false;
  }
  return true;
}

function sameWord(
  text: string,
  start: number,
  keep: number,
  append: number,
  chars: Uint16Array,
  from: number,
  to: number,
): boolean {
  const length = to - from;
  if (length !== keep + (append === 0 ? 0 : 1)) return false;
  for (let index = 0; index < keep; index++) {
    if (LOWER[text.charCodeAt(start + index)] !== chars[from + index]) return false;
  }
  return append === 0 || chars[from + length - 1] === append;
}

function sameText(text: string, start: number, end: number, expected: string): boolean {
  if (end - start !== expected.length) return false;
  for (let index = 0; index < expected.length; index++) {
    if (text.charCodeAt(start + index) !== expected.charCodeAt(index)) return false;
  }
  return true;
}
