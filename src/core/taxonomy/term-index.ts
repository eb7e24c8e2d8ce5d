import { normalizeTerm } from './normalize-term.js';

export interface IndexedTerm {
  text: string;
  language: 'zh' | 'en';
  /** Preferred labels rank above aliases. */
  kind: 'label' | 'alias';
}

export interface TermHit {
  id: string;
  score: number;
  /** The label or alias that matched, as written. */
  matched: string;
  how: 'exact' | 'prefix' | 'substring' | 'fuzzy';
}

const KIND_FACTOR = { label: 1, alias: 0.95 } as const;
const FUZZY_THRESHOLD = 0.45;

function bigrams(text: string): string[] {
  const chars = [...text];
  if (chars.length < 2) return chars;
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!);
  return [...out];
}

/**
 * An in-memory search over labels and aliases in both languages: exact, prefix and substring matches
 * (which is what Chinese needs: "测试" finds "自动化测试"), then typo-tolerant matches by character-bigram
 * Dice similarity through an inverted index (so "selenuim" finds "Selenium"). Built once per framework
 * version; a query touches only the terms sharing a bigram with it plus one substring pass.
 */
export class TermIndex {
  private readonly owners: number[] = [];
  private readonly ids: string[] = [];
  private readonly normalized: string[] = [];
  private readonly written: string[] = [];
  private readonly kinds: ('label' | 'alias')[] = [];
  private readonly gramCounts: number[] = [];
  private readonly postings = new Map<string, number[]>();

  constructor(entries: Iterable<{ id: string; terms: readonly IndexedTerm[] }>) {
    for (const entry of entries) {
      const owner = this.ids.length;
      this.ids.push(entry.id);
      const seen = new Set<string>();
      for (const term of entry.terms) {
        const normal = normalizeTerm(term.text);
        if (normal === '' || seen.has(normal)) continue;
        seen.add(normal);
        const index = this.normalized.length;
        this.owners.push(owner);
        this.normalized.push(normal);
        this.written.push(term.text);
        this.kinds.push(term.kind);
        const grams = bigrams(normal);
        this.gramCounts.push(grams.length);
        for (const gram of grams) {
          const list = this.postings.get(gram);
          if (list) list.push(index);
          else this.postings.set(gram, [index]);
        }
      }
    }
  }

  private counts: Int32Array | null = null;

  private scratch(): Int32Array {
    this.counts ??= new Int32Array(this.normalized.length);
    return this.counts;
  }

  get size(): number {
    return this.ids.length;
  }

  get termCount(): number {
    return this.normalized.length;
  }

  /** Best hit per id, best first; ties by id. `accept` filters ids before ranking. */
  search(query: string, options: { limit?: number; accept?: (id: string) => boolean } = {}): TermHit[] {
    const q = normalizeTerm(query);
    if (q === '') return [];
    const best = new Map<number, TermHit>();
    const offer = (index: number, score: number, how: TermHit['how']) => {
      const owner = this.owners[index]!;
      const id = this.ids[owner]!;
      if (options.accept && !options.accept(id)) return;
      const scored = score * KIND_FACTOR[this.kinds[index]!];
      const previous = best.get(owner);
      if (!previous || scored > previous.score)
        best.set(owner, { id, score: scored, matched: this.written[index]!, how });
    };

    for (let index = 0; index < this.normalized.length; index++) {
      const term = this.normalized[index]!;
      if (term === q) offer(index, 1, 'exact');
      else if (term.startsWith(q)) offer(index, 0.85 + 0.1 * (q.length / term.length), 'prefix');
      else if (term.includes(q)) offer(index, 0.6 + 0.2 * (q.length / term.length), 'substring');
    }

    const grams = bigrams(q);
    if (grams.length >= 2) {
      // Shared-bigram counts in a reused typed array (a Map here cost 5× more on ESCO's 100k terms).
      const shared = this.scratch();
      const touched: number[] = [];
      for (const gram of grams) {
        for (const index of this.postings.get(gram) ?? []) {
          if (shared[index] === 0) touched.push(index);
          shared[index]!++;
        }
      }
      for (const index of touched) {
        const dice = (2 * shared[index]!) / (grams.length + this.gramCounts[index]!);
        shared[index] = 0;
        if (dice >= FUZZY_THRESHOLD) offer(index, 0.55 * dice, 'fuzzy');
      }
    }

    const hits = [...best.values()].sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return options.limit === undefined ? hits : hits.slice(0, options.limit);
  }
}
