import type { LinkEntry } from '../link-entry.js';
import {
  hasExactHash,
  normalisedWord,
  readToken,
  SLOT_HASH,
  SLOT_KIND,
  TOKEN_BREAK,
  TOKEN_END,
  TOKEN_HAN,
  TOKEN_SLOTS,
  TOKEN_WORD,
} from './read-token.js';

/** Token id of an unknown word or character: the automaton goes back to its root. */
export const UNKNOWN_TOKEN = 0;
/** Token id of a break (hard punctuation), when some term contains one; otherwise breaks are unknown tokens. */
export const BREAK_TOKEN = 1;

/** Terms longer than this many tokens are not compiled (none of ESCO's or the curated catalogue's is). */
export const MAX_TERM_TOKENS = 48;

/** State flags. */
export const STATE_FIRST_HAN = 1;
export const STATE_LAST_HAN = 2;
/** The term is one Han character: reported only where a Chinese segmenter keeps it as a word of its own. */
export const STATE_SINGLE_HAN = 4;
/** Some output must match the text case-sensitively (one- and two-character terms such as R, C, Go, IT). */
export const STATE_CASED = 8;

/**
 * A compiled dictionary of terms: a token-level Aho–Corasick automaton over word and Han-character ids. Opaque:
 * build it with {@link buildMentionMatcher}, use it with `findMentions`/`countMentionSpans`. Immutable.
 */
export interface MentionMatcher {
  /**
   * Open-addressing table of known words, two numbers per slot: the normalised word's hash, and its token id
   * (0 = empty slot), negated when the hash alone identifies the word (`hasExactHash`: at most six characters
   * of `[a-z0-9]`).
   */
  readonly words: Int32Array;
  /** Slot of a hash: {@link wordSlot}; probing continues at `(slot + 1) & wordMask`. */
  readonly wordShift: number;
  readonly wordMask: number;
  /** The normalised characters of word `id` are `wordChars[wordOffsets[id] .. wordOffsets[id + 1])`. */
  readonly wordOffsets: Int32Array;
  readonly wordChars: Uint16Array;
  /** Token id of each Han character (0 = not in any term). */
  readonly hanIds: Int32Array;
  /** BREAK_TOKEN when some term contains a break, else UNKNOWN_TOKEN. */
  readonly breakToken: number;
  /** The root's transitions, indexed by token id: the next state's record (0 = stay at the root). */
  readonly rootNext: Int32Array;
  /**
   * The automaton, one record per state, each followed by its transitions: a state is the index of its record (the
   * root's is at 0, so 0 is the root), and everything the scan loop reads about a state sits together. A record
   * holds {@link STATE_RECORD} numbers: a 64-bit signature of the tokens the state has transitions on
   * ({@link tokenBit}; a clear bit means no transition, so most failed lookups read nothing else), then
   * {@link STATE_FAIL} … {@link STATE_FLAGS}. The transitions follow as an open-addressing block of a power of two
   * (token, next state) pairs (token 0 = empty slot, at least one is empty; a token's first slot is
   * {@link edgeBlockSlot}). The root's transitions are in `rootNext` instead.
   */
  readonly states: Int32Array;
  /** Outputs of state number s ({@link STATE_ORDINAL}): `outputStart[s] .. outputStart[s + 1]` into the `output*` arrays, sorted by entry. */
  readonly outputStart: Int32Array;
  readonly outputEntry: Int32Array;
  readonly outputTerm: Int32Array;
  /** Index into `casedTexts`, or -1 when the output matches case-insensitively. */
  readonly outputCased: Int32Array;
  readonly casedTexts: readonly string[];
  /** The longest compiled term, in tokens. */
  readonly maxDepth: number;
  readonly stats: MentionMatcherStats;
}

