/**
 * A job posting as read from a file (CSV, JSONL, XLSX) before it is stored: the unit of labour-market demand.
 * Pure data.
 */
export interface PostingRecord {
  /** The id in the source file (unique per source file). */
  readonly sourceId: string;
  readonly title: string;
  /** Plain text (HTML already reduced to text by the reader). */
  readonly text: string;
  /** The employer's name as written in the posting. */
  readonly enterprise: string;
  /** 省 (province-level division), e.g. 江苏省; null when not given. */
  readonly province: string | null;
  /** 市 (city), e.g. 无锡市; null when not given. */
  readonly city: string | null;
  /** ISO date `YYYY-MM-DD`. */
  readonly postedOn: string;
  /** A curated post id when the source already classified the posting, else null. */
  readonly postId: string | null;
}

/** An enterprise's declared demand: how many people it wants for a post in a year (the second demand source). */
export interface DemandDeclarationRecord {
  readonly enterprise: string;
  readonly postId: string;
  readonly headcount: number;
  readonly year: number;
  readonly province: string | null;
  readonly city: string | null;
  readonly note: string | null;
}
