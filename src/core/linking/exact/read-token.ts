/**
 * The one tokenizer of the exact-mention scanner: the matcher compiles its terms with it and the scanner reads
 * texts with it, so a term and its occurrence can never be normalised differently.
 *
 * Tokens:
 * - a **word**: a run of letters, digits and combining marks (any script but Han), lower-cased, plus the joiners
 *   that make technical names one word: `.` between two word characters (`node.js`, `asp.net`), `&` between two abbreviations of at most three
 *   characters (`r&d`, `at&t`), a
 *   leading `.` before a letter (`.net`), and a trailing run of `+`/`#` (`c++`, `c#`, `f#`). The last word of a
 *   plural is stemmed (see {@link readToken});
 * - a **Han character** (CJK unified ideographs and their extensions/compatibility block in the BMP): one token
 *   each, so Chinese terms are character sequences;
 * - a **break**: a run of hard punctuation (`, . ; : ! ? ( ) [ ] " …`, CJK punctuation, symbols, emoji). A term
 *   never spans a break that it does not itself contain.
 * Soft separators (white space, `- / \ _ ' ’ ‘ & · – —`, an unjoined `+` or `#`) separate words and are
 * otherwise ignored: "problem-solving" = "problem solving", "CI/CD" = "CI CD".
 */

export const TOKEN_END = 0;
export const TOKEN_WORD = 1;
export const TOKEN_HAN = 2;
export const TOKEN_BREAK = 3;

/** Character classes (one byte per UTF-16 code unit, see {@link CHAR_CLASS}). */
export const CLASS_SOFT = 0;
export const CLASS_WORD = 1;
export const CLASS_HAN = 2;
export const CLASS_HARD = 3;
const SOFT = CLASS_SOFT;
const WORD = CLASS_WORD;
const HAN = CLASS_HAN;
const HARD = CLASS_HARD;

export const DOT = 0x2e;
const LETTER_A = 0x61;
const LETTER_Z = 0x7a;
const PLUS = 0x2b;
const HASH = 0x23;
const AMPERSAND = 0x26;

/** Whether a word may continue through `code` (`.`, `+`, `#`, `&`; see `joinedEnd`). */
export function isJoiner(code: number): boolean {
  return code === DOT || code === PLUS || code === HASH || code === AMPERSAND;
}

/** Slots of the scratch array that {@link readToken} fills. */
export const SLOT_KIND = 0;
export const SLOT_START = 1;
export const SLOT_END = 2;
/** Word: the 32-bit hash of the normalised (lower-cased, stemmed) word (see {@link HASH_MULTIPLIER}). Han: the character code. */
export const SLOT_HASH = 3;
/** Word: how many characters of the text the normalised form keeps (from the start). */
export const SLOT_KEEP = 4;
/** Word: a character appended after the kept ones (`y` of `ies` → `y`), or 0. */
export const SLOT_APPEND = 5;
export const TOKEN_SLOTS = 6;

function buildClasses(): Uint8Array {
  const classes = new Uint8Array(0x10000).fill(HARD);
  const word = /[\p{L}\p{N}\p{M}]/u;
  const space = /\s/u;
  for (let code = 0; code < 0x10000; code++) {
    if (code >= 0xd800 && code <= 0xdfff) continue; // surrogates: emoji and rare CJK extensions are breaks
    const char = String.fromCharCode(code);
    if (isHan(code)) classes[code] = HAN;
    else if (word.test(char)) classes[code] = WORD;
    else if (space.test(char)) classes[code] = SOFT;
  }
  for (const char of "-/\\_'’‘&·–—‐‑+#") classes[char.charCodeAt(0)] = SOFT;
  return classes;
}

function isHan(code: number): boolean {
  return (code >= 0x3400 && code <= 0x4dbf) || (code >= 0x4e00 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff);
}

function buildLower(): Uint16Array {
  const lower = new Uint16Array(0x10000);
  for (let code = 0; code < 0x10000; code++) {
    const folded = String.fromCharCode(code).toLowerCase();
    lower[code] = folded.length === 1 ? folded.charCodeAt(0) : code;
  }
  return lower;
}

/** Character class per UTF-16 code unit. */
export const CHAR_CLASS: Uint8Array = buildClasses();
/** Simple lower-case mapping per UTF-16 code unit (identity where lower-casing changes the length). */
export const LOWER: Uint16Array = buildLower();

/**
 * Word hashes: the polynomial `h = h × 37 + c` (mod 2^32) over the normalised characters, where `c` is 1–26 for
 * `a`–`z`, 27–36 for `0`–`9` and the character code for any other character. The multiplier is odd, so the last
 * character can be taken off again ({@link HASH_INVERSE}: stemming needs no second pass), and a normalised word of
 * at most {@link EXACT_HASH_LENGTH} characters, all `[a-z0-9]`, is a base-37 number below 37^6 < 2^32 with
 * non-zero digits: its hash is unique among such words, so no character comparison is needed to confirm it.
 */
