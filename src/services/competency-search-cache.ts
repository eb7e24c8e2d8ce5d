import { TermIndex } from '../core/taxonomy/term-index.js';
import type { CompetencyTermRow } from '../storage/repositories/taxonomy-query.repository.js';
import type { ServiceContext } from './service-context.js';

interface Entry {
  stamp: string;
  rows: CompetencyTermRow[];
  byId: Map<string, CompetencyTermRow>;
  index: TermIndex;
}

const MAX_VERSIONS = 8;
const cache = new Map<string, Entry>();

/**
 * The search index of one framework version, built on first use and rebuilt when the version's `updated_at`
 * changes (every edit touches it), so several server processes on one PostgreSQL stay correct. At most
 * MAX_VERSIONS indexes are kept (least recently used goes first).
 */
export async function competencySearchIndex(
  context: ServiceContext,
  versionId: string,
  updatedAt: string,
): Promise<Entry> {
  const hit = cache.get(versionId);
  if (hit && hit.stamp === updatedAt) {
    cache.delete(versionId);
    cache.set(versionId, hit);
    return hit;
  }
  const rows = await context.store.repositories.taxonomy.competencyTerms(versionId);
  const index = new TermIndex(
    rows.map((row) => ({
      id: row.id,
      terms: [
        ...(row.labelZh ? [{ text: row.labelZh, language: 'zh' as const, kind: 'label' as const }] : []),
        ...(row.labelEn ? [{ text: row.labelEn, language: 'en' as const, kind: 'label' as const }] : []),
        ...row.aliasesZh.map((text) => ({ text, language: 'zh' as const, kind: 'alias' as const })),
        ...row.aliasesEn.map((text) => ({ text, language: 'en' as const, kind: 'alias' as const })),
      ],
    })),
  );
  const entry: Entry = { stamp: updatedAt, rows, byId: new Map(rows.map((row) => [row.id, row])), index };
  cache.delete(versionId);
  cache.set(versionId, entry);
  while (cache.size > MAX_VERSIONS) cache.delete(cache.keys().next().value!);
  return entry;
}
