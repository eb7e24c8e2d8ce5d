import { useMemo } from 'react';
import type { PostSummary } from '../../../api/contracts.js';
import { useApiQuery } from '../../../api/use-api-query.js';
import { listFrameworkVersions, listPosts } from '../../taxonomy/api/taxonomy-api.js';
import { defaultVersion } from '../../taxonomy/taxonomy-versions.js';

let cached: Promise<PostSummary[]> | null = null;

/**
 * The posts of the version the taxonomy pages show by default (the newest released Zerodock framework): what
 * postings are classified to and declarations name. Loaded once per page load and shared by every picker.
 */
export function loadDemandPosts(): Promise<PostSummary[]> {
  cached ??= (async () => {
    const versions = await listFrameworkVersions();
    const version = defaultVersion(versions.items);
    if (!version) return [];
    return (await listPosts(version.id, {})).items;
  })();
  cached.catch(() => {
    // Let a later page try again.
    cached = null;
  });
  return cached;
}

export interface DemandPosts {
  posts: readonly PostSummary[];
  byId: ReadonlyMap<string, PostSummary>;
  loading: boolean;
  error: unknown;
  reload: () => void;
}

export function useDemandPosts(): DemandPosts {
  const query = useApiQuery(() => loadDemandPosts(), 'demand-posts');
  const posts = query.data;
  const byId = useMemo(() => new Map((posts ?? []).map((post) => [post.id, post])), [posts]);
  return { posts: posts ?? [], byId, loading: query.loading, error: query.error, reload: query.reload };
}