export const HASH_MULTIPLIER = 37;
/** The inverse of 37 modulo 2^32. */
export const HASH_INVERSE = 0x914c1bad;
export const EXACT_HASH_LENGTH = 6;
/** The largest value {@link HASH_CODE} gives `[a-z0-9]`: a word is short-and-plain iff all its codes are at most this. */
export const EXACT_HASH_CODE_LIMIT = 36;

function buildHashCodes(): Uint16Array {
  return LOWER.map((lower) => {
    if (lower >= LETTER_A && lower <= LETTER_Z) return lower - LETTER_A + 1;
    if (lower >= 0x30 && lower <= 0x39) return lower - 0x30 + 27;
    return lower;
  });
}

/** Per UTF-16 code unit, what a word hash adds for it (see {@link HASH_MULTIPLIER}; never 0 for a word character). */
export const HASH_CODE: Uint16Array = buildHashCodes();
/** The word loop's one lookup per character: the hash code of a word character, 0 for any other. */
export const WORD_FOLD: Uint16Array = HASH_CODE.map((code, index) => (CHAR_CLASS[index] === WORD ? code : 0));

/** Whether a normalised word's hash is unique among words (see {@link HASH_MULTIPLIER}). */
export function hasExactHash(word: string): boolean {
  return /^[a-z0-9]{1,6}$/.test(word);
}

const LETTER_E = 0x65;
export const LETTER_S = 0x73;
const LETTER_Y = 0x79;

function isAsciiLower(code: number): boolean {
  return code >= LETTER_A && code <= LETTER_Z;
}

function isAsciiUpper(code: number): boolean {
  return code >= 0x41 && code <= 0x5a;
}

/**
 * Reads the next token at or after `from` into `out` (see the `SLOT_*` indices) and returns the index after it;
 * `out[SLOT_KIND]` is {@link TOKEN_END} when only separators remain. Allocates nothing.
 *
 * Stemming (plural and third-person `-s` only, on words whose last four characters are ASCII letters):
 * `-ies` → `-y` (not `-eies`/`-aies`), `-sses`/`-xes`/`-ches`/`-shes` lose `-es`, other `-s` is dropped except
 * after `s`, `u` or `i` (class, status, analysis) and in words under four characters; an upper-case acronym with
 * a lower-case `s` loses it (APIs, KPIs). `-ing`/`-ed` are deliberately kept: accounting ≠ account,
 * marketing ≠ market, engineering ≠ engineer.
 */
export function readToken(text: string, from: number, out: Int32Array): number {
  const length = text.length;
  let index = from;
  while (index < length) {
    const code = text.charCodeAt(index);
    const charClass = CHAR_CLASS[code]!;
    if (charClass === WORD) return readWord(text, index, out);
    if (charClass === HAN) {
      out[SLOT_KIND] = TOKEN_HAN;
      out[SLOT_START] = index;
      out[SLOT_END] = index + 1;
      out[SLOT_HASH] = code;
      return index + 1;
    }
    if (charClass === HARD) return readBreak(text, index, out);
    index++;
  }
  out[SLOT_KIND] = TOKEN_END;
  return index;
}

/** A run of hard punctuation and separators (one break token), or a word with a leading dot (`.net`). */
function readBreak(text: string, from: number, out: Int32Array): number {
  if (startsDottedWord(text, from)) return readWord(text, from, out);
  let index = from + 1;
  while (index < text.length) {
    const charClass = CHAR_CLASS[text.charCodeAt(index)]!;
    if (charClass === WORD || charClass === HAN || startsDottedWord(text, index)) break;
    index++;
  }
  out[SLOT_KIND] = TOKEN_BREAK;
  out[SLOT_START] = from;
  out[SLOT_END] = index;
  return index;
}

function startsDottedWord(text: string, index: number): boolean {
  return text.charCodeAt(index) === DOT && index + 1 < text.length && isLetterCode(text.charCodeAt(index + 1));
}

/** A word starting at `start` (a word character, or the dot of `.net`). */
function readWord(text: string, start: number, out: Int32Array): number {
  const length = text.length;
  let index = start;
  let hash = 0;
  for (;;) {
    while (index < length) {
      const folded = WORD_FOLD[text.charCodeAt(index)]!;
      if (folded === 0) break;
      hash = (Math.imul(hash, HASH_MULTIPLIER) + folded) | 0;
      index++;
    }
    if (index >= length) break;
    if (!isJoiner(text.charCodeAt(index))) break;
    const joined = joinedEnd(text, start, index);
    if (joined === index) break;
    for (; index < joined; index++) hash = (Math.imul(hash, HASH_MULTIPLIER) + HASH_CODE[text.charCodeAt(index)]!) | 0;
  }
  out[SLOT_KIND] = TOKEN_WORD;
  out[SLOT_START] = start;
  out[SLOT_END] = index;
  out[SLOT_HASH] = hash;
  out[SLOT_KEEP] = index - start;
  out[SLOT_APPEND] = 0;
  if (index - start >= 3 && LOWER[text.charCodeAt(index - 1)] === LETTER_S) stemWord(text, start, index, out);
  return index;
}

