import type { CreateProposalRequest, MoveRequest } from '../contracts/groups.js';
import type { Actor } from '../core/access/actor.js';
import { committeesVisibleTo } from '../core/committee/committees-visible-to.js';
import { DomainError } from '../core/errors/domain-error.js';
import { assertProposalEditable, type ProposalFacts } from '../core/groups/proposal-lifecycle.js';
import { groupPosts } from '../core/groups/group-posts.js';
import type { Repositories } from '../storage/repositories/create-repositories.js';
import type {
  GroupName,
  ProposalChanges,
  ProposalEventKind,
  ProposalRecord,
  ProposalSpecialty,
} from '../storage/repositories/group-proposal.repository.js';
import { requireCollege } from './college-specialty-service.js';
import { chooseCommittee } from './committee-service.js';
import { loadGroupingInput } from './grouping-input.js';
import {
  byGroupNumber,
  compute,
  correlationOf,
  groupNumber,
  measure,
  place,
  specialtiesOf,
  type Computed,
  type Measured,
} from './proposal-computation.js';

/**
 * The steps of a proposal's life inside one transaction (shared by the service and the demo seed): loading it
 * within a scope, checking it may change, who acts, creating, moving, renaming, submitting; every step appended
 * to the proposal's trail.
 */

/**
 * Whose view of a proposal: its college's, or a steering committee's — a member reads what was put before the
 * committees they sit on (`visible`; absent: every committee, for callers that checked already).
 */
export type ProposalScope =
  { side: 'college'; organisationId: string } | { side: 'committee'; visible?: 'all' | ReadonlySet<string> };

/** The committee side as `actor` sees it (core/committee/committees-visible-to.ts). */
export function committeeScopeOf(actor: Actor): ProposalScope {
  return { side: 'committee', visible: committeesVisibleTo(actor) };
}

function visibleToCommitteeScope(record: ProposalRecord, visible: 'all' | ReadonlySet<string> | undefined): boolean {
  if (record.status === 'draft') return false;
  if (visible === undefined || visible === 'all') return true;
  return record.committeeId !== null && visible.has(record.committeeId);
}

const METHOD_NAMES = {
  consensus: { zh: '多视图共识聚类', en: 'multi-view consensus clustering' },
  average: { zh: '平均连接法', en: 'average linkage' },
  'shared-neighbour': { zh: '共享近邻法', en: 'shared-neighbour linkage' },
  'k-means': { zh: '球面 k 均值', en: 'spherical k-means' },
} as const;

// ---- loading, scoping, the actor --------------------------------------------------------------------------------

export async function loadProposal(
  repositories: Repositories,
  scope: ProposalScope,
  proposalId: string,
): Promise<ProposalRecord> {
  const record = await repositories.groupProposals.find(proposalId);
  const visible =
    record !== null &&
    (scope.side === 'college'
      ? record.organisationId === scope.organisationId
      : visibleToCommitteeScope(record, scope.visible));
  if (!visible) throw new DomainError('PROPOSAL_NOT_FOUND', 'No such specialty-group proposal here.', { proposalId });
  return record;
}

export function requireEditable(record: ProposalRecord, scope: ProposalScope): void {
  assertProposalEditable(record, scope.side);
}

/**
 * The proposal as its lifecycle sees it (core/groups/proposal-lifecycle.ts): with its authors — the creator and
 * everyone who changed or submitted it while it was a draft (the trail says who).
 */
export async function proposalFacts(repositories: Repositories, record: ProposalRecord): Promise<ProposalFacts> {
  const authors = new Set<string>();
  if (record.createdBy) authors.add(record.createdBy);
  for (const event of await repositories.groupProposals.events(record.id)) {
    if (event.actorPersonId) authors.add(event.actorPersonId);
    if (event.kind === 'submitted') break;
  }
  return { id: record.id, status: record.status, organisationId: record.organisationId, authors: [...authors] };
}

export interface ActorSnapshot {
  personId: string;
  name: string;
  /** The organisation the person acts for: the proposal's college when a member, else their committee seat. */
  organisation: string | null;
}

export async function snapshotActor(
  repositories: Repositories,
  actor: Actor,
  organisationId: string,
): Promise<ActorSnapshot> {
  const person = await repositories.people.findById(actor.personId);
  const memberships = await repositories.memberships.listForPerson(actor.personId);
  const seat =
    memberships.find((membership) => membership.organisationId === organisationId) ??
    memberships.find((membership) => membership.organisationKind === 'committee') ??
    memberships.find((membership) => membership.roles.includes('platform_admin')) ??
    memberships[0];
  return {
    personId: actor.personId,
    name: person?.displayName ?? actor.email,
    organisation: seat?.organisationNameZh ?? null,
  };
}

