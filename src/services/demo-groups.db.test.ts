import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { curatedCatalogueDir } from '../interchange/shared-data.js';
import { fileURLToPath } from 'node:url';
import type { DatabaseHandle } from '../storage/create-database.js';
import { createStore } from '../storage/repositories/create-repositories.js';
import { openTestDatabase } from '../storage/test-database.js';
import { argon2PasswordHasher } from './argon2-password-hasher.js';
import { DEMO_COLLEGE, DEMO_MAIN_GROUP, DEMO_SECOND_GROUP, loadDemoGroups } from './demo-groups.js';
import { loadDemoPostings } from './demo-postings.js';
import { loadDemoDataset, readDemoDataset } from './demo-service.js';
import type { ServiceContext } from './service-context.js';
import { getProposal } from './specialty-group-service.js';
import { ensureCuratedCatalogue } from './taxonomy-source-import.js';

let database: DatabaseHandle;
let context: ServiceContext;

beforeAll(async () => {
  database = await openTestDatabase();
  context = { store: createStore(database.db), clock: () => new Date(), passwords: argon2PasswordHasher };
  await loadDemoDataset(
    context,
    readDemoDataset(fileURLToPath(new URL('../../data/demo/demo-dataset.json', import.meta.url))),
  );
  await ensureCuratedCatalogue(context, curatedCatalogueDir());
  // Enough postings per post for the demand profile to be blended into the grouping, as on a real first start.
  await loadDemoPostings(context, 600);
}, 240_000);
afterAll(async () => {
  await database?.close();
});

describe('the demo specialty groups', () => {
  it('seeds the scheme’s example: a submitted proposal whose main group is led by Mobile Application Development', async () => {
    const seeded = await loadDemoGroups(context);
    expect(seeded).not.toBeNull();
    const college = await context.store.repositories.organisations.findByNameZh(DEMO_COLLEGE);
    const detail = await getProposal(context, { side: 'committee' }, seeded!.proposalId);
    expect(detail.status).toBe('submitted');
    expect(detail.organisationId).toBe(college!.id);
    expect(detail.groups).toHaveLength(2);
    expect(detail.demandPostings).toBeGreaterThan(0);

    const main = detail.groups.find((group) => group.name.zh === DEMO_MAIN_GROUP.zh)!;
    expect(main.name.en).toBe(DEMO_MAIN_GROUP.en);
    expect(main.posts.map((post) => post.id).sort()).toEqual([
      'ito-cloud-operations',
      'ito-industrial-software-development',
      'ito-industrial-software-testing',
      'ito-information-system-operations',
      'ito-mobile-app-development',
    ]);
    const [leading, ...supporting] = main.specialties;
    expect(leading).toMatchObject({ code: '510213', nameZh: '移动应用开发', leading: true });
    expect(supporting.map((specialty) => specialty.nameZh)).toEqual(
      expect.arrayContaining(['软件技术（软件测试方向）', '计算机网络技术', '计算机应用技术（信息系统管理方向）']),
    );
    expect(main.shared.length).toBeGreaterThan(0);
    expect(main.rationale.zh).toContain('移动应用开发');
    expect(main.rationale.zh.length).toBeLessThanOrEqual(800);
    expect(main.rationale.en.length).toBeGreaterThan(0);
    // Its own figures decide how it argues: never a recommendation its silhouette contradicts.
    if (main.quality.silhouette < 0.1) expect(main.rationale.zh).toContain('建议委员会复核');

    const second = detail.groups.find((group) => group.name.zh === DEMO_SECOND_GROUP.zh)!;
    expect(second.posts.map((post) => post.id).sort()).toEqual([
      'ito-ai-application',
      'ito-blockchain-application',
      'ito-vr-ar-development',
    ]);

    // The trail: what the system proposed, every move with its reason and quality change, the names, the submission.
    const kinds = detail.events.map((event) => event.kind);
    expect(kinds[0]).toBe('proposed');
    expect(kinds).toContain('submitted');
    expect(kinds.slice(-3)).toEqual(['commented', 'voted', 'voted']);
    // Two members voted for it: five seats, quorum three (the director, of the proposing college, may not vote).
    expect(detail.review).toMatchObject({ seats: 5, eligible: 4, quorum: 3, approve: 2, outcome: 'pending' });
    for (const move of detail.events.filter((event) => event.kind === 'moved_post')) {
      expect(move.reason.length).toBeGreaterThan(10);
      expect(move.qualityBefore).not.toBeNull();
      expect(move.qualityAfter).not.toBeNull();
      expect(move.fromGroup).not.toBe(move.toGroup);
    }
    expect(detail.events.filter((event) => event.kind === 'renamed')).toHaveLength(2);
  });

  it('does nothing the second time', async () => {
    const before = await context.store.repositories.groupProposals.list({});
    expect(await loadDemoGroups(context)).toBeNull();
    expect(await context.store.repositories.groupProposals.list({})).toHaveLength(before.length);
  });
});
