import { sql, type Kysely } from 'kysely';
import type { GroupingPost } from '../../core/groups/post-matrix.js';
import type { Database } from '../database-schema.js';
import { iso, json } from './column-values.js';

export type ProposalStatus = 'draft' | 'submitted' | 'approved' | 'rejected';
export type ProposalMethod = 'consensus' | 'average' | 'shared-neighbour' | 'k-means';
export type ProposalEventKind =
  | 'proposed'
  | 'moved_post'
  | 'moved_specialty'
  | 'renamed'
  | 'submitted'
  | 'commented'
  | 'voted'
  | 'approved'
  | 'rejected';

/** A college specialty as a submitted proposal keeps it (the college may edit its live list afterwards). */
export interface ProposalSpecialty {
  code: string;
  nameZh: string;
  nameEn: string | null;
  posts: string[];
  enrolment: number | null;
  employmentRate: number | null;
  employerRating: number | null;
}

export interface GroupName {
  zh: string;
  en: string;
}

/** What the list pages need, without the heavy JSON. */
export interface ProposalSummaryRecord {
  id: string;
  organisationId: string;
  organisationName: string;
  organisationNameEn: string;
  titleZh: string;
  titleEn: string;
  versionId: string;
  /** `key@label` of the framework version the posts come from. */
  framework: string;
  /** The framework's name and version label, as people know it. */
  frameworkTitleZh: string;
  frameworkTitleEn: string;
  frameworkLabel: string;
  method: ProposalMethod;
  scope: 'served' | 'all';
  k: number;
  automatic: boolean;
  status: ProposalStatus;
  postCount: number;
  /** Groups of the current assignment. */
  groupCount: number;
  proposedQuality: number;
  quality: number;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  decidedAt: string | null;
  /** The committee the proposal was put before at submission (null while a draft). */
  committeeId: string | null;
}

export interface ProposalRecord extends ProposalSummaryRecord {
  /** The grouping input as computed at creation. */
  posts: GroupingPost[];
  demandPostings: number;
  /** Post id → group id, as the system proposed it and as it is now. */
  proposedAssignment: Record<string, string>;
  assignment: Record<string, string>;
  /** Specialty code → group id, for specialties moved by hand. */
  specialtyOverrides: Record<string, string>;
  groupNames: Record<string, GroupName>;
  /** Highest group number handed out so far (`toGroup: "new"` takes the next one). */
  lastGroup: number;
  candidates: { k: number; silhouette: number }[];
  /** Frozen at submission; null while a draft (the live specialties apply). */
  specialties: ProposalSpecialty[] | null;
}

export interface NewProposal {
  organisationId: string;
  titleZh: string;
  titleEn: string;
  versionId: string;
  method: ProposalMethod;
  scope: 'served' | 'all';
  k: number;
  automatic: boolean;
  posts: GroupingPost[];
  demandPostings: number;
  assignment: Record<string, string>;
  lastGroup: number;
  candidates: { k: number; silhouette: number }[];
  quality: number;
  createdBy: string | null;
  now: Date;
}

export interface ProposalChanges {
  assignment?: Record<string, string>;
  specialtyOverrides?: Record<string, string>;
  groupNames?: Record<string, GroupName>;
  lastGroup?: number;
  quality?: number;
  status?: ProposalStatus;
  specialties?: ProposalSpecialty[];
  decidedAt?: Date;
  committeeId?: string;
}

export interface ProposalEventRecord {
  id: string;
  proposalId: string;
  kind: ProposalEventKind;
  actorPersonId: string | null;
  actorName: string;
  actorOrganisation: string | null;
  reason: string;
  item: string | null;
  fromGroup: string | null;
  toGroup: string | null;
  qualityBefore: number | null;
  qualityAfter: number | null;
  createdAt: string;
}

export type NewProposalEvent = Omit<ProposalEventRecord, 'id' | 'createdAt'> & { now: Date };

