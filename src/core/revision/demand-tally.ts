/**
 * Counts of one period's postings: how many in all and per post, and how many mention each competency (in all and
 * per post). A posting counts once per competency however often it mentions it. Memory grows with the number of
 * distinct (post, competency) pairs, not with the number of postings.
 */
export class DemandTally {
  total = 0;
  readonly postings = new Map<string, number>();
  /** competency → postings mentioning it (any post, unclassified included). */
  readonly mentions = new Map<string, number>();
  /** post → competency → postings of that post mentioning it. */
  readonly postMentions = new Map<string, Map<string, number>>();

  /** One posting: its post (null when unknown) and the competencies it asks for (duplicates count once). */
  add(post: string | null, competencies: Iterable<string>): void {
    this.total += 1;
    const unique = new Set(competencies);
    for (const competency of unique) this.mentions.set(competency, (this.mentions.get(competency) ?? 0) + 1);
    if (post === null) return;
    this.postings.set(post, (this.postings.get(post) ?? 0) + 1);
    let counts = this.postMentions.get(post);
    if (!counts) {
      counts = new Map();
      this.postMentions.set(post, counts);
    }
    for (const competency of unique) counts.set(competency, (counts.get(competency) ?? 0) + 1);
  }

  /** Postings of `post` (or of all, when null) mentioning `competency`. */
  count(post: string | null, competency: string): number {
    return post === null ? (this.mentions.get(competency) ?? 0) : (this.postMentions.get(post)?.get(competency) ?? 0);
  }

  /** Postings of `post` (or all postings, when null). */
  size(post: string | null): number {
    return post === null ? this.total : (this.postings.get(post) ?? 0);
  }
}