interface EventFields {
  kind: ProposalEventKind;
  reason: string;
  item?: string | null;
  fromGroup?: string | null;
  toGroup?: string | null;
  qualityBefore?: number | null;
  qualityAfter?: number | null;
}

export async function appendEvent(
  repositories: Repositories,
  proposalId: string,
  actor: ActorSnapshot,
  now: Date,
  fields: EventFields,
): Promise<void> {
  await repositories.groupProposals.addEvent({
    proposalId,
    kind: fields.kind,
    actorPersonId: actor.personId,
    actorName: actor.name,
    actorOrganisation: actor.organisation,
    reason: fields.reason,
    item: fields.item ?? null,
    fromGroup: fields.fromGroup ?? null,
    toGroup: fields.toGroup ?? null,
    qualityBefore: fields.qualityBefore ?? null,
    qualityAfter: fields.qualityAfter ?? null,
    now,
  });
}

// ---- operations inside a transaction (shared by the routes and the demo seed) ------------------------------------

/** Groups the posts and stores the proposal with its 'proposed' event; returns its id. */
export async function createProposalIn(
  repositories: Repositories,
  actor: ActorSnapshot,
  now: Date,
  organisationId: string,
  request: CreateProposalRequest,
): Promise<string> {
  await requireCollege(repositories, organisationId);
  const input = await loadGroupingInput(repositories, organisationId, request.scope);
  const grouping = groupPosts(input.posts, { k: request.k, method: request.method });
  const assignment: Record<string, string> = {};
  for (const group of grouping.groups) for (const post of group.posts) assignment[post] = group.id;
  const id = await repositories.groupProposals.create({
    organisationId,
    titleZh: request.titleZh,
    titleEn: request.titleEn,
    versionId: input.versionId,
    method: grouping.method,
    scope: request.scope,
    k: grouping.k,
    automatic: grouping.automatic,
    posts: input.posts,
    demandPostings: input.demandPostings,
    assignment,
    lastGroup: grouping.groups.length,
    candidates: grouping.candidates,
    quality: grouping.quality.silhouette,
    createdBy: actor.personId,
    now,
  });
  const method = METHOD_NAMES[grouping.method];
  const how = grouping.automatic
    ? { zh: `按轮廓系数选定 ${grouping.k} 组`, en: `${grouping.k} groups chosen by silhouette` }
    : { zh: `指定 ${grouping.k} 组`, en: `${grouping.k} groups as asked` };
  const demand =
    input.demandPostings > 0
      ? { zh: `，融合 ${input.demandPostings} 条招聘需求`, en: `, blending in ${input.demandPostings} postings` }
      : { zh: '', en: '' };
  await appendEvent(repositories, id, actor, now, {
    kind: 'proposed',
    reason: `依据 ${input.posts.length} 个岗位的知识关联自动分组（${method.zh}，${how.zh}${demand.zh}） · Grouped ${input.posts.length} posts by their knowledge correlation (${method.en}, ${how.en}${demand.en})`,
    qualityAfter: grouping.quality.silhouette,
  });
  return id;
}

interface PlannedMove {
  kind: 'moved_post' | 'moved_specialty';
  fromGroup: string | null;
  toGroup: string;
  changes: ProposalChanges;
  before: Measured;
  after: Measured;
}

