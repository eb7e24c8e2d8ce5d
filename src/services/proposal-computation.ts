import { assembleGrouping, type Grouping } from '../core/groups/group-posts.js';
import { measureGrouping } from '../core/groups/measure-grouping.js';
import { placeSpecialties, type SpecialtyPlacement } from '../core/groups/place-specialties.js';
import { buildPostMatrix, type GroupingPost, type PostMatrix } from '../core/groups/post-matrix.js';
import { postSimilarity } from '../core/groups/post-similarity.js';
import type { Repositories } from '../storage/repositories/create-repositories.js';
import type { ProposalRecord, ProposalSpecialty } from '../storage/repositories/group-proposal.repository.js';

/**
 * A stored proposal recomputed: its post matrix and similarity (cached by proposal id: the grouping input of a
 * proposal never changes), the grouping of its current assignment with stable group ids, its quality, and where
 * the college's specialties sit. Group ids (`g1`, `g2`, …) are stable within a proposal: the grouping core
 * renumbers groups by size, so the stored assignment is mapped back to the ids it was given.
 */

export interface Correlation {
  matrix: PostMatrix;
  similarity: Float32Array;
}

/** The grouping input of a proposal never changes, so its matrix is remembered by proposal id alone. */
const correlations = new Map<string, Correlation>();
const MAX_CACHED = 32;

export function correlationOf(record: ProposalRecord): Correlation {
  let entry = correlations.get(record.id);
  if (!entry) {
    const matrix = buildPostMatrix(record.posts);
    entry = { matrix, similarity: postSimilarity(matrix) };
    correlations.set(record.id, entry);
    while (correlations.size > MAX_CACHED) correlations.delete(correlations.keys().next().value!);
  }
  return entry;
}

export const groupNumber = (id: string) => Number(id.slice(1));
export const byGroupNumber = (a: string, b: string) => groupNumber(a) - groupNumber(b);

export interface Computed extends Correlation {
  record: ProposalRecord;
  grouping: Grouping;
  /** Stable id of each group of `grouping.groups`. */
  groupIds: string[];
  /** Indexes of `grouping.groups` in stable-id order (g1, g2, …). */
  order: number[];
  indexOfPost: Map<string, number>;
}

export function labelsOf(posts: readonly GroupingPost[], assignment: Record<string, string>) {
  const ids = [...new Set(posts.map((post) => assignment[post.id]!))].sort(byGroupNumber);
  const labelOf = new Map(ids.map((id, index) => [id, index]));
  return { ids, labels: Int32Array.from(posts, (post) => labelOf.get(assignment[post.id]!)!) };
}

export function compute(record: ProposalRecord): Computed {
  const correlation = correlationOf(record);
  const { ids, labels } = labelsOf(record.posts, record.assignment);
  const grouping = assembleGrouping(
    record.posts,
    correlation.matrix,
    correlation.similarity,
    labels,
    ids.length,
    record.method,
    record.automatic,
    record.candidates,
  );
  const groupIds = grouping.groups.map((group) => record.assignment[group.posts[0]!]!);
  const order = groupIds.map((_, index) => index).sort((a, b) => byGroupNumber(groupIds[a]!, groupIds[b]!));
  return {
    ...correlation,
    record,
    grouping,
    groupIds,
    order,
    indexOfPost: new Map(record.posts.map((post, index) => [post.id, index])),
  };
}

export interface Measured {
  overall: number;
  groups: { id: string; silhouette: number }[];
}

/** The quality of any assignment of the proposal's posts, per stable group id. */
export function measure(
  record: ProposalRecord,
  similarity: Float32Array,
  assignment: Record<string, string>,
): Measured {
  const { ids, labels } = labelsOf(record.posts, assignment);
  const quality = measureGrouping(similarity, record.posts.length, labels, ids.length);
  return {
    overall: quality.silhouette,
    groups: ids.map((id, index) => ({ id, silhouette: quality.groups[index]!.silhouette })),
  };
}

// ---- specialties in the groups -----------------------------------------------------------------------------------

export async function specialtiesOf(repositories: Repositories, record: ProposalRecord): Promise<ProposalSpecialty[]> {
  if (record.specialties) return record.specialties;
  return (await repositories.collegeSpecialties.list(record.organisationId)).map((specialty) => ({
    code: specialty.code,
    nameZh: specialty.nameZh,
    nameEn: specialty.nameEn,
    posts: specialty.posts,
    enrolment: specialty.enrolment,
    employmentRate: specialty.employmentRate,
    employerRating: specialty.employerRating,
  }));
}

export interface Placement {
  /** Per stable group id: its specialties, leading first. */
  byGroup: Map<string, SpecialtyPlacement[]>;
  groupOf: Map<string, string>;
  unplaced: string[];
}

/**
 * Places the specialties (the core puts each into the group holding most of the posts it serves). A specialty
 * the director or committee moved sits in the group it was moved to: it is placed by the posts it serves there,
 * so its centrality and lead score are those of that group. A move that can no longer hold (the specialty serves
 * no post of that group any more, or the group is gone) falls back to the automatic placement.
 */
export function place(
  computed: Computed,
  specialties: readonly ProposalSpecialty[],
  overrides: Record<string, string> = computed.record.specialtyOverrides,
): Placement {
  const { grouping, groupIds, record, indexOfPost } = computed;
  const groupIndexOf = new Map(groupIds.map((id, index) => [id, index]));
  const toPlace = specialties.map((specialty) => {
    const base = {
      code: specialty.code,
      name: specialty.nameZh,
      posts: specialty.posts,
      strength: {
        enrolment: specialty.enrolment,
        employmentRate: specialty.employmentRate,
        employerRating: specialty.employerRating,
      },
    };
    const target = overrides[specialty.code];
    const targetIndex = target === undefined ? undefined : groupIndexOf.get(target);
    if (targetIndex === undefined) return base;
    const inTarget = specialty.posts.filter((post) => {
      const index = indexOfPost.get(post);
      return index !== undefined && grouping.labels[index] === targetIndex;
    });
    return inTarget.length > 0 ? { ...base, posts: inTarget } : base;
  });
  const plan = placeSpecialties(
    record.posts.map((post) => post.id),
    grouping.labels,
    grouping.groups.length,
    computed.similarity,
    toPlace,
  );
  const served = new Map(
    specialties.map((specialty) => [
      specialty.code,
      new Set(specialty.posts.filter((post) => indexOfPost.has(post))).size,
    ]),
  );
  const byGroup = new Map<string, SpecialtyPlacement[]>();
  const groupOf = new Map<string, string>();
  plan.groups.forEach((entries, index) => {
    const id = groupIds[index]!;
    byGroup.set(
      id,
      entries.map((entry) => ({ ...entry, postsServed: served.get(entry.code) ?? entry.postsServed })),
    );
    for (const entry of entries) groupOf.set(entry.code, id);
  });
  return { byGroup, groupOf, unplaced: plan.unplaced };
}
