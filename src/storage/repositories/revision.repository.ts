import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database } from '../database-schema.js';
import { iso, json } from './column-values.js';

export type RevisionRecordStatus = 'draft' | 'submitted' | 'approved' | 'rejected' | 'withdrawn';

/** A decision taken on one proposal of a revision. */
export interface RevisionDecisionRecord {
  rank: number;
  decision: 'accepted' | 'rejected' | 'amended';
  comment: string;
  amendedWeight: number | null;
  decidedBy: string | null;
  decidedByName: string;
  decidedAt: string;
}

export interface RevisionSummaryRecord {
  id: string;
  organisationId: string;
  courseSystemId: string;
  proposalId: string | null;
  groupKey: string;
  groupName: { zh: string; en: string };
  beforeYear: number;
  afterYear: number;
  status: RevisionRecordStatus;
  tested: number;
  postings: { before: number; after: number };
  createdBy: string | null;
  createdByName: string;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  /** The committee a submitted revision was put before. */
  committeeId: string | null;
  decidedAt: string | null;
  /** The course system version applying the approved revision built (null: not applied). */
  resultCourseSystemId: string | null;
  appliedAt: string | null;
  appliedBy: string | null;
  changeCount: number;
  proposalCount: number;
  decidedCount: number;
}

/** The computed views are stored as the service built them (JSON), typed by the service. */
export interface RevisionRecord<Change = unknown, Proposal = unknown, Result = unknown> extends RevisionSummaryRecord {
  changes: Change[];
  proposals: Proposal[];
  decisions: RevisionDecisionRecord[];
  /** What applying it produced, as the service built it (null: not applied). */
  result: Result | null;
  /** Demand enterprises declared for the group's posts in the two years, as the service built it. */
  declared: unknown[];
}

export interface NewRevision {
  organisationId: string;
  courseSystemId: string;
  proposalId: string | null;
  groupKey: string;
  groupName: { zh: string; en: string };
  beforeYear: number;
  afterYear: number;
  tested: number;
  postings: { before: number; after: number };
  changes: readonly unknown[];
  proposals: readonly unknown[];
  declared?: readonly unknown[];
  createdBy: string;
  createdByName: string;
  now: Date;
}

type RevisionRow = Omit<Selectable<Database['revisions']>, 'changes' | 'proposals' | 'result' | 'declared'> & {
  change_count: number;
  proposal_count: number;
  decided_count: number;
};

const SUMMARY_COLUMNS = [
  'r.id',
  'r.organisation_id',
  'r.course_system_id',
  'r.proposal_id',
  'r.group_key',
  'r.group_name_zh',
  'r.group_name_en',
  'r.before_year',
  'r.after_year',
  'r.status',
  'r.tested',
  'r.postings_before',
  'r.postings_after',
  'r.created_by',
  'r.created_by_name',
  'r.created_at',
  'r.updated_at',
  'r.submitted_at',
  'r.committee_id',
  'r.decided_at',
  'r.result_course_system_id',
  'r.applied_at',
  'r.applied_by',
] as const;

function toSummary(row: RevisionRow): RevisionSummaryRecord {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    courseSystemId: row.course_system_id,
    proposalId: row.proposal_id,
    groupKey: row.group_key,
    groupName: { zh: row.group_name_zh, en: row.group_name_en },
    beforeYear: row.before_year,
    afterYear: row.after_year,
    status: row.status as RevisionRecordStatus,
    tested: row.tested,
    postings: { before: row.postings_before, after: row.postings_after },
    createdBy: row.created_by,
    createdByName: row.created_by_name,
    createdAt: iso(row.created_at)!,
    updatedAt: iso(row.updated_at)!,
    submittedAt: iso(row.submitted_at),
    committeeId: row.committee_id,
    decidedAt: iso(row.decided_at),
    resultCourseSystemId: row.result_course_system_id,
    appliedAt: iso(row.applied_at),
    appliedBy: row.applied_by,
    changeCount: row.change_count,
    proposalCount: row.proposal_count,
    decidedCount: row.decided_count,
  };
}

/** Yearly revisions of specialty groups and the decisions on their proposals. */
export class RevisionRepository {
  constructor(private readonly db: Kysely<Database>) {}

  private summaries() {
    return this.db
      .selectFrom('revisions as r')
      .select(SUMMARY_COLUMNS)
      .select([
        sql<number>`jsonb_array_length(r.changes)::int`.as('change_count'),
        sql<number>`jsonb_array_length(r.proposals)::int`.as('proposal_count'),
        sql<number>`(select count(*)::int from revision_decisions d where d.revision_id = r.id)`.as('decided_count'),
      ]);
  }