/**
 * Where a word continues through the joiner at `index`: a dot between word characters (node.js; at the start
 * before a letter: .net), an `&` between abbreviations (r&d), a trailing run of `+`/`#` not followed by a word
 * character (c++, c#; but a+b is two words). Returns `index` when the joiner does not join.
 */
function joinedEnd(text: string, start: number, index: number): number {
  const code = text.charCodeAt(index);
  const next = index + 1 < text.length ? text.charCodeAt(index + 1) : 0;
  if (code === DOT) {
    return CHAR_CLASS[next] === WORD && (index > start || isLetterCode(next)) ? index + 1 : index;
  }
  if (code === AMPERSAND) {
    return index > start && index - start <= 3 && shortWordAt(text, index + 1) ? index + 1 : index;
  }
  if (index === start) return index;
  let runEnd = index;
  while (runEnd < text.length) {
    const runCode = text.charCodeAt(runEnd);
    if (runCode !== PLUS && runCode !== HASH) break;
    runEnd++;
  }
  return runEnd < text.length && CHAR_CLASS[text.charCodeAt(runEnd)] === WORD ? index : runEnd;
}

/**
 * Plural stemming of the word `[start, end)` (see {@link readToken}), whose hash is in `out[SLOT_HASH]`; the word
 * ends in s or S and has at least three characters. When it is stemmed, overwrites `out[SLOT_HASH]`,
 * `out[SLOT_KEEP]` and `out[SLOT_APPEND]`; otherwise leaves `out` alone. Allocates nothing.
 */
export function stemWord(text: string, start: number, end: number, out: Int32Array): void {
  const size = end - start;
  let keep = size;
  let append = 0;
  if (
    text.charCodeAt(end - 1) === LETTER_S &&
    isAsciiUpper(text.charCodeAt(end - 2)) &&
    isAsciiUpper(text.charCodeAt(end - 3))
  ) {
    keep = size - 1; // APIs, KPIs, PCs
  } else if (size >= 4) {
    const c2 = LOWER[text.charCodeAt(end - 2)]!;
    const c3 = LOWER[text.charCodeAt(end - 3)]!;
    const c4 = LOWER[text.charCodeAt(end - 4)]!;
    if (isAsciiLower(c2) && isAsciiLower(c3) && isAsciiLower(c4) && c2 !== LETTER_S && c2 !== 0x75 && c2 !== 0x69) {
      if (c2 === LETTER_E && c3 === 0x69 && size >= 5 && c4 !== LETTER_E && c4 !== LETTER_A) {
        keep = size - 3; // policies → policy
        append = LETTER_Y;
      } else if (
        c2 === LETTER_E &&
        ((c3 === LETTER_S && c4 === LETTER_S) || c3 === 0x78 || (c3 === 0x68 && (c4 === 0x63 || c4 === LETTER_S)))
      ) {
        keep = size - 2; // processes, taxes, approaches, pushes
      } else {
        keep = size - 1; // databases, projects, manages
      }
    }
  }
  if (keep === size) return;
  // Take the dropped characters off the word's hash, last first (x = (h - c) × 37⁻¹ undoes h = x × 37 + c).
  let hash = out[SLOT_HASH]!;
  for (let index = end - 1; index >= start + keep; index--) {
    hash = Math.imul(hash - HASH_CODE[text.charCodeAt(index)]!, HASH_INVERSE);
  }
  if (append !== 0) hash = (Math.imul(hash, HASH_MULTIPLIER) + HASH_CODE[append]!) | 0;
  out[SLOT_HASH] = hash;
  out[SLOT_KEEP] = keep;
  out[SLOT_APPEND] = append;
}

/** An `&` joins only abbreviations (R&D, P&L, AT&T, L&D), not `solving&nbsp;`. */
function shortWordAt(text: string, from: number): boolean {
  let index = from;
  while (index < text.length && index - from <= 3 && CHAR_CLASS[text.charCodeAt(index)] === WORD) index++;
  return index > from && index - from <= 3;
}

function isLetterCode(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
}

/** The normalised form of the word token in `out` (what the matcher stores; allocation is fine when compiling). */
export function normalisedWord(text: string, out: Int32Array): string {
  const start = out[SLOT_START]!;
  const keep = out[SLOT_KEEP]!;
  let word = '';
  for (let index = start; index < start + keep; index++) word += String.fromCharCode(LOWER[text.charCodeAt(index)]!);
  const append = out[SLOT_APPEND]!;
  return append === 0 ? word : word + String.fromCharCode(append);
}