export function planMove(
  computed: Computed,
  specialties: readonly ProposalSpecialty[],
  move: MoveRequest,
): PlannedMove {
  const { record } = computed;
  const current = computed.groupIds;
  const before = measure(record, computed.similarity, record.assignment);
  const requireGroup = (id: string) => {
    if (!current.includes(id)) {
      throw new DomainError(
        'GROUP_NOT_FOUND',
        `The proposal has no group ${id} (groups: ${[...current].sort(byGroupNumber).join(', ')}).`,
        {
          field: 'toGroup',
        },
      );
    }
  };
  if (move.kind === 'post') {
    const from = record.assignment[move.item];
    if (from === undefined) {
      throw new DomainError('UNKNOWN_REFERENCE', `The proposal groups no post "${move.item}".`, { field: 'item' });
    }
    const size = Object.values(record.assignment).filter((id) => id === from).length;
    let to = move.toGroup;
    if (to === 'new') {
      if (size === 1) {
        throw new DomainError('VALIDATION_FAILED', `"${move.item}" is already alone in ${from}.`, { field: 'toGroup' });
      }
      to = `g${record.lastGroup + 1}`;
    } else {
      requireGroup(to);
      if (to === from) {
        throw new DomainError('VALIDATION_FAILED', `"${move.item}" is already in ${from}.`, { field: 'toGroup' });
      }
    }
    const assignment = { ...record.assignment, [move.item]: to };
    const changes: ProposalChanges = { assignment, lastGroup: Math.max(record.lastGroup, groupNumber(to)) };
    if (size === 1) {
      // The group is gone with its last post: so are its name and the specialties moved into it.
      const { [from]: _removed, ...names } = record.groupNames;
      changes.groupNames = names;
      changes.specialtyOverrides = Object.fromEntries(
        Object.entries(record.specialtyOverrides).filter(([, group]) => group !== from),
      );
    }
    const after = measure(record, computed.similarity, assignment);
    changes.quality = after.overall;
    return { kind: 'moved_post', fromGroup: from, toGroup: to, changes, before, after };
  }
  const specialty = specialties.find((candidate) => candidate.code === move.item);
  if (!specialty) {
    throw new DomainError('UNKNOWN_REFERENCE', `The college has no specialty ${move.item}.`, { field: 'item' });
  }
  if (move.toGroup === 'new') {
    throw new DomainError('VALIDATION_FAILED', 'A specialty moves into an existing group (a group is made of posts).', {
      field: 'toGroup',
    });
  }
  requireGroup(move.toGroup);
  const from = place(computed, specialties).groupOf.get(specialty.code) ?? null;
  if (from === move.toGroup) {
    throw new DomainError('VALIDATION_FAILED', `${specialty.code} is already in ${from}.`, { field: 'toGroup' });
  }
  const servesThere = specialty.posts.some((post) => record.assignment[post] === move.toGroup);
  if (!servesThere) {
    throw new DomainError(
      'VALIDATION_FAILED',
      `${specialty.code} serves none of the posts of ${move.toGroup}; map it to one of them first.`,
      { field: 'toGroup' },
    );
  }
  const { [specialty.code]: _previous, ...others } = record.specialtyOverrides;
  const natural = place(computed, specialties, others).groupOf.get(specialty.code);
  const specialtyOverrides = natural === move.toGroup ? others : { ...others, [specialty.code]: move.toGroup };
  return {
    kind: 'moved_specialty',
    fromGroup: from,
    toGroup: move.toGroup,
    changes: { specialtyOverrides },
    before,
    after: before,
  };
}

/** Applies a move (the caller has checked the proposal may change) and records it with the quality change. */
export async function moveIn(
  repositories: Repositories,
  actor: ActorSnapshot,
  now: Date,
  record: ProposalRecord,
  move: MoveRequest,
): Promise<void> {
  const planned = planMove(compute(record), await specialtiesOf(repositories, record), move);
  await repositories.groupProposals.update(record.id, planned.changes, now);
  await appendEvent(repositories, record.id, actor, now, {
    kind: planned.kind,
    reason: move.reason,
    item: move.item,
    fromGroup: planned.fromGroup,
    toGroup: planned.toGroup,
    qualityBefore: planned.before.overall,
    qualityAfter: planned.after.overall,
  });
}

/** Names a group (an empty name in both languages goes back to the generated one). */
export async function renameIn(
  repositories: Repositories,
  actor: ActorSnapshot,
  now: Date,
  proposal: ProposalRecord,
  request: { group: string; name: GroupName; reason: string },
): Promise<void> {
  if (!Object.values(proposal.assignment).includes(request.group)) {
    throw new DomainError('GROUP_NOT_FOUND', `The proposal has no group ${request.group}.`, { field: 'group' });
  }
  const name = { zh: request.name.zh.trim(), en: request.name.en.trim() };
  const { [request.group]: _previous, ...others } = proposal.groupNames;
  let groupNames: Record<string, GroupName> = others;
  if (name.zh !== '' || name.en !== '') {
    if (name.zh === '') {
      throw new DomainError('VALIDATION_FAILED', 'Give the Chinese name.', { field: 'name.zh' });
    }
    groupNames = { ...others, [request.group]: { zh: name.zh, en: name.en || name.zh } };
  }
  await repositories.groupProposals.update(proposal.id, { groupNames }, now);
  await appendEvent(repositories, proposal.id, actor, now, {
    kind: 'renamed',
    reason:
      request.reason || (name.zh ? `“${name.zh}”${name.en ? ` (${name.en})` : ''}` : '恢复默认名称 · default name'),
    item: request.group,
    toGroup: request.group,
  });
}

/** Hands a draft to the steering committee; the college's specialties are frozen into the proposal. */
export async function submitIn(
  repositories: Repositories,
  actor: ActorSnapshot,
  now: Date,
  proposal: ProposalRecord,
  chosenCommitteeId?: string,
): Promise<void> {
  const specialties = await specialtiesOf(repositories, proposal);
  const committeeId = await chooseCommittee(repositories, chosenCommitteeId);
  await repositories.groupProposals.update(proposal.id, { status: 'submitted', specialties, committeeId }, now);
  const quality = measure(proposal, correlationOf(proposal).similarity, proposal.assignment).overall;
  await appendEvent(repositories, proposal.id, actor, now, { kind: 'submitted', reason: '', qualityAfter: quality });
}
