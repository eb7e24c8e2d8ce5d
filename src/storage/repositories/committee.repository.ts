import type { Kysely } from 'kysely';
import {
  DEFAULT_COMMITTEE_RULES,
  type CommitteeRules,
  type MajorityRule,
} from '../../core/committee/committee-rules.js';
import type { VoteChoice } from '../../core/committee/tally-committee-votes.js';
import type { Database } from '../database-schema.js';
import { iso } from './column-values.js';

export type MatterKind = 'proposal' | 'plan_version' | 'revision';

export interface CommitteeRecord {
  id: string;
  nameZh: string;
  nameEn: string;
}

export interface CommitteeMemberRecord {
  personId: string;
  name: string;
  /** Every organisation the member belongs to (the committee included): what makes them conflicted. */
  organisationIds: string[];
}

export interface CommitteeVoteRecord {
  id: string;
  committeeId: string;
  matterKind: MatterKind;
  matterId: string;
  round: number;
  voterPersonId: string | null;
  voterName: string;
  choice: VoteChoice;
  comment: string;
  castAt: string;
}

export interface NewCommitteeVote {
  committeeId: string;
  matterKind: MatterKind;
  matterId: string;
  round: number;
  voterPersonId: string;
  voterName: string;
  choice: VoteChoice;
  comment: string;
  now: Date;
}

/**
 * Steering committees: their voting rules (defaults when none stored), their seated members, and the append-only
 * record of every vote cast on a matter before them (a changed vote is a new row).
 */
export class CommitteeRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Every committee organisation, oldest first. */
  async list(): Promise<CommitteeRecord[]> {
    const rows = await this.db
      .selectFrom('organisations')
      .select(['id', 'name_zh', 'name_en'])
      .where('kind', '=', 'committee')
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map((row) => ({ id: row.id, nameZh: row.name_zh, nameEn: row.name_en }));
  }

  async find(id: string): Promise<CommitteeRecord | null> {
    const row = await this.db
      .selectFrom('organisations')
      .select(['id', 'name_zh', 'name_en'])
      .where('id', '=', id)
      .where('kind', '=', 'committee')
      .executeTakeFirst();
    return row ? { id: row.id, nameZh: row.name_zh, nameEn: row.name_en } : null;
  }

  async rules(committeeId: string): Promise<CommitteeRules> {
    const row = await this.db
      .selectFrom('committee_rules')
      .select(['quorum', 'majority'])
      .where('organisation_id', '=', committeeId)
      .executeTakeFirst();
    return row ? { quorum: row.quorum, majority: row.majority as MajorityRule } : DEFAULT_COMMITTEE_RULES;
  }

  async saveRules(committeeId: string, rules: CommitteeRules, by: string | null, now: Date): Promise<void> {
    const values = { quorum: rules.quorum, majority: rules.majority, updated_at: now, updated_by: by };
    await this.db
      .insertInto('committee_rules')
      .values({ organisation_id: committeeId, ...values })
      .onConflict((conflict) => conflict.column('organisation_id').doUpdateSet(values))
      .execute();
  }

  /** The people seated on the committee (its committee_member role), by name, with all their organisations. */
  async members(committeeId: string): Promise<CommitteeMemberRecord[]> {
    const seated = await this.db
      .selectFrom('memberships')
      .innerJoin('people', 'people.id', 'memberships.person_id')
      .select(['people.id as personId', 'people.display_name as name'])
      .where('memberships.organisation_id', '=', committeeId)
      .where('memberships.role', '=', 'committee_member')
      .orderBy('people.display_name')
      .orderBy('people.id')
      .execute();
    if (seated.length === 0) return [];
    const rows = await this.db
      .selectFrom('memberships')
      .select(['person_id', 'organisation_id'])
      .distinct()
      .where(
        'person_id',
        'in',
        seated.map((member) => member.personId),
      )
      .execute();
    return seated.map((member) => ({
      personId: member.personId,
      name: member.name,
      organisationIds: rows.filter((row) => row.person_id === member.personId).map((row) => row.organisation_id),
    }));
  }

  async castVote(vote: NewCommitteeVote): Promise<void> {
    await this.db
      .insertInto('committee_votes')
      .values({
        committee_id: vote.committeeId,
        matter_kind: vote.matterKind,
        matter_id: vote.matterId,
        round: vote.round,
        voter_person_id: vote.voterPersonId,
        voter_name: vote.voterName,
        choice: vote.choice,
        comment: vote.comment,
        cast_at: vote.now,
      })
      .execute();
  }

  /** Every vote cast on one round of a matter, in the order cast (changes included). */
  async votes(matterKind: MatterKind, matterId: string, round: number): Promise<CommitteeVoteRecord[]> {
    const rows = await this.db
      .selectFrom('committee_votes')
      .selectAll()
      .where('matter_kind', '=', matterKind)
      .where('matter_id', '=', matterId)
      .where('round', '=', round)
      .orderBy('seq')
      .execute();
    return rows.map((row) => ({
      id: row.id,
      committeeId: row.committee_id,
      matterKind: row.matter_kind as MatterKind,
      matterId: row.matter_id,
      round: row.round,
      voterPersonId: row.voter_person_id,
      voterName: row.voter_name,
      choice: row.choice as VoteChoice,
      comment: row.comment,
      castAt: iso(row.cast_at)!,
    }));
  }
}
