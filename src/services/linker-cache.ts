import { buildPostClassifier, type PostClassifier } from '../core/demand/post-classifier.js';
import { linkEntriesFromBundles } from '../core/linking/link-entries-from-bundles.js';
import type { LinkEntry } from '../core/linking/link-entry.js';
import { buildLinker, type Linker } from '../core/linking/link-text.js';
import type { Post, PostRequirement, TaxonomyBundle } from '../core/taxonomy/taxonomy-bundle.js';
import { createZhSegmenter } from '../interchange/zh/jieba-segmenter.js';
import type { FrameworkVersionRecord } from '../storage/repositories/framework-version.repository.js';
import type { ServiceContext } from './service-context.js';

/** The key of the curated framework whose posts postings are classified into. */
export const CURATED_FRAMEWORK_KEY = 'zerodock';
const COMPETENCY_SOURCES = new Set(['curated', 'esco', 'onet', 'case', 'xlsx']);

/** Everything linking needs, built once per set of framework versions and kept in process. */
export interface LoadedLinker {
  readonly linker: Linker;
  readonly entries: readonly LinkEntry[];
  readonly byKey: ReadonlyMap<string, number>;
  /** The framework versions it was built from, e.g. `zerodock@2026.1`, `esco@v1.1.1`. */
  readonly frameworks: readonly string[];
  /** The same versions as people know them: title in each language and version label. */
  readonly frameworkNames: readonly { zh: string; en: string }[];
  /** Stamp of the versions used; stored with each import so a later re-link can tell what changed. */
  readonly stamp: string;
  readonly classifier: PostClassifier;
  readonly posts: ReadonlyMap<string, Post>;
  readonly requirements: readonly PostRequirement[];
}

let cached: { stamp: string; value: Promise<LoadedLinker> } | null = null;

/**
 * The linker over the competency frameworks in the store: per framework key the newest released version (or the
 * newest, when none is released); the curated framework first so its ids win when a competency maps to ESCO.
 * Rebuilt when any of those versions changes.
 */
export async function loadLinker(context: ServiceContext): Promise<LoadedLinker> {
  const versions = chooseVersions(await context.store.repositories.frameworkVersions.list());
  const stamp = versions.map((version) => `${version.id}@${version.updatedAt}`).join('|');
  if (cached?.stamp !== stamp) {
    const value = build(context, versions, stamp);
    cached = { stamp, value };
    value.catch(() => {
      if (cached?.value === value) cached = null;
    });
  }
  return cached.value;
}

export function chooseVersions(all: readonly FrameworkVersionRecord[]): FrameworkVersionRecord[] {
  const byKey = new Map<string, FrameworkVersionRecord>();
  for (const version of all) {
    if (!COMPETENCY_SOURCES.has(version.source)) continue;
    const current = byKey.get(version.key);
    const better =
      !current ||
      (version.released && !current.released) ||
      (version.released === current.released && version.createdAt > current.createdAt);
    if (better) byKey.set(version.key, version);
  }
  return [...byKey.values()].sort(
    (a, b) =>
      Number(b.key === CURATED_FRAMEWORK_KEY) - Number(a.key === CURATED_FRAMEWORK_KEY) || a.key.localeCompare(b.key),
  );
}

async function build(
  context: ServiceContext,
  versions: readonly FrameworkVersionRecord[],
  stamp: string,
): Promise<LoadedLinker> {
  const bundles: TaxonomyBundle[] = [];
  for (const version of versions)
    bundles.push(await context.store.repositories.frameworkVersions.loadBundle(version.id));
  const entries = linkEntriesFromBundles(bundles);
  const zhWords = entries.flatMap((entry) => entry.terms.filter((term) => term.lang === 'zh').map((term) => term.text));
  const linker = buildLinker(entries, { segmentZh: createZhSegmenter(zhWords) });
  const curated = bundles.find((bundle) => bundle.framework.key === CURATED_FRAMEWORK_KEY);
  const posts = curated?.posts ?? [];
  const requirements = curated?.requirements ?? [];
  return {
    linker,
    entries,
    byKey: new Map(entries.map((entry, index) => [entry.key, index])),
    frameworks: versions.map((version) => `${version.key}@${version.label}`),
    frameworkNames: versions.map((version) => ({
      zh: `${version.titleZh || version.titleEn} ${version.label}`,
      en: `${version.titleEn || version.titleZh} ${version.label}`,
    })),
    stamp,
    classifier: buildPostClassifier(posts, requirements, (id) => `${CURATED_FRAMEWORK_KEY}:${id}`),
    posts: new Map(posts.map((post) => [post.id, post])),
    requirements,
  };
}