  async create(value: NewRevision): Promise<string> {
    const row = await this.db
      .insertInto('revisions')
      .values({
        organisation_id: value.organisationId,
        course_system_id: value.courseSystemId,
        proposal_id: value.proposalId,
        group_key: value.groupKey,
        group_name_zh: value.groupName.zh,
        group_name_en: value.groupName.en,
        before_year: value.beforeYear,
        after_year: value.afterYear,
        tested: value.tested,
        postings_before: value.postings.before,
        postings_after: value.postings.after,
        changes: JSON.stringify(value.changes),
        proposals: JSON.stringify(value.proposals),
        declared: JSON.stringify(value.declared ?? []),
        created_by: value.createdBy,
        created_by_name: value.createdByName,
        created_at: value.now,
        updated_at: value.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  /** The group's revisions (of one course system), newest first. */
  async listForGroup(organisationId: string, courseSystemId: string): Promise<RevisionSummaryRecord[]> {
    const rows = await this.summaries()
      .where('r.organisation_id', '=', organisationId)
      .where('r.course_system_id', '=', courseSystemId)
      .orderBy('r.created_at', 'desc')
      .orderBy('r.id')
      .execute();
    return rows.map(toSummary);
  }

  /** The group's open revision (draft or submitted), if any. */
  async findOpen(courseSystemId: string): Promise<RevisionSummaryRecord | null> {
    const row = await this.summaries()
      .where('r.course_system_id', '=', courseSystemId)
      .where('r.status', 'in', ['draft', 'submitted'])
      .executeTakeFirst();
    return row ? toSummary(row) : null;
  }

  async find<Change = unknown, Proposal = unknown, Result = unknown>(
    id: string,
  ): Promise<RevisionRecord<Change, Proposal, Result> | null> {
    const row = await this.summaries()
      .select(['r.changes', 'r.proposals', 'r.result', 'r.declared'])
      .where('r.id', '=', id)
      .executeTakeFirst();
    if (!row) return null;
    const decisions = await this.db
      .selectFrom('revision_decisions')
      .selectAll()
      .where('revision_id', '=', id)
      .orderBy('rank')
      .execute();
    return {
      ...toSummary(row),
      changes: json<Change[]>(row.changes),
      proposals: json<Proposal[]>(row.proposals),
      result: row.result === null ? null : json<Result>(row.result),
      declared: json<unknown[]>(row.declared),
      decisions: decisions.map((decision) => ({
        rank: decision.rank,
        decision: decision.decision as RevisionDecisionRecord['decision'],
        comment: decision.comment,
        amendedWeight: decision.amended_weight,
        decidedBy: decision.decided_by,
        decidedByName: decision.decided_by_name,
        decidedAt: iso(decision.decided_at)!,
      })),
    };
  }

  /** Locks the revision's row for the rest of the transaction; false when there is none. */
  async lock(id: string): Promise<boolean> {
    const row = await this.db.selectFrom('revisions').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
    return row !== undefined;
  }

  /** Records (or replaces) the decision on one proposal. */
  async decide(revisionId: string, decision: Omit<RevisionDecisionRecord, 'decidedAt'>, now: Date): Promise<void> {
    const values = {
      decision: decision.decision,
      comment: decision.comment,
      amended_weight: decision.amendedWeight,
      decided_by: decision.decidedBy,
      decided_by_name: decision.decidedByName,
      decided_at: now,
    };
    await this.db
      .insertInto('revision_decisions')
      .values({ revision_id: revisionId, rank: decision.rank, ...values })
      .onConflict((conflict) => conflict.columns(['revision_id', 'rank']).doUpdateSet(values))
      .execute();
    await this.db.updateTable('revisions').set({ updated_at: now }).where('id', '=', revisionId).execute();
  }

  async setStatus(id: string, status: RevisionRecordStatus, now: Date): Promise<void> {
    await this.db
      .updateTable('revisions')
      .set({
        status,
        updated_at: now,
        ...(status === 'approved' || status === 'rejected' ? { decided_at: now } : {}),
      })
      .where('id', '=', id)
      .execute();
  }

  /** Puts a draft before a committee. */
  async submit(id: string, committeeId: string, now: Date): Promise<void> {
    await this.db
      .updateTable('revisions')
      .set({ status: 'submitted', committee_id: committeeId, submitted_at: now, updated_at: now })
      .where('id', '=', id)
      .execute();
  }

  /** Every revision ever put before a committee, newest submission first. */
  async listReviewed(): Promise<RevisionSummaryRecord[]> {
    const rows = await this.summaries()
      .where('r.committee_id', 'is not', null)
      .orderBy('r.submitted_at', 'desc')
      .orderBy('r.id')
      .execute();
    return rows.map(toSummary);
  }

  /** Records what applying an approved revision produced (the new course system version and the result view). */
  async recordResult(
    id: string,
    value: { courseSystemId: string; result: unknown; appliedBy: string; now: Date },
  ): Promise<void> {
    await this.db
      .updateTable('revisions')
      .set({
        result_course_system_id: value.courseSystemId,
        result: JSON.stringify(value.result),
        applied_at: value.now,
        applied_by: value.appliedBy,
        updated_at: value.now,
      })
      .where('id', '=', id)
      .execute();
  }
}
