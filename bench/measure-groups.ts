/**
 * Specialty-group bench (issue 5): all ESCO occupations (3,007 × 13,896 skills in v1.1.1) as posts — sparse
 * similarity and grouping (average linkage and the default consensus, k chosen by silhouette and fixed k = 40), with
 * time and heap — beside the
 * dense baseline (n × m dense rows, every dot product in full), measured on the first rows and extrapolated.
 */
import { buildDendrogram, cutDendrogram } from '../src/core/groups/hierarchical-clustering.js';
import { groupPosts } from '../src/core/groups/group-posts.js';
import { buildPostMatrix } from '../src/core/groups/post-matrix.js';
import { denseSimilarityRows, postSimilarity } from '../src/core/groups/post-similarity.js';
import { sharedDataPath } from '../src/interchange/shared-data.js';
import { readEscoOccupationPosts } from '../eval/measure-groups.js';

export interface GroupsBenchFigures {
  posts: number;
  competencies: number;
  similarityMs: number;
  linkageMs: number;
  automaticMs: number;
  automaticK: number;
  fixedKMs: number;
  consensusAutomaticMs: number;
  consensusFixedKMs: number;
  denseRowsMeasured: number;
  denseSimilarityMsExtrapolated: number;
  peakHeapMb: number;
}

export async function measureGroupsBench(): Promise<GroupsBenchFigures | null> {
  const dir = sharedDataPath('esco-v1.1.1-en');
  if (!dir) return null;
  const posts = await readEscoOccupationPosts(dir);
  let peak = 0;
  const sample = () => (peak = Math.max(peak, process.memoryUsage().heapUsed));
  let start = performance.now();
  const matrix = buildPostMatrix(posts);
  const similarity = postSimilarity(matrix);
  const similarityMs = performance.now() - start;
  sample();
  start = performance.now();
  cutDendrogram(buildDendrogram(similarity, posts.length, 'average'), posts.length, 40);
  const linkageMs = performance.now() - start;
  sample();
  start = performance.now();
  const automatic = groupPosts(posts, { method: 'average' });
  const automaticMs = performance.now() - start;
  sample();
  start = performance.now();
  groupPosts(posts, { k: 40, method: 'average' });
  const fixedKMs = performance.now() - start;
  sample();
  start = performance.now();
  groupPosts(posts);
  const consensusAutomaticMs = performance.now() - start;
  sample();
  start = performance.now();
  groupPosts(posts, { k: 40 });
  const consensusFixedKMs = performance.now() - start;
  sample();
  const rows = 100;
  start = performance.now();
  denseSimilarityRows(matrix, rows);
  const denseMs = performance.now() - start;
  sample();
  return {
    posts: posts.length,
    competencies: matrix.competencyIds.length,
    similarityMs,
    linkageMs,
    automaticMs,
    automaticK: automatic.k,
    fixedKMs,
    consensusAutomaticMs,
    consensusFixedKMs,
    denseRowsMeasured: rows,
    denseSimilarityMsExtrapolated: (denseMs * posts.length) / rows,
    peakHeapMb: peak / 2 ** 20,
  };
}

export function formatGroupsBench(figures: GroupsBenchFigures | null): string {
  if (!figures) return 'skipped: ../shared/data/esco-v1.1.1-en is absent';
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  return [
    `${figures.posts} posts × ${figures.competencies} competencies`,
    `sparse similarity ${s(figures.similarityMs)}; average linkage + cut ${s(figures.linkageMs)}`,
    `average: k by silhouette (k = ${figures.automaticK}) ${s(figures.automaticMs)}; with --k 40 ${s(figures.fixedKMs)}`,
    `consensus (default): k by silhouette ${s(figures.consensusAutomaticMs)}; with --k 40 ${s(figures.consensusFixedKMs)}`,
    `dense baseline similarity ${s(figures.denseSimilarityMsExtrapolated)} (extrapolated from ${figures.denseRowsMeasured} rows)`,
    `peak heap ${figures.peakHeapMb.toFixed(0)} MB`,
  ].join('\n');
}