/** Specialty-group proposals with their append-only trail of events. */
export class GroupProposalRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async create(proposal: NewProposal): Promise<string> {
    const assignment = JSON.stringify(proposal.assignment);
    const row = await this.db
      .insertInto('group_proposals')
      .values({
        organisation_id: proposal.organisationId,
        title_zh: proposal.titleZh,
        title_en: proposal.titleEn,
        version_id: proposal.versionId,
        method: proposal.method,
        scope: proposal.scope,
        k: proposal.k,
        automatic: proposal.automatic,
        posts: JSON.stringify(proposal.posts),
        demand_postings: proposal.demandPostings,
        proposed_assignment: assignment,
        assignment,
        last_group: proposal.lastGroup,
        candidates: JSON.stringify(proposal.candidates),
        proposed_quality: proposal.quality,
        quality: proposal.quality,
        created_by: proposal.createdBy,
        created_at: proposal.now,
        updated_at: proposal.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async find(id: string): Promise<ProposalRecord | null> {
    const row = await this.summaryQuery()
      .select([
        'p.posts',
        'p.demand_postings',
        'p.proposed_assignment',
        'p.assignment',
        'p.specialty_overrides',
        'p.group_names',
        'p.last_group',
        'p.candidates',
        'p.specialties',
      ])
      .where('p.id', '=', id)
      .executeTakeFirst();
    if (!row) return null;
    return {
      ...toSummary(row),
      posts: json<GroupingPost[]>(row.posts),
      demandPostings: row.demand_postings,
      proposedAssignment: json<Record<string, string>>(row.proposed_assignment),
      assignment: json<Record<string, string>>(row.assignment),
      specialtyOverrides: json<Record<string, string>>(row.specialty_overrides),
      groupNames: json<Record<string, GroupName>>(row.group_names),
      lastGroup: row.last_group,
      candidates: json<{ k: number; silhouette: number }[]>(row.candidates),
      specialties: row.specialties === null ? null : json<ProposalSpecialty[]>(row.specialties),
    };
  }

  /** Locks the proposal's row until the transaction ends (concurrent edits wait instead of overwriting). */
  async lock(id: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('group_proposals')
      .select('id')
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    return row !== undefined;
  }

  /** Newest first; one college's proposals, or (for the committee) every proposal that is not a draft. */
  async list(filter: { organisationId?: string; submittedOnly?: boolean }): Promise<ProposalSummaryRecord[]> {
    let query = this.summaryQuery();
    if (filter.organisationId) query = query.where('p.organisation_id', '=', filter.organisationId);
    if (filter.submittedOnly) query = query.where('p.status', '<>', 'draft');
    const rows = await query.orderBy('p.updated_at', 'desc').orderBy('p.id').execute();
    return rows.map(toSummary);
  }

  async findIdByTitle(organisationId: string, titleZh: string): Promise<string | null> {
    const row = await this.db
      .selectFrom('group_proposals')
      .select('id')
      .where('organisation_id', '=', organisationId)
      .where('title_zh', '=', titleZh)
      .executeTakeFirst();
    return row?.id ?? null;
  }

  async update(id: string, changes: ProposalChanges, now: Date): Promise<void> {
    await this.db
      .updateTable('group_proposals')
      .set({
        updated_at: now,
        ...(changes.assignment ? { assignment: JSON.stringify(changes.assignment) } : {}),
        ...(changes.specialtyOverrides ? { specialty_overrides: JSON.stringify(changes.specialtyOverrides) } : {}),
        ...(changes.groupNames ? { group_names: JSON.stringify(changes.groupNames) } : {}),
        ...(changes.lastGroup !== undefined ? { last_group: changes.lastGroup } : {}),
        ...(changes.quality !== undefined ? { quality: changes.quality } : {}),
        ...(changes.status ? { status: changes.status } : {}),
        ...(changes.specialties ? { specialties: JSON.stringify(changes.specialties) } : {}),
        ...(changes.decidedAt ? { decided_at: changes.decidedAt } : {}),
        ...(changes.committeeId ? { committee_id: changes.committeeId } : {}),
      })
      .where('id', '=', id)
      .execute();
  }

  async addEvent(event: NewProposalEvent): Promise<void> {
    await this.db
      .insertInto('group_proposal_events')
      .values({
        proposal_id: event.proposalId,
        kind: event.kind,
        actor_person_id: event.actorPersonId,
        actor_name: event.actorName,
        actor_organisation: event.actorOrganisation,
        reason: event.reason,
        item: event.item,
        from_group: event.fromGroup,
        to_group: event.toGroup,
        quality_before: event.qualityBefore,
        quality_after: event.qualityAfter,
        created_at: event.now,
      })
      .execute();
  }

  /** The trail of one proposal, oldest first. */
  async events(proposalId: string): Promise<ProposalEventRecord[]> {
    const rows = await this.db
      .selectFrom('group_proposal_events')
      .selectAll()
      .where('proposal_id', '=', proposalId)
      .orderBy('seq')
      .execute();
    return rows.map((row) => ({
      id: row.id,
      proposalId: row.proposal_id,
      kind: row.kind as ProposalEventKind,
      actorPersonId: row.actor_person_id,
      actorName: row.actor_name,
      actorOrganisation: row.actor_organisation,
      reason: row.reason,
      item: row.item,
      fromGroup: row.from_group,
      toGroup: row.to_group,
      qualityBefore: row.quality_before === null ? null : Number(row.quality_before),
      qualityAfter: row.quality_after === null ? null : Number(row.quality_after),
      createdAt: iso(row.created_at)!,
    }));
  }

  private summaryQuery() {
    return this.db
      .selectFrom('group_proposals as p')
      .innerJoin('organisations as o', 'o.id', 'p.organisation_id')
      .innerJoin('framework_versions as v', 'v.id', 'p.version_id')
      .select([
        'p.id',
        'p.organisation_id',
        'o.name_zh as organisation_name',
        'o.name_en as organisation_name_en',
        'p.title_zh',
        'p.title_en',
        'p.version_id',
        sql<string>`v.framework_key || '@' || v.label`.as('framework'),
        'v.title_zh as framework_title_zh',
        'v.title_en as framework_title_en',
        'v.label as framework_label',
        'p.method',
        'p.scope',
        'p.k',
        'p.automatic',
        'p.status',
        sql<number>`jsonb_array_length(p.posts)::int`.as('post_count'),
        sql<number>`(select count(distinct g.value)::int from jsonb_each_text(p.assignment) as g)`.as('group_count'),
        'p.proposed_quality',
        'p.quality',
        'p.created_by',
        'p.created_at',
        'p.updated_at',
        'p.decided_at',
        'p.committee_id',
      ]);
  }
}

function toSummary(row: {
  id: string;
  organisation_id: string;
  organisation_name: string;
  organisation_name_en: string;
  title_zh: string;
  title_en: string;
  version_id: string;
  framework: string;
  framework_title_zh: string;
  framework_title_en: string;
  framework_label: string;
  method: string;
  scope: string;
  k: number;
  automatic: boolean;
  status: string;
  post_count: number;
  group_count: number;
  proposed_quality: number;
  quality: number;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
  decided_at: Date | null;
  committee_id: string | null;
}): ProposalSummaryRecord {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    organisationNameEn: row.organisation_name_en,
    titleZh: row.title_zh,
    titleEn: row.title_en,
    versionId: row.version_id,
    framework: row.framework,
    frameworkTitleZh: row.framework_title_zh,
    frameworkTitleEn: row.framework_title_en,
    frameworkLabel: row.framework_label,
    method: row.method as ProposalMethod,
    scope: row.scope as 'served' | 'all',
    k: row.k,
    automatic: row.automatic,
    status: row.status as ProposalStatus,
    postCount: row.post_count,
    groupCount: row.group_count,
    proposedQuality: Number(row.proposed_quality),
    quality: Number(row.quality),
    createdBy: row.created_by,
    createdAt: iso(row.created_at)!,
    updatedAt: iso(row.updated_at)!,
    decidedAt: iso(row.decided_at),
    committeeId: row.committee_id,
  };
}
