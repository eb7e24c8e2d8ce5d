/** The form under which words are counted and clustered: lowercased, every digit replaced by `0`. */
export function normalizeWord(token: string): string {
  return token.toLowerCase().replace(/\d/g, '0');
}

/** The shape of a token with runs collapsed: `JavaScript` → `XxXx`, `C++` → `X+`, `2021-07` → `d-d`. */
export function wordShape(token: string): string {
  let shape = '';
  for (const character of token) {
    const kind = /\p{Lu}/u.test(character)
      ? 'X'
      : /\p{Ll}/u.test(character)
        ? 'x'
        : /\d/.test(character)
          ? 'd'
          : /[\p{L}\p{M}]/u.test(character)
            ? 'l'
            : character;
    if (!shape.endsWith(kind)) shape += kind;
  }
  return shape.length > 6 ? `${shape.slice(0, 6)}…` : shape;
}

function clusterFeatures(prefix: string, cluster: string | undefined, out: string[]): void {
  if (cluster === undefined) {
    out.push(`${prefix}=?`);
    return;
  }
  for (const length of [4, 8, 12])
    if (cluster.length > length) out.push(`${prefix}${length}=${cluster.slice(0, length)}`);
  out.push(`${prefix}=${cluster}`);
}

/**
 * The sparse binary features of every token of a sentence, as strings: the word and its neighbours (±2), bigrams,
 * prefixes and suffixes (1–4), shape, capitalisation and punctuation flags, position, and word clusters of the word
 * and its neighbours (`wordClusters` maps {@link normalizeWord} forms to bit paths; an empty map disables them).
 */
export function extractTokenFeatures(tokens: readonly string[], wordClusters: ReadonlyMap<string, string>): string[][] {
  const words = tokens.map(normalizeWord);
  const shapes = tokens.map(wordShape);
  const word = (index: number): string =>
    index < 0 ? '<s>' : index >= words.length ? '</s>' : (words[index] as string);
  const shape = (index: number): string =>
    index < 0 ? '<s>' : index >= shapes.length ? '</s>' : (shapes[index] as string);
  const lengthBucket =
    tokens.length <= 3 ? 'short' : tokens.length <= 10 ? 'mid' : tokens.length <= 25 ? 'long' : 'vlong';
  return tokens.map((token, index) => {
    const current = word(index);
    const out: string[] = ['bias', `w=${current}`, `sh=${shape(index)}`, `len=${lengthBucket}`];
    for (let length = 1; length <= 4 && length <= current.length; length += 1) {
      out.push(`p${length}=${current.slice(0, length)}`, `s${length}=${current.slice(-length)}`);
    }
    out.push(
      `w-1=${word(index - 1)}`,
      `w+1=${word(index + 1)}`,
      `w-2=${word(index - 2)}`,
      `w+2=${word(index + 2)}`,
      `w-1w=${word(index - 1)}|${current}`,
      `ww+1=${current}|${word(index + 1)}`,
      `w-1w+1=${word(index - 1)}|${word(index + 1)}`,
      `s3-1=${word(index - 1).slice(-3)}`,
      `s3+1=${word(index + 1).slice(-3)}`,
      `w0=${word(0)}`,
      `sh-1=${shape(index - 1)}`,
      `sh+1=${shape(index + 1)}`,
      `sh-1sh=${shape(index - 1)}|${shape(index)}`,
      `shsh+1=${shape(index)}|${shape(index + 1)}`,
    );
    if (index === 0) out.push('first');
    if (index === tokens.length - 1) out.push('last');
    if (/^\p{Lu}/u.test(token)) out.push(index === 0 ? 'title@0' : 'title');
    if (/^\p{Lu}+$/u.test(token) && token.length > 1) out.push('upper');
    if (/\d/.test(token)) out.push('digit');
    if (/^\p{P}+$/u.test(token)) out.push('punct');
    if (token.includes('-')) out.push('hyphen');
    if (token.length > 1 && /[^\p{L}\p{N}]$/u.test(token)) out.push('trailing-punct');
    if (/^<[A-Z_]+>$/.test(token)) out.push('placeholder');
    if (wordClusters.size > 0) {
      clusterFeatures('c', wordClusters.get(current), out);
      clusterFeatures('c-1', wordClusters.get(word(index - 1)), out);
      clusterFeatures('c+1', wordClusters.get(word(index + 1)), out);
      out.push(
        `c8-2=${wordClusters.get(word(index - 2))?.slice(0, 8) ?? '?'}`,
        `c8+2=${wordClusters.get(word(index + 2))?.slice(0, 8) ?? '?'}`,
      );
    }
    return out;
  });
}
