import type {
  ProposalDetailDto,
  ProposalEventDto,
  ProposalSummaryDto,
  SpecialtyGroupDto,
} from '../contracts/groups.js';
import { writeGroupRationale, type BilingualName } from '../core/groups/write-group-rationale.js';
import type { PostCategory } from '../core/taxonomy/taxonomy-bundle.js';
import type { Actor } from '../core/access/actor.js';
import type { Repositories } from '../storage/repositories/create-repositories.js';
import { reviewOf, type CommitteeMatter } from './committee-service.js';
import { proposalFacts } from './proposal-operations.js';
import type {
  GroupName,
  ProposalRecord,
  ProposalSpecialty,
  ProposalSummaryRecord,
} from '../storage/repositories/group-proposal.repository.js';
import { compute, place, specialtiesOf, type Computed, type Placement } from './proposal-computation.js';

/** A proposal as the API shows it: groups with names, shared core, residue, specialties, rationale; heatmap; network. */

const EDGE_THRESHOLD = 0.1;
const EDGES_PER_POST = 4;
const RESIDUE_SHOWN = 8;
const SHARED_SHOWN = 30;

// ---- presenting -----------------------------------------------------------------------------------------------

interface PostMeta {
  titleZh: string;
  titleEn: string;
  category: PostCategory;
}

export interface Labels {
  posts: Map<string, PostMeta>;
  competencies: Map<string, { labelZh: string | null; labelEn: string | null }>;
}

export async function loadLabels(repositories: Repositories, versionId: string): Promise<Labels> {
  const posts = await repositories.taxonomy.posts(versionId);
  const terms = await repositories.taxonomy.competencyTerms(versionId);
  return {
    posts: new Map(posts.map((post) => [post.id, post])),
    competencies: new Map(terms.map((term) => [term.id, { labelZh: term.labelZh, labelEn: term.labelEn }])),
  };
}

export function competencyOf(labels: Labels, id: string) {
  const found = labels.competencies.get(id);
  return { id, labelZh: found?.labelZh ?? null, labelEn: found?.labelEn ?? null };
}

function bilingualCompetency(labels: Labels, id: string): BilingualName {
  const { labelZh, labelEn } = competencyOf(labels, id);
  return { zh: labelZh ?? labelEn ?? id, en: labelEn ?? labelZh ?? id };
}

function postName(labels: Labels, id: string): BilingualName {
  const meta = labels.posts.get(id);
  return { zh: meta?.titleZh ?? id, en: meta?.titleEn ?? id };
}

const round3 = (value: number) => Math.round(value * 1000) / 1000;

/** "<leading specialty>专业群", else the group's two most central posts. */
function defaultName(
  computed: Computed,
  groupIndex: number,
  leading: ProposalSpecialty | undefined,
  labels: Labels,
): GroupName {
  const members = computed.grouping.groups[groupIndex]!.members;
  const n = computed.record.posts.length;
  const central = members
    .map((member) => {
      let sum = 0;
      for (const other of members) if (other !== member) sum += computed.similarity[member * n + other]!;
      return { member, mean: members.length > 1 ? sum / (members.length - 1) : 1 };
    })
    .sort((a, b) => b.mean - a.mean || a.member - b.member)
    .slice(0, 2)
    .map(({ member }) => postName(labels, computed.record.posts[member]!.id));
  const byPosts =
    central.length === 2
      ? { zh: `${central[0]!.zh}与${central[1]!.zh}岗位群`, en: `${central[0]!.en} & ${central[1]!.en} post group` }
      : { zh: `${central[0]!.zh}岗位群`, en: `${central[0]!.en} post group` };
  if (!leading) return byPosts;
  return {
    zh: `${leading.nameZh}专业群`,
    en: leading.nameEn ? `${leading.nameEn} Specialty Group` : byPosts.en,
  };
}

