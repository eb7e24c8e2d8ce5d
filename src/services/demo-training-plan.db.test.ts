import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCourseList } from '../interchange/courses/read-course-list.js';
import { curatedCatalogueDir } from '../interchange/shared-data.js';
import { findCjkFont } from '../interchange/training-plan/write-training-plan-pdf.js';
import type { DatabaseHandle } from '../storage/create-database.js';
import { createStore } from '../storage/repositories/create-repositories.js';
import { openTestDatabase } from '../storage/test-database.js';
import { argon2PasswordHasher } from './argon2-password-hasher.js';
import { loadDemoCourses } from './demo-courses.js';
import { DEMO_COLLEGE, loadDemoGroups } from './demo-groups.js';
import { loadDemoPostings } from './demo-postings.js';
import { loadDemoDataset, readDemoDataset } from './demo-service.js';
import type { ServiceContext } from './service-context.js';
import { ensureCuratedCatalogue } from './taxonomy-source-import.js';
import { exportTrainingPlan, getTrainingPlan } from './training-plan-service.js';

let database: DatabaseHandle;
let context: ServiceContext;
let collegeId = '';

beforeAll(async () => {
  database = await openTestDatabase();
  context = { store: createStore(database.db), clock: () => new Date(), passwords: argon2PasswordHasher };
  await loadDemoDataset(
    context,
    readDemoDataset(fileURLToPath(new URL('../../data/demo/demo-dataset.json', import.meta.url))),
  );
  await ensureCuratedCatalogue(context, curatedCatalogueDir());
  await loadDemoPostings(context, 600);
  await loadDemoGroups(context);
  const courses = await readCourseList(fileURLToPath(new URL('../../data/demo/demo-courses.csv', import.meta.url)));
  expect(await loadDemoCourses(context, courses)).not.toBeNull();
  collegeId = (await context.store.repositories.organisations.findByNameZh(DEMO_COLLEGE))!.id;
}, 300_000);
afterAll(async () => {
  await database?.close();
});

describe("the demo college's draft Talent Training Plan", () => {
  it('passes every rule of 教职成〔2019〕13号 the platform decides, and names what the college must fill in', async () => {
    const [summary] = await context.store.repositories.trainingPlans.list(collegeId);
    const plan = await getTrainingPlan(context, collegeId, summary!.id);
    const rules = plan.versions.at(-1)!.rules!;
    const failed = rules.filter((rule) => !rule.passed);
    expect(failed.map((rule) => `${rule.id}: ${rule.actualZh} — ${rule.explanationZh}`)).toEqual([
      expect.stringMatching(/^college-fill: 3处待填写/),
    ]);
    const sections = plan.versions.at(-1)!.sections;
    const orientation = sections.find((section) => section.key === 'orientation')!;
    // Names, not bare codes: 所属专业类 计算机类（5102）, the 大典 titles, the 1+X certificate of the testing post.
    expect(orientation.tables[0]!.rows[0]![0]).toBe('电子与信息大类（51）');
    expect(orientation.tables[0]!.rows[0]![1]).toBe('计算机类（5102）');
    expect(orientation.tables[0]!.rows[0]![3]).toContain('软件和信息技术服务人员（4-04-05）');
    expect(orientation.tables[0]!.rows[0]![5]).toContain('软件测试');

    if (findCjkFont() !== null) {
      const exported = await exportTrainingPlan(context, collegeId, plan.id, 1, 'pdf');
      expect(exported.body.subarray(0, 5).toString()).toBe('%PDF-');
      // Kept for a person to look at (pdftoppm) when asked to.
      if (process.env.ZERODOCK_PLAN_PDF) await writeFile(process.env.ZERODOCK_PLAN_PDF, exported.body);
    }
  });
});