export interface MentionMatcherStats {
  /** Distinct (entry, normalised term) pairs compiled. */
  readonly patterns: number;
  readonly states: number;
  readonly words: number;
  readonly hanCharacters: number;
  /** Lower-case one- and two-character terms (re, ng, rs): too ambiguous to match. */
  readonly droppedShortTerms: number;
  readonly droppedLongTerms: number;
}

interface Output {
  entry: number;
  term: number;
  cased: string | null;
}

/**
 * Compiles every term of every non-group entry into one automaton (see `read-token.ts` for how terms are
 * normalised). Terms that normalise alike (`problem-solving`, `problem solving`; `database`, `databases`) share a
 * state; entries sharing a surface form each get an output there, so a span is reported once per entry.
 *
 * Short terms: a one- or two-character alphanumeric term written with a capital (R, C, Go, IT, QA) matches only
 * exactly as written; written in lower case (re, ng, rs — ESCO has such alternative labels) it is dropped.
 */
export function buildMentionMatcher(entries: readonly LinkEntry[]): MentionMatcher {
  const scratch = new Int32Array(TOKEN_SLOTS);
  const words = new Map<string, number>();
  const wordHash: number[] = [0, 0];
  const hanIds = new Int32Array(0x10000);
  let nextToken = 2;
  let breakUsed = false;

  // Trie: children by (state, token) during construction.
  const children = new Map<number, number>();
  const edgeFrom: number[] = [];
  const edgeToken: number[] = [];
  const edgeTo: number[] = [];
  const depth: number[] = [0];
  const flags: number[] = [0];
  const outputs: (Output[] | undefined)[] = [undefined];
  let maxDepth = 0;
  let patterns = 0;
  let droppedShortTerms = 0;
  let droppedLongTerms = 0;
  const TOKEN_LIMIT = 2 ** 21;

  const tokens: number[] = [];
  const kinds: number[] = [];
  entries.forEach((entry, entryIndex) => {
    if (entry.isGroup) return;
    entry.terms.forEach((term, termIndex) => {
      const text = term.text.trim();
      tokens.length = 0;
      kinds.length = 0;
      let position = 0;
      for (;;) {
        position = readToken(text, position, scratch);
        const kind = scratch[SLOT_KIND]!;
        if (kind === TOKEN_END) break;
        if (kind === TOKEN_BREAK) {
          if (tokens.length > 0) {
            tokens.push(BREAK_TOKEN);
            kinds.push(kind);
          }
          continue;
        }
        if (kind === TOKEN_HAN) {
          const code = scratch[SLOT_HASH]!;
          if (hanIds[code] === 0) hanIds[code] = nextToken++;
          tokens.push(hanIds[code]!);
          kinds.push(kind);
          continue;
        }
        const word = normalisedWord(text, scratch);
        let id = words.get(word);
        if (id === undefined) {
          id = nextToken++;
          words.set(word, id);
          wordHash[id] = scratch[SLOT_HASH]!;
        }
        tokens.push(id);
        kinds.push(kind);
      }
      while (tokens.length > 0 && tokens[tokens.length - 1] === BREAK_TOKEN) {
        tokens.pop();
        kinds.pop();
      }
      if (tokens.length === 0) return;
      if (tokens.length > MAX_TERM_TOKENS) {
        droppedLongTerms++;
        return;
      }
      let cased: string | null = null;
      if (tokens.length === 1 && kinds[0] === TOKEN_WORD && /^[\p{L}\p{N}]{1,2}$/u.test(text)) {
        if (text === text.toLowerCase()) {
          droppedShortTerms++;
          return;
        }
        cased = text;
      }
      if (tokens.includes(BREAK_TOKEN)) breakUsed = true;

      let state = 0;
      for (const token of tokens) {
        const key = state * TOKEN_LIMIT + token;
        let next = children.get(key);
        if (next === undefined) {
          next = depth.length;
          depth.push(depth[state]! + 1);
          flags.push(0);
          outputs.push(undefined);
          children.set(key, next);
          edgeFrom.push(state);
          edgeToken.push(token);
          edgeTo.push(next);
        }
        state = next;
      }
      maxDepth = Math.max(maxDepth, tokens.length);
      let stateFlags = flags[state]!;
      if (kinds[0] === TOKEN_HAN) stateFlags |= STATE_FIRST_HAN;
      if (kinds[kinds.length - 1] === TOKEN_HAN) stateFlags |= STATE_LAST_HAN;
      if (tokens.length === 1 && kinds[0] === TOKEN_HAN) stateFlags |= STATE_SINGLE_HAN;
      if (cased !== null) stateFlags |= STATE_CASED;
      flags[state] = stateFlags;
      const list = outputs[state] ?? [];
      outputs[state] = list;
      if (!list.some((output) => output.entry === entryIndex && output.cased === cased)) {
        list.push({ entry: entryIndex, term: termIndex, cased });
        patterns++;
      }
    });
  });

  const stateCount = depth.length;
  const tokenCount = nextToken;
  renumberBreadthFirst(stateCount, edgeFrom, edgeTo, depth, flags, outputs);

  // Word table: about 60 % full, so that it stays in cache (most text words are looked up).
  const wordCapacity = powerOfTwoAtLeast(Math.max(16, Math.ceil(words.size / 0.6)));
  const wordMask = wordCapacity - 1;
  const wordShift = 32 - Math.log2(wordCapacity);
  const wordTable = new Int32Array(wordCapacity * 2);
  const wordOffsets = new Int32Array(tokenCount + 1);
  let totalChars = 0;
  for (const [word, id] of words) {
    wordOffsets[id] = totalChars;
    totalChars += word.length;
    wordOffsets[id + 1] = totalChars;
  }
  const wordChars = new Uint16Array(totalChars);
  for (const [word, id] of words) {
    const offset = wordOffsets[id]!;
    for (let index = 0; index < word.length; index++) wordChars[offset + index] = word.charCodeAt(index);
    const hash = wordHash[id]!;
    let slot = wordSlot(hash, wordShift);
    while (wordTable[slot * 2 + 1] !== 0) slot = (slot + 1) & wordMask;
    wordTable[slot * 2] = hash;
    wordTable[slot * 2 + 1] = hasExactHash(word) ? -id : id;
  }

  // Children lists (CSR), in state order.
  const childStart = new Int32Array(stateCount + 1);
  for (const from of edgeFrom) childStart[from + 1]!++;
  for (let state = 0; state < stateCount; state++) childStart[state + 1]! += childStart[state]!;
  const childFill = childStart.slice(0, stateCount);
  const childState = new Int32Array(edgeFrom.length);
  const childToken = new Int32Array(edgeFrom.length);
  for (let index = 0; index < edgeFrom.length; index++) {
    const slot = childFill[edgeFrom[index]!]!++;
    childState[slot] = edgeTo[index]!;
    childToken[slot] = edgeToken[index]!;
  }

  // Where each state's record goes in `states`: a record, then its transition block (see `MentionMatcher.states`).
  const blockBits = new Int32Array(stateCount);
  const recordAt = new Int32Array(stateCount);
  let recordEnd = STATE_RECORD;
  for (let state = 1; state < stateCount; state++) {
    const count = childStart[state + 1]! - childStart[state]!;
    recordAt[state] = recordEnd;
    recordEnd += STATE_RECORD;
    if (count === 0) continue;
    blockBits[state] = Math.log2(powerOfTwoAtLeast(count + (count >> 2) + 1));
    recordEnd += 2 * 2 ** blockBits[state]!;
    if (recordEnd >= 2 ** 30) throw new Error('buildMentionMatcher: too many states');
  }
  const rootChild = new Int32Array(tokenCount);
  const rootNext = new Int32Array(tokenCount);
  for (let child = childStart[0]!; child < childStart[1]!; child++) {
    rootChild[childToken[child]!] = childState[child]!;
    rootNext[childToken[child]!] = recordAt[childState[child]!]!;
  }
  const step = (state: number, token: number): number => {
    if (state === 0) return rootChild[token]!;
    for (let child = childStart[state]!; child < childStart[state + 1]!; child++) {
      if (childToken[child] === token) return childState[child]!;
    }
    return 0;
  };

  const fail = new Int32Array(stateCount);
  const dictionaryLink = new Int32Array(stateCount);
  const queue = new Int32Array(stateCount);
  let head = 0;
  let tail = 0;
  queue[tail++] = 0;
  while (head < tail) {
    const state = queue[head++]!;
    for (let slot = childStart[state]!; slot < childStart[state + 1]!; slot++) {
      const child = childState[slot]!;
      const token = childToken[slot]!;
      let target = 0;
      if (state !== 0) {
        let candidate = fail[state]!;
        for (;;) {
          const next = step(candidate, token);
          if (next !== 0) {
            target = next;
            break;
          }
          if (candidate === 0) break;
          candidate = fail[candidate]!;
        }
      }
      fail[child] = target;
      dictionaryLink[child] = outputs[target] ? target : dictionaryLink[target]!;
      queue[tail++] = child;
    }
  }

  // Outputs (CSR, sorted by entry so a span lists entries in dictionary order).
  const outputStart = new Int32Array(stateCount + 1);
  for (let state = 0; state < stateCount; state++) {
    outputStart[state + 1] = outputStart[state]! + (outputs[state]?.length ?? 0);
  }
  const outputEntry = new Int32Array(patterns);
  const outputTerm = new Int32Array(patterns);
  const outputCased = new Int32Array(patterns);
  const casedTexts: string[] = [];
  for (let state = 0; state < stateCount; state++) {
    const list = outputs[state];
    if (!list) continue;
    list.sort((left, right) => left.entry - right.entry || left.term - right.term);
    let slot = outputStart[state]!;
    for (const output of list) {
      outputEntry[slot] = output.entry;
      outputTerm[slot] = output.term;
      outputCased[slot] = output.cased === null ? -1 : casedTexts.push(output.cased) - 1;
      slot++;
    }
  }

  const states = new Int32Array(recordEnd);
  for (let state = 0; state < stateCount; state++) {
    const at = recordAt[state]!;
    const bits = blockBits[state]!;
    const mask = (1 << bits) - 1;
    for (let child = childStart[state]!; child < childStart[state + 1]!; child++) {
      const token = childToken[child]!;
      const word = at + tokenSignatureWord(token);
      states[word] = states[word]! | tokenBit(token);
      if (state === 0) continue;
      let slot = edgeBlockSlot(token, mask);
      while (states[at + STATE_RECORD + slot * 2] !== 0) slot = (slot + 1) & mask;
      states[at + STATE_RECORD + slot * 2] = token;
      states[at + STATE_RECORD + slot * 2 + 1] = recordAt[childState[child]!]!;
    }
    const match = outputs[state] ? state : dictionaryLink[state]!;
    states[at + STATE_FAIL] = recordAt[fail[state]!]!;
    states[at + STATE_MATCH] = match === 0 ? 0 : recordAt[match]!;
    states[at + STATE_INFO] = depth[state]! | (bits << 8);
    states[at + STATE_ORDINAL] = state;
    states[at + STATE_LINK] = dictionaryLink[state] === 0 ? 0 : recordAt[dictionaryLink[state]!]!;
    states[at + STATE_FLAGS] = flags[state]!;
  }

  return {
    words: wordTable,
    wordShift,
    wordMask,
    wordOffsets,
    wordChars,
    hanIds,
    breakToken: breakUsed ? BREAK_TOKEN : 0,
    rootNext,
    states,
    outputStart,
    outputEntry,
    outputTerm,
    outputCased,
    casedTexts,
    maxDepth,
    stats: {
      patterns,
      states: stateCount,
      words: words.size,
      hanCharacters: tokenCount - 2 - words.size,
      droppedShortTerms,
      droppedLongTerms,
    },
  };
}

