import type { Kysely } from 'kysely';
import type { TrainingPlanSection } from '../../core/courses/training-plan.js';
import type { TrainingPlanFigures } from '../../core/courses/training-plan-figures.js';
import type { Database } from '../database-schema.js';
import { iso, json } from './column-values.js';

export type TrainingPlanStatus = 'draft' | 'approved';

export interface TrainingPlanVersionRecord {
  id: string;
  planId: string;
  number: number;
  status: TrainingPlanStatus;
  sections: TrainingPlanSection[];
  /** What the version's tables print; null for versions drafted before the figures were stored. */
  figures: TrainingPlanFigures | null;
  note: string;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  approvedBy: string | null;
  approvedByName: string | null;
  approvedAt: string | null;
  /** The committee the draft was put before, when it was (null: not submitted), and which review round it is in. */
  committeeId: string | null;
  submittedAt: string | null;
  reviewRound: number;
}

export interface TrainingPlanRecord {
  id: string;
  organisationId: string;
  courseSystemId: string;
  specialtyCode: string | null;
  titleZh: string;
  createdAt: string;
  /** Oldest first. */
  versions: TrainingPlanVersionRecord[];
}

/** Talent Training Plans and their numbered versions (an approved version is immutable, by trigger too). */
export class TrainingPlanRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async create(
    plan: { organisationId: string; courseSystemId: string; specialtyCode: string | null; titleZh: string },
    sections: readonly TrainingPlanSection[],
    by: string | null,
    now: Date,
    figures: TrainingPlanFigures | null = null,
  ): Promise<string> {
    const row = await this.db
      .insertInto('training_plans')
      .values({
        organisation_id: plan.organisationId,
        course_system_id: plan.courseSystemId,
        specialty_code: plan.specialtyCode,
        title_zh: plan.titleZh,
        created_by: by,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await this.addVersion(row.id, 1, sections, '', by, now, figures);
    return row.id;
  }

  async findSubject(courseSystemId: string, specialtyCode: string | null): Promise<string | null> {
    let query = this.db.selectFrom('training_plans').select('id').where('course_system_id', '=', courseSystemId);
    query =
      specialtyCode === null
        ? query.where('specialty_code', 'is', null)
        : query.where('specialty_code', '=', specialtyCode);
    return (await query.executeTakeFirst())?.id ?? null;
  }

  async addVersion(
    planId: string,
    number: number,
    sections: readonly TrainingPlanSection[],
    note: string,
    by: string | null,
    now: Date,
    figures: TrainingPlanFigures | null = null,
  ): Promise<string> {
    const row = await this.db
      .insertInto('training_plan_versions')
      .values({
        plan_id: planId,
        number,
        sections: JSON.stringify(sections),
        figures: figures === null ? null : JSON.stringify(figures),
        note,
        created_by: by,
        created_at: now,
        updated_by: by,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async list(organisationId: string): Promise<TrainingPlanRecord[]> {
    const plans = await this.db
      .selectFrom('training_plans')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .execute();
    if (plans.length === 0) return [];
    const versions = await this.versionsOf(plans.map((plan) => plan.id));
    return plans.map((plan) => this.toRecord(plan, versions));
  }

  /** Plans with a version ever put before a committee (under review or decided), newest submission first. */
  async listReviewed(): Promise<TrainingPlanRecord[]> {
    const plans = await this.db
      .selectFrom('training_plans')
      .selectAll()
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('training_plan_versions as v')
            .select('v.id')
            .whereRef('v.plan_id', '=', 'training_plans.id')
            .where('v.review_round', '>', 0),
        ),
      )
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .execute();
    if (plans.length === 0) return [];
    const versions = await this.versionsOf(plans.map((plan) => plan.id));
    return plans.map((plan) => this.toRecord(plan, versions));
  }

  async find(id: string): Promise<TrainingPlanRecord | null> {
    const plan = await this.db.selectFrom('training_plans').selectAll().where('id', '=', id).executeTakeFirst();
    if (!plan) return null;
    return this.toRecord(plan, await this.versionsOf([plan.id]));
  }

  async lock(id: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('training_plans')
      .select('id')
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    return row !== undefined;
  }

  async updateDraft(
    versionId: string,
    sections: readonly TrainingPlanSection[],
    note: string,
    by: string | null,
    now: Date,
  ): Promise<void> {
    await this.db
      .updateTable('training_plan_versions')
      .set({ sections: JSON.stringify(sections), note, updated_by: by, updated_at: now })
      .where('id', '=', versionId)
      .where('status', '=', 'draft')
      .execute();
  }

  /** Who wrote a version: its creator and its last editor (the draft's authors, who may not vote on it). */
  async editorsOf(versionId: string): Promise<string[]> {
    const row = await this.db
      .selectFrom('training_plan_versions')
      .select(['created_by', 'updated_by'])
      .where('id', '=', versionId)
      .executeTakeFirst();
    return [row?.created_by, row?.updated_by].filter((id): id is string => Boolean(id));
  }

  /** Puts a draft before a committee for a new review round. */
  async submit(versionId: string, committeeId: string, round: number, now: Date): Promise<void> {
    await this.db
      .updateTable('training_plan_versions')
      .set({ committee_id: committeeId, submitted_at: now, review_round: round, updated_at: now })
      .where('id', '=', versionId)
      .where('status', '=', 'draft')
      .execute();
  }

  /** Gives a submitted draft back to the college (withdrawn, or rejected by the committee): editable again. */
  async returnToDraft(versionId: string, now: Date): Promise<void> {
    await this.db
      .updateTable('training_plan_versions')
      .set({ submitted_at: null, updated_at: now })
      .where('id', '=', versionId)
      .where('status', '=', 'draft')
      .execute();
  }

  async approve(versionId: string, by: string | null, byName: string, now: Date): Promise<void> {
    await this.db
      .updateTable('training_plan_versions')
      .set({ status: 'approved', approved_by: by, approved_by_name: byName, approved_at: now, updated_at: now })
      .where('id', '=', versionId)
      .where('status', '=', 'draft')
      .execute();
  }

  private async versionsOf(planIds: readonly string[]): Promise<Map<string, TrainingPlanVersionRecord[]>> {
    const rows = await this.db
      .selectFrom('training_plan_versions')
      .selectAll()
      .where('plan_id', 'in', planIds)
      .orderBy('plan_id')
      .orderBy('number')
      .execute();
    const byPlan = new Map<string, TrainingPlanVersionRecord[]>();
    for (const row of rows) {
      const list = byPlan.get(row.plan_id) ?? [];
      list.push({
        id: row.id,
        planId: row.plan_id,
        number: row.number,
        status: row.status as TrainingPlanStatus,
        sections: json<TrainingPlanSection[]>(row.sections),
        figures: row.figures === null ? null : json<TrainingPlanFigures>(row.figures),
        note: row.note,
        createdBy: row.created_by,
        createdAt: iso(row.created_at)!,
        updatedAt: iso(row.updated_at)!,
        approvedBy: row.approved_by,
        approvedByName: row.approved_by_name,
        approvedAt: iso(row.approved_at),
        committeeId: row.committee_id,
        submittedAt: iso(row.submitted_at),
        reviewRound: row.review_round,
      });
      byPlan.set(row.plan_id, list);
    }
    return byPlan;
  }

  private toRecord(
    plan: {
      id: string;
      organisation_id: string;
      course_system_id: string;
      specialty_code: string | null;
      title_zh: string;
      created_at: Date;
    },
    versions: Map<string, TrainingPlanVersionRecord[]>,
  ): TrainingPlanRecord {
    return {
      id: plan.id,
      organisationId: plan.organisation_id,
      courseSystemId: plan.course_system_id,
      specialtyCode: plan.specialty_code,
      titleZh: plan.title_zh,
      createdAt: iso(plan.created_at)!,
      versions: versions.get(plan.id) ?? [],
    };
  }
}