function presentGroup(
  computed: Computed,
  groupIndex: number,
  placement: Placement,
  specialties: ReadonlyMap<string, ProposalSpecialty>,
  labels: Labels,
): SpecialtyGroupDto {
  const { grouping, matrix, record } = computed;
  const group = grouping.groups[groupIndex]!;
  const id = computed.groupIds[groupIndex]!;
  const quality = grouping.quality.groups[groupIndex]!;
  const placed = placement.byGroup.get(id) ?? [];
  const leading = placed[0] ? specialties.get(placed[0].code) : undefined;
  const name = record.groupNames[id] ?? defaultName(computed, groupIndex, leading, labels);
  const sharedIds = new Set(group.shared.map((item) => item.id));
  // With several groups, a competency every post of the proposal needs (general education: communication, say)
  // characterises no group: it is left out of each group's shared core and its rationale.
  const n = record.posts.length;
  const universal = new Set(
    grouping.groups.length > 1
      ? matrix.competencyIds.filter((_, column) => matrix.documentFrequency[column] === n)
      : [],
  );
  const core = group.shared.filter((item) => !universal.has(item.id));
  const posts = group.members.map((member) => {
    const postId = record.posts[member]!.id;
    const residue: { id: string; weight: number }[] = [];
    for (let at = matrix.rowStart[member]!; at < matrix.rowStart[member + 1]!; at++) {
      const competencyId = matrix.competencyIds[matrix.columns[at]!]!;
      if (!sharedIds.has(competencyId)) residue.push({ id: competencyId, weight: matrix.weights[at]! });
    }
    residue.sort((a, b) => b.weight - a.weight || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const meta = labels.posts.get(postId);
    return {
      id: postId,
      titleZh: meta?.titleZh ?? postId,
      titleEn: meta?.titleEn ?? postId,
      category: meta?.category ?? '',
      residue: residue
        .slice(0, RESIDUE_SHOWN)
        .map((item) => ({ ...competencyOf(labels, item.id), weight: round3(item.weight) })),
    };
  });
  const rationale = writeGroupRationale({
    name,
    posts: posts.map((post) => ({ zh: post.titleZh, en: post.titleEn })),
    shared: core.map((item) => ({ ...bilingualCompetency(labels, item.id), posts: item.posts })),
    residue: posts.map((post) => ({
      post: { zh: post.titleZh, en: post.titleEn },
      competencies: post.residue.map((item) => bilingualCompetency(labels, item.id)),
    })),
    cohesion: quality.cohesion,
    separation: quality.separation,
    silhouette: quality.silhouette,
    leading:
      placed[0] && leading
        ? {
            zh: leading.nameZh,
            en: leading.nameEn ?? leading.nameZh,
            centrality: placed[0].centrality,
            strength: placed[0].strength,
          }
        : null,
    supporting: placed.slice(1).map((entry) => {
      const specialty = specialties.get(entry.code)!;
      return { zh: specialty.nameZh, en: specialty.nameEn ?? specialty.nameZh };
    }),
  });
  return {
    id,
    name,
    posts,
    shared: core
      .slice(0, SHARED_SHOWN)
      .map((item) => ({ ...competencyOf(labels, item.id), posts: item.posts, strength: round3(item.strength) })),
    quality,
    specialties: placed.map((entry) => {
      const specialty = specialties.get(entry.code)!;
      return {
        code: entry.code,
        nameZh: specialty.nameZh,
        nameEn: specialty.nameEn,
        leading: entry.leading,
        strength: entry.strength,
        centrality: entry.centrality,
        leadScore: entry.leadScore,
        postsInGroup: entry.postsInGroup,
        postsServed: entry.postsServed,
        servedPosts: specialty.posts,
      };
    }),
    rationale,
  };
}

/** The strongest links for the network view: similarity ≥ 0.1, strongest first, at most 4 per post. */
function strongestEdges(computed: Computed): { a: string; b: string; similarity: number }[] {
  const n = computed.record.posts.length;
  const pairs: { a: number; b: number; similarity: number }[] = [];
  for (let a = 0; a < n; a++) {
    for (let b = a + 1; b < n; b++) {
      const similarity = computed.similarity[a * n + b]!;
      if (similarity >= EDGE_THRESHOLD) pairs.push({ a, b, similarity });
    }
  }
  pairs.sort((x, y) => y.similarity - x.similarity || x.a - y.a || x.b - y.b);
  const degree = new Int32Array(n);
  const edges: { a: string; b: string; similarity: number }[] = [];
  for (const pair of pairs) {
    if (degree[pair.a]! >= EDGES_PER_POST || degree[pair.b]! >= EDGES_PER_POST) continue;
    degree[pair.a]!++;
    degree[pair.b]!++;
    edges.push({
      a: computed.record.posts[pair.a]!.id,
      b: computed.record.posts[pair.b]!.id,
      similarity: round3(pair.similarity),
    });
  }
  return edges;
}

export function summaryDto(record: ProposalSummaryRecord): ProposalSummaryDto {
  return {
    id: record.id,
    organisationId: record.organisationId,
    organisationName: record.organisationName,
    organisationNameEn: record.organisationNameEn,
    titleZh: record.titleZh,
    titleEn: record.titleEn,
    status: record.status,
    method: record.method,
    k: record.groupCount,
    automatic: record.automatic,
    posts: record.postCount,
    framework: record.framework,
    frameworkTitleZh: record.frameworkTitleZh,
    frameworkTitleEn: record.frameworkTitleEn,
    frameworkLabel: record.frameworkLabel,
    proposedQuality: record.proposedQuality,
    quality: record.quality,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  };
}

export async function presentDetail(
  repositories: Repositories,
  record: ProposalRecord,
  viewer: Actor | null = null,
): Promise<ProposalDetailDto> {
  const computed = compute(record);
  const specialties = await specialtiesOf(repositories, record);
  const placement = place(computed, specialties);
  const labels = await loadLabels(repositories, record.versionId);
  const byCode = new Map(specialties.map((specialty) => [specialty.code, specialty]));
  const groups = computed.order.map((index) => presentGroup(computed, index, placement, byCode, labels));
  const heatmapOrder = computed.order.flatMap((index) => computed.grouping.groups[index]!.members);
  const n = record.posts.length;
  const events = await repositories.groupProposals.events(record.id);
  return {
    ...summaryDto(record),
    k: groups.length,
    quality: computed.grouping.quality.silhouette,
    groups,
    overall: { silhouette: computed.grouping.quality.silhouette, cohesion: computed.grouping.quality.cohesion },
    candidates: record.candidates,
    demandPostings: record.demandPostings,
    heatmap: {
      posts: heatmapOrder.map((index) => record.posts[index]!.id),
      values: heatmapOrder.map((row) => heatmapOrder.map((column) => round3(computed.similarity[row * n + column]!))),
    },
    edges: strongestEdges(computed),
    unplacedSpecialties: placement.unplaced,
    events: events.map((event): ProposalEventDto => ({
      id: event.id,
      kind: event.kind,
      actorName: event.actorName,
      actorOrganisation: event.actorOrganisation,
      reason: event.reason,
      item: event.item,
      fromGroup: event.fromGroup,
      toGroup: event.toGroup,
      qualityBefore: event.qualityBefore,
      qualityAfter: event.qualityAfter,
      at: event.createdAt,
    })),
    review: await proposalReview(repositories, record, viewer),
  };
}

/** The proposal as a matter before its committee (null while a draft). */
export async function proposalMatter(
  repositories: Repositories,
  record: ProposalRecord,
): Promise<CommitteeMatter | null> {
  if (!record.committeeId || record.status === 'draft') return null;
  const facts = await proposalFacts(repositories, record);
  return {
    kind: 'proposal',
    id: record.id,
    round: 1,
    committeeId: record.committeeId,
    organisationId: record.organisationId,
    authors: facts.authors,
    open: record.status === 'submitted',
  };
}

async function proposalReview(repositories: Repositories, record: ProposalRecord, viewer: Actor | null) {
  const matter = await proposalMatter(repositories, record);
  if (!matter) return null;
  return reviewOf(repositories, matter, viewer ?? NOBODY);
}

const NOBODY: Actor = { personId: '', email: '', activeOrganisationId: null, memberships: [] };

/**
 * The name a group of a proposal goes by on the groups pages (its given name, else the default one); null when
 * the proposal no longer has that group.
 */
export async function groupNameOf(
  repositories: Repositories,
  record: ProposalRecord,
  groupId: string,
): Promise<GroupName | null> {
  const given = record.groupNames[groupId];
  if (given) return given;
  const computed = compute(record);
  const groupIndex = computed.groupIds.indexOf(groupId);
  if (groupIndex < 0) return null;
  const specialties = await specialtiesOf(repositories, record);
  const leadingCode = place(computed, specialties).byGroup.get(groupId)?.[0]?.code;
  const leading = specialties.find((specialty) => specialty.code === leadingCode);
  return defaultName(computed, groupIndex, leading, await loadLabels(repositories, record.versionId));
}
