/** A typed span over token positions: `start` inclusive, `end` exclusive. */
export interface TypedSpan {
  type: string;
  start: number;
  end: number;
}

/**
 * The spans of one BIO layer (`B`, `I`, `O`). An `I` without a preceding `B`/`I` opens a span, as conlleval does,
 * so that an unrepaired prediction is scored the same way as its repaired form.
 */
export function spansFromBio(tags: readonly string[], type: string): TypedSpan[] {
  const spans: TypedSpan[] = [];
  let start = -1;
  tags.forEach((tag, index) => {
    if (tag === 'B' || (tag === 'I' && start < 0)) {
      if (start >= 0) spans.push({ type, start, end: index });
      start = index;
    } else if (tag !== 'I') {
      if (start >= 0) spans.push({ type, start, end: index });
      start = -1;
    }
  });
  if (start >= 0) spans.push({ type, start, end: tags.length });
  return spans;
}

/** The BIO tags of one layer holding `spans` (of any type) over `length` tokens; spans must not overlap. */
export function bioFromSpans(spans: readonly TypedSpan[], length: number): string[] {
  const tags: string[] = new Array<string>(length).fill('O');
  for (const span of spans) {
    for (let index = span.start; index < span.end; index += 1) tags[index] = index === span.start ? 'B' : 'I';
  }
  return tags;
}