/**
 * Renumbers the trie's states in breadth-first order, in place: the shallow states, which nearly every token of a
 * text visits, then sit together at the start of the state table instead of being scattered through it, and the
 * children of a state sit next to each other.
 */
function renumberBreadthFirst(
  stateCount: number,
  edgeFrom: number[],
  edgeTo: number[],
  depth: number[],
  flags: number[],
  outputs: (Output[] | undefined)[],
): void {
  const childStart = new Int32Array(stateCount + 1);
  for (const from of edgeFrom) childStart[from + 1]!++;
  for (let state = 0; state < stateCount; state++) childStart[state + 1]! += childStart[state]!;
  const childFill = childStart.slice(0, stateCount);
  const children = new Int32Array(edgeFrom.length);
  for (let index = 0; index < edgeFrom.length; index++) children[childFill[edgeFrom[index]!]!++] = edgeTo[index]!;
  const order = new Int32Array(stateCount);
  let tail = 1;
  for (let head = 0; head < tail; head++) {
    const state = order[head]!;
    for (let child = childStart[state]!; child < childStart[state + 1]!; child++) order[tail++] = children[child]!;
  }
  const renamed = new Int32Array(stateCount);
  order.forEach((state, index) => (renamed[state] = index));
  for (let index = 0; index < edgeFrom.length; index++) {
    edgeFrom[index] = renamed[edgeFrom[index]!]!;
    edgeTo[index] = renamed[edgeTo[index]!]!;
  }
  const oldDepth = [...depth];
  const oldFlags = [...flags];
  const oldOutputs = [...outputs];
  order.forEach((state, index) => {
    depth[index] = oldDepth[state]!;
    flags[index] = oldFlags[state]!;
    outputs[index] = oldOutputs[state];
  });
}

