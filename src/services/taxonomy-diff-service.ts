import { diffBundles, type CompetencyChange, type FrameworkDiff } from '../core/taxonomy/diff-bundles.js';
import type { ServiceContext } from './service-context.js';
import { requireVersion } from './taxonomy-service.js';

const cache = new Map<string, FrameworkDiff>();
const MAX_DIFFS = 4;

/** The full diff between two versions (loaded whole; remembered for the last few pairs while unchanged). */
export async function diffVersions(
  context: ServiceContext,
  fromId: string,
  toId: string,
): Promise<{
  diff: FrameworkDiff;
  from: { id: string; key: string; label: string };
  to: { id: string; key: string; label: string };
}> {
  const from = await requireVersion(context, fromId);
  const to = await requireVersion(context, toId);
  const key = `${from.id}|${from.checksum}|${to.id}|${to.checksum}`;
  let diff = cache.get(key);
  if (!diff) {
    const versions = context.store.repositories.frameworkVersions;
    diff = diffBundles(await versions.loadBundle(from.id), await versions.loadBundle(to.id));
    cache.set(key, diff);
    while (cache.size > MAX_DIFFS) cache.delete(cache.keys().next().value!);
  }
  return {
    diff,
    from: { id: from.id, key: from.key, label: from.label },
    to: { id: to.id, key: to.key, label: to.label },
  };
}

/** The diff as the API returns it: counts, one page of competency changes (optionally of one kind), post changes. */
export async function diffVersionsPage(
  context: ServiceContext,
  query: { from: string; to: string; change?: CompetencyChange | undefined; limit: number; offset: number },
) {
  const { diff, from, to } = await diffVersions(context, query.from, query.to);
  const items = query.change
    ? diff.competencies.filter((item) => item.changes.includes(query.change!))
    : diff.competencies;
  return {
    from,
    to,
    counts: diff.counts,
    competencies: {
      items: items.slice(query.offset, query.offset + query.limit),
      total: items.length,
      limit: query.limit,
      offset: query.offset,
    },
    posts: diff.posts,
  };
}
