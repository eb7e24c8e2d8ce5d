/**
 * The linker's view of a competency: everything the exact-mention automaton, the implicit ranker and the post
 * classifier need, independent of which framework (curated, ESCO, O*NET) it came from. Pure data.
 */

/** A half-open character range `[start, end)` in UTF-16 code units of the linked text (JavaScript string indices). */
export type Span = readonly [start: number, end: number];

export type TermLanguage = 'zh' | 'en';
export type TermKind = 'label' | 'alias';

/** One surface form that names the competency. */
export interface LinkTerm {
  readonly text: string;
  readonly lang: TermLanguage;
  readonly kind: TermKind;
}

export interface LinkEntry {
  /** Unique in one dictionary: `${frameworkKey}:${competencyId}`. */
  readonly key: string;
  /** The competency id inside its framework (what the CLI prints as `id`). */
  readonly id: string;
  /** The ESCO skill/knowledge concept URI, when the competency has one. */
  readonly esco: string | null;
  /** ESCO's English preferredLabel when an ESCO release is in the dictionary (the label benchmarks use). */
  readonly escoLabel: string | null;
  readonly labelZh: string | null;
  readonly labelEn: string | null;
  /** Labels and aliases in both languages (labels first). */
  readonly terms: readonly LinkTerm[];
  readonly descriptionZh: string | null;
  readonly descriptionEn: string | null;
  /** Labels of broader concepts / groups (context words for the implicit ranker), may be empty. */
  readonly broaderLabels: readonly string[];
  /** How many reference occupations (ESCO, O*NET) link to this competency: a popularity prior, 0 when unknown. */
  readonly occupationCount: number;
  /** True for grouping concepts (ESCO skill groups): never reported as a mention. */
  readonly isGroup: boolean;
}

/** One exact occurrence of a term in a text. */
export interface Mention {
  /** Index into the dictionary's entries. */
  readonly entry: number;
  readonly start: number;
  readonly end: number;
  /** Index into the entry's `terms`. */
  readonly term: number;
}

export type LinkEvidence = 'exact' | 'implicit';

/** A competency linked to a text, with the character spans that justify it. */
export interface LinkedCompetency {
  readonly entry: number;
  readonly score: number;
  readonly spans: readonly Span[];
  readonly evidence: LinkEvidence;
}
