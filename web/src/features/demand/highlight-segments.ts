import type { LinkEvidence, LinkedCompetencyDto } from '../../api/contracts.js';

/** A run of text covered by the same set of competency mentions (none for plain text). */
export interface TextSegment {
  start: number;
  end: number;
  text: string;
  /** Keys of the competencies whose spans cover the run, in the order the competencies are listed. */
  keys: string[];
  /** `exact` when any covering mention is an exact match, `implicit` when all are implicit, null when none. */
  evidence: LinkEvidence | null;
}

/**
 * Cuts `text` at every span boundary of `competencies` (spans are `[start, end)` UTF-16 offsets, the same unit as
 * JavaScript strings), so overlapping mentions each keep their own highlight. Spans outside the text are clipped;
 * empty or reversed ones are ignored.
 */
export function highlightSegments(text: string, competencies: readonly LinkedCompetencyDto[]): TextSegment[] {
  const spans: { start: number; end: number; key: string; evidence: LinkEvidence; order: number }[] = [];
  competencies.forEach((competency, order) => {
    for (const [rawStart, rawEnd] of competency.spans) {
      const start = Math.max(0, Math.min(rawStart, text.length));
      const end = Math.max(0, Math.min(rawEnd, text.length));
      if (end > start) spans.push({ start, end, key: competency.key, evidence: competency.evidence, order });
    }
  });
  const cuts = new Set<number>([0, text.length]);
  for (const span of spans) {
    cuts.add(span.start);
    cuts.add(span.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: TextSegment[] = [];
  for (let index = 0; index + 1 < points.length; index++) {
    const start = points[index] ?? 0;
    const end = points[index + 1] ?? start;
    if (end <= start) continue;
    const covering = spans.filter((span) => span.start <= start && span.end >= end).sort((a, b) => a.order - b.order);
    const keys = [...new Set(covering.map((span) => span.key))];
    const evidence =
      covering.length === 0 ? null : covering.some((span) => span.evidence === 'exact') ? 'exact' : 'implicit';
    const previous = segments.at(-1);
    // Neighbouring runs with the same cover are one run (fewer elements, whole words selectable).
    if (previous && previous.end === start && sameKeys(previous.keys, keys) && previous.evidence === evidence) {
      previous.end = end;
      previous.text = text.slice(previous.start, end);
    } else {
      segments.push({ start, end, text: text.slice(start, end), keys, evidence });
    }
  }
  return segments;
}

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((key, index) => key === b[index]);
}

/** How many mentions (spans) a competency has in the text. */
export function mentionCount(competency: LinkedCompetencyDto): number {
  return competency.spans.filter(([start, end]) => end > start).length;
}
