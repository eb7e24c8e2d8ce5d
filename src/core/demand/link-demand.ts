import type { LinkedCompetency, Span } from '../linking/link-entry.js';
import { linkText, type Linker, type LinkTextOptions } from '../linking/link-text.js';
import { demandMaskOf } from './demand-text.js';

/** A ranked link with the linker's own decision on it. */
export interface DecidedLink extends LinkedCompetency {
  /** Calibrated probability that the text asks for this competency (see `linkConfidence`). */
  readonly confidence: number;
  /** The decision: confidence at or above the threshold, justified by duties or requirements. Only these are demand. */
  readonly linked: boolean;
}

/**
 * Platt scaling of the linker's score: logistic regression on the score, whether the link is an exact mention, and
 * the score relative to the text's best link. Fitted on the tuning part of the zh development set only
 * (`npx tsx eval/measure-zh-postings.ts --fit`; the held-out part never takes part), see docs/ARCHITECTURE.md.
 */
export const CONFIDENCE_WEIGHTS = { bias: -6.71, score: 10.61, exact: -2.2, relative: 0.53 } as const;
/** A link is decided when its calibrated confidence reaches this (tuned for F1 on the tuning part). */
export const LINK_THRESHOLD = 0.5;
/** A link counts only when at least this share of the characters that justify it lie in demand text. */
const DEMAND_SHARE = 0.5;

/** The calibrated confidence of one link among the links of its text (`best`: the highest score among them). */
export function linkConfidence(link: Pick<LinkedCompetency, 'score' | 'evidence'>, best: number): number {
  const weights = CONFIDENCE_WEIGHTS;
  const relative = best > 0 ? link.score / best : 0;
  const z =
    weights.bias +
    weights.score * link.score +
    weights.exact * (link.evidence === 'exact' ? 1 : 0) +
    weights.relative * relative;
  return 1 / (1 + Math.exp(-z));
}

/** Share of the characters of `spans` that the mask keeps (0 when the spans are empty). */
function keptShare(spans: readonly Span[], mask: Uint8Array): number {
  let total = 0;
  let kept = 0;
  for (const [start, end] of spans) {
    for (let index = start; index < end; index++) {
      total += 1;
      kept += mask[index] ?? 0;
    }
  }
  return total === 0 ? 0 : kept / total;
}

export interface LinkDemandOptions extends LinkTextOptions {
  /** Overrides `LINK_THRESHOLD` (evaluation sweeps it). */
  readonly threshold?: number;
}

/**
 * Links a posting (or any piece of one) and decides which links are demand: the ranking is `linkText`'s over the
 * whole text, unchanged; a link is `linked` when its calibrated confidence reaches the threshold and the text that
 * justifies it lies in duties or requirements (not benefits, pay, schedule, the company's blurb, contact details,
 * degree subjects, ages or "other tasks as assigned"). A text that asks for nothing links nothing.
 */
export function linkDemand(linker: Linker, text: string, options: LinkDemandOptions): DecidedLink[] {
  const ranked = linkText(linker, text, options);
  if (ranked.length === 0) return [];
  const mask = demandMaskOf(text);
  const threshold = options.threshold ?? LINK_THRESHOLD;
  const best = ranked[0]!.score;
  return ranked.map((link) => {
    const confidence = linkConfidence(link, best);
    const linked = confidence >= threshold && keptShare(link.spans, mask) >= DEMAND_SHARE;
    return { ...link, confidence, linked };
  });
}
