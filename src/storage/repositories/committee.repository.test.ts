import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../create-database.js';
import { openTestDatabase, testBackend } from '../test-database.js';
import { createOrganisation, createPerson } from '../test-factories.js';
import { createRepositories, type Repositories } from './create-repositories.js';

let database: DatabaseHandle;
let repositories: Repositories;
let committeeId: string;
let collegeId: string;
const people: string[] = [];
const NOW = new Date('2026-09-01T08:00:00Z');
const matterId = '00000000-0000-4000-8000-000000000001';

beforeAll(async () => {
  database = await openTestDatabase();
  repositories = createRepositories(database.db);
  committeeId = (await createOrganisation(repositories, { kind: 'committee', enterpriseType: null })).id;
  collegeId = (await createOrganisation(repositories, { kind: 'college', enterpriseType: null })).id;
  for (let index = 0; index < 3; index += 1) {
    const person = await createPerson(repositories);
    people.push(person.id);
    await repositories.memberships.grant(person.id, committeeId, ['committee_member']);
  }
  await repositories.memberships.grant(people[0]!, collegeId, ['teacher']);
});
afterAll(async () => {
  await database?.close();
});

describe(`committee repository on ${testBackend()}`, () => {
  it('lists committees and their seated members with every organisation they belong to', async () => {
    expect((await repositories.committees.list()).map((committee) => committee.id)).toContain(committeeId);
    expect(await repositories.committees.find(collegeId)).toBeNull();
    const members = await repositories.committees.members(committeeId);
    expect(members.map((member) => member.personId).sort()).toEqual([...people].sort());
    expect(members.find((member) => member.personId === people[0])!.organisationIds.sort()).toEqual(
      [committeeId, collegeId].sort(),
    );
  });

  it('keeps the default rules until some are stored, then the stored ones (a quorum below two is refused)', async () => {
    expect(await repositories.committees.rules(committeeId)).toEqual({ quorum: null, majority: 'simple' });
    await repositories.committees.saveRules(committeeId, { quorum: 3, majority: 'two_thirds' }, people[1]!, NOW);
    expect(await repositories.committees.rules(committeeId)).toEqual({ quorum: 3, majority: 'two_thirds' });
    await repositories.committees.saveRules(committeeId, { quorum: null, majority: 'simple' }, null, NOW);
    expect(await repositories.committees.rules(committeeId)).toEqual({ quorum: null, majority: 'simple' });
    await expect(
      repositories.committees.saveRules(committeeId, { quorum: 1, majority: 'simple' }, null, NOW),
    ).rejects.toThrow();
  });

  it('records every vote in order, per matter and round; votes are append-only', async () => {
    const cast = (voter: number, choice: 'approve' | 'reject' | 'abstain', round = 1) =>
      repositories.committees.castVote({
        committeeId,
        matterKind: 'proposal',
        matterId,
        round,
        voterPersonId: people[voter]!,
        voterName: `委员 ${voter}`,
        choice,
        comment: choice === 'reject' ? '理由' : '',
        now: NOW,
      });
    await cast(1, 'approve');
    await cast(1, 'reject');
    await cast(2, 'abstain');
    await cast(2, 'approve', 2);
    const votes = await repositories.committees.votes('proposal', matterId, 1);
    expect(votes.map((vote) => [vote.voterName, vote.choice, vote.comment])).toEqual([
      ['委员 1', 'approve', ''],
      ['委员 1', 'reject', '理由'],
      ['委员 2', 'abstain', ''],
    ]);
    expect(await repositories.committees.votes('proposal', matterId, 2)).toHaveLength(1);
    expect(await repositories.committees.votes('plan_version', matterId, 1)).toHaveLength(0);
    await expect(sql`update committee_votes set choice = 'approve'`.execute(database.db)).rejects.toThrow(
      /append-only/,
    );
  });

  it('never deletes a cast vote, except with its whole committee', async () => {
    await expect(sql`delete from committee_votes`.execute(database.db)).rejects.toThrow(/never deleted/);
    expect(await repositories.committees.votes('proposal', matterId, 1)).toHaveLength(3);
    const other = (await createOrganisation(repositories, { kind: 'committee', enterpriseType: null })).id;
    await repositories.committees.castVote({
      committeeId: other,
      matterKind: 'plan_version',
      matterId,
      round: 1,
      voterPersonId: people[1]!,
      voterName: '委员 1',
      choice: 'approve',
      comment: '',
      now: NOW,
    });
    await sql`delete from organisations where id = ${other}`.execute(database.db);
    const left = await sql<{
      count: string;
    }>`select count(*)::text as count from committee_votes where committee_id = ${other}`.execute(database.db);
    expect(left.rows[0]!.count).toBe('0');
    expect(await repositories.committees.votes('proposal', matterId, 1)).toHaveLength(3);
  });
});