/** Numbers in a state's record (see `MentionMatcher.states`); the first two are the signature. */
export const STATE_RECORD = 8;
/** The record of the state's failure state. */
export const STATE_FAIL = 2;
/** The record of the longest state with outputs among the state and its failure chain, or 0. */
export const STATE_MATCH = 3;
/** The state's depth in tokens (low 8 bits; terms have at most {@link MAX_TERM_TOKENS}) | log2 of its block size << 8. */
export const STATE_INFO = 4;
/** The state's number (breadth-first): index into `outputStart`. */
export const STATE_ORDINAL = 5;
/** The record of the longest proper suffix state that has outputs, or 0. */
export const STATE_LINK = 6;
/** The state's flags (`STATE_FIRST_HAN`…). */
export const STATE_FLAGS = 7;

/** Which of the two signature words holds a token's bit. */
export function tokenSignatureWord(token: number): number {
  return Math.imul(token, 0x9e3779b1) >>> 31;
}

/** The bit of a token in its signature word. */
export function tokenBit(token: number): number {
  return 1 << ((Math.imul(token, 0x9e3779b1) >>> 26) & 31);
}

/** Slot of a word hash in the word table. */
export function wordSlot(hash: number, shift: number): number {
  return Math.imul(hash, 0x9e3779b1) >>> shift;
}

/** First slot of a token in a state's transition block of `mask + 1` slots (bits of the same mix as the signature's). */
export function edgeBlockSlot(token: number, mask: number): number {
  return (Math.imul(token, 0x9e3779b1) >>> 8) & mask;
}

function powerOfTwoAtLeast(value: number): number {
  let power = 1;
  while (power < value) power *= 2;
  return power;
}

/** Used by tests: the normalised form the matcher gives a single word. */
export function normaliseWord(word: string): string {
  const scratch = new Int32Array(TOKEN_SLOTS);
  readToken(word, 0, scratch);
  return scratch[SLOT_KIND] === TOKEN_WORD ? normalisedWord(word, scratch) : '';
}
