/** A term of a posting that may be a competency the frameworks lack. */
export interface CandidateTerm {
  /** Lower-cased key (Latin) or the word itself (Chinese). */
  readonly key: string;
  readonly text: string;
}

const LATIN_TERM = /^[A-Za-z][A-Za-z0-9+#.-]{1,29}$/;
const HAN_WORD = /^\p{Script=Han}{3,8}$/u;
/** English words of postings that are never a competency by themselves. */
const LATIN_STOP = new Set([
  'and',
  'or',
  'the',
  'with',
  'for',
  'etc',
  'ok',
  'hr',
  'pc',
  'it',
  'is',
  'are',
  'of',
  'to',
  'in',
  'on',
  'be',
  'as',
  'an',
  'we',
  'you',
  'our',
  'your',
  'will',
  'can',
  'able',
  'good',
  'work',
  'job',
  'team',
  'year',
  'years',
  'plus',
  'experience',
  'skills',
  'knowledge',
  'ability',
  'strong',
  'must',
  'have',
  'has',
  'at',
  'least',
  'about',
]);

/**
 * Candidate competency terms of one posting: words of its demand text (duties and requirements, `mask` = 1) that no
 * link of the frameworks covers (`covered` = 0 on every character) — Latin technical tokens (Kubernetes, Playwright,
 * ISO26262) and Chinese words of three to eight characters as the segmenter cut them (低代码平台, 数据治理). Counted once
 * per posting. A term only becomes a candidate for the catalogue when its share of postings rises significantly
 * (the revision tests it like a competency): a word every posting uses never does. `segments` concatenate to `text`.
 */
export function candidateTermsOf(
  text: string,
  segments: readonly string[],
  mask: Uint8Array,
  covered: Uint8Array,
): CandidateTerm[] {
  const found = new Map<string, CandidateTerm>();
  let offset = 0;
  for (const segment of segments) {
    const start = offset;
    offset += segment.length;
    const word = segment.trim();
    if (word.length === 0) continue;
    const latin = LATIN_TERM.test(word) && !/^\d/.test(word) && !LATIN_STOP.has(word.toLowerCase());
    if (!latin && !HAN_WORD.test(word)) continue;
    let inDemand = true;
    for (let index = start; index < offset && inDemand; index += 1) {
      if (mask[index] !== 1 || covered[index] === 1) inDemand = false;
    }
    if (!inDemand) continue;
    const key = latin ? word.toLowerCase().replace(/[.-]+$/, '') : word;
    if (!found.has(key)) found.set(key, { key, text: latin ? word.replace(/[.-]+$/, '') : word });
  }
  if (offset !== text.length) throw new RangeError('segments must concatenate to the text');
  return [...found.values()];
}
