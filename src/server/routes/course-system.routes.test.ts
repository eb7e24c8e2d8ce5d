import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  CollegeCourseDto,
  CourseSystemDetail,
  CoverageReportDto,
  PathwayResult,
  TrainingPlanDto,
} from '../../contracts/course-systems.js';
import type { ProposalDetailDto } from '../../contracts/groups.js';
import { findCjkFont } from '../../interchange/training-plan/write-training-plan-pdf.js';
import { testBackend } from '../../storage/test-database.js';
import { demoCourseListPath, findPackageRoot } from '../package-root.js';
import { ApiClient, startTestServer, type TestServer } from '../test-server.js';

interface ErrorBody {
  error: { code: string; message: string; details: { field?: string; file?: string; line?: number } };
}

let server: TestServer;
const clients: Record<string, ApiClient> = {};
const organisations: Record<string, string> = {};
const college = (key = 'college-a') => `/api/organisations/${organisations[key]}`;

const SPECIALTIES: Record<string, { nameZh: string; posts: string[] }> = {
  '510213': { nameZh: '移动应用开发', posts: ['ito-mobile-app-development', 'ito-industrial-software-development'] },
  '510203': { nameZh: '软件技术（软件测试方向）', posts: ['ito-industrial-software-testing'] },
  '510202': { nameZh: '计算机网络技术', posts: ['ito-cloud-operations', 'ito-information-system-operations'] },
};

function upload(client: ApiClient, path: string, body: Uint8Array | string) {
  return fetch(`${server.baseUrl}${path}`, {
    method: 'POST',
    headers: { cookie: client.cookie!, 'x-csrf-token': client.csrfToken!, 'content-type': 'application/octet-stream' },
    body: typeof body === 'string' ? body : new Blob([new Uint8Array(body)]),
  });
}

async function download(client: ApiClient, path: string) {
  const response = await fetch(`${server.baseUrl}${path}`, { headers: { cookie: client.cookie! } });
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    body: Buffer.from(await response.arrayBuffer()),
  };
}

let proposalId = '';
let groupId = '';
let groupName = { zh: '', en: '' };
let system: CourseSystemDetail;

beforeAll(async () => {
  server = await startTestServer({ catalogue: true });
  for (const organisation of server.dataset.organisations) {
    const found = await server.services.store.repositories.organisations.findByNameZh(organisation.nameZh);
    organisations[organisation.key] = found!.id;
  }
  for (const persona of [
    'director',
    'teacher',
    'student',
    'college-b-admin',
    'committee',
    'officer',
    'expert',
    'admin',
  ]) {
    const client = new ApiClient(server.baseUrl);
    expect((await client.login(`${persona}@demo.zerodock.local`)).status).toBe(200);
    clients[persona] = client;
  }
  for (const [code, specialty] of Object.entries(SPECIALTIES)) {
    expect((await clients.director!.request('PUT', `${college()}/specialties/${code}`, specialty)).status).toBe(200);
  }
  const created = await clients.director!.request<ProposalDetailDto>('POST', `${college()}/specialty-groups`, {
    titleZh: '课程体系测试方案',
    k: 1,
  });
  expect(created.status).toBe(201);
  proposalId = created.body.id;
  groupId = created.body.groups[0]!.id;
  groupName = created.body.groups[0]!.name;
});
afterAll(async () => {
  await server?.close();
});

describe(`course systems API on ${testBackend()}`, () => {
  it('builds a group’s course system and plans its semesters exactly, every invariant holding', async () => {
    const response = await clients.director!.request<CourseSystemDetail>('POST', `${college()}/course-systems`, {
      proposalId,
      groupId,
      semesters: 6,
      maxCredits: 30,
      practical: [6],
      publicCourses: [{ code: 'GG101', titleZh: '思想道德与法治', credits: 3, hours: 48, semester: 1 }],
    });
    expect(response.status).toBe(201);
    system = response.body;
    expect(system.violations).toEqual([]);
    expect(system.violationDetails).toEqual([]);
    // The group and the framework as people know them, never by their ids or keys.
    expect(system.groupName).toEqual(groupName);
    expect(system.titleZh).toBe(`${groupName.zh} 课程体系`);
    expect(system.frameworkLabel).toBe(system.framework.split('@')[1]);
    expect(system.frameworkTitleZh).toMatch(/\p{Script=Han}/u);
    expect(system.posts.map((post) => post.id).sort()).toEqual(
      [...new Set(Object.values(SPECIALTIES).flatMap((s) => s.posts))].sort(),
    );
    expect(system.platform.length).toBeGreaterThan(0);
    expect(system.plan.method).toBe('mip');
    expect(system.plan.gap).toBe(0);
    expect(system.plan.semesters[5]).toEqual([]);
    expect(system.plan.totalCredits[0]).toBeCloseTo(system.plan.credits[0]! + 3);
    expect(system.specialties.map((specialty) => specialty.code).sort()).toEqual(Object.keys(SPECIALTIES).sort());
    // Every post's essential competency is taught by the platform or its own modules.
    const platform = new Set(system.platform.flatMap((course) => course.competencies));
    for (const post of system.posts) {
      const own = new Set(
        system.modules.find((entry) => entry.post === post.id)!.courses.flatMap((c) => c.competencies),
      );
      for (const competency of post.competencies.filter((c) => c.essential))
        expect(platform.has(competency.id) || own.has(competency.id)).toBe(true);
    }
    const labels = new Map(system.competencies.map((competency) => [competency.id, competency.labelZh]));
    expect(labels.get('teamwork') ?? '团队合作').toBe('团队合作');
    const listed = await clients.student!.request<{ items: { id: string; groupName: unknown }[] }>(
      'GET',
      `${college()}/course-systems`,
    );
    expect(listed.body.items.map((item) => item.id)).toContain(system.id);
    expect(listed.body.items.find((item) => item.id === system.id)?.groupName).toEqual(groupName);
  });

  it('refuses impossible requests with the field at fault and stores nothing', async () => {
    const before = (await server.services.store.repositories.courseSystems.list(organisations['college-a']!)).length;
    const cases: [Record<string, unknown>, string, string][] = [
      [{ proposalId, groupId: 'g99' }, 'GROUP_NOT_FOUND', 'groupId'],
      [{ proposalId, groupId, semesters: 6, practical: [7] }, 'VALIDATION_FAILED', 'practical'],
      [{ proposalId, groupId, maxCredits: 1 }, 'VALIDATION_FAILED', 'maxCredits'],
      [{ proposalId, groupId, semesters: 1, practical: [] }, 'VALIDATION_FAILED', 'maxCredits'],
      [
        { proposalId, groupId, publicCourses: [{ code: 'X', titleZh: '体育', credits: 2, hours: 32, semester: 9 }] },
        'VALIDATION_FAILED',
        'publicCourses.0.semester',
      ],
    ];
    for (const [body, code, field] of cases) {
      const response = await clients.director!.request<ErrorBody>('POST', `${college()}/course-systems`, body);
      expect(response.status, JSON.stringify(body)).toBe(code === 'GROUP_NOT_FOUND' ? 400 : 400);
      expect(response.body.error.code).toBe(code);
      expect(response.body.error.details.field).toBe(field);
    }
    const unknown = await clients.director!.request<ErrorBody>('POST', `${college()}/course-systems`, {
      proposalId: '00000000-0000-4000-8000-000000000000',
      groupId: 'g1',
    });
    expect(unknown.status).toBe(404);
    expect((await server.services.store.repositories.courseSystems.list(organisations['college-a']!)).length).toBe(
      before,
    );
  });

  it('keeps course systems inside their college', async () => {
    const foreign = await clients['college-b-admin']!.request<ErrorBody>(
      'GET',
      `${college('college-b')}/course-systems/${system.id}`,
    );
    expect(foreign.status).toBe(404);
    expect(foreign.body.error.code).toBe('COURSE_SYSTEM_NOT_FOUND');
    expect((await clients['college-b-admin']!.request('GET', `${college()}/course-systems/${system.id}`)).status).toBe(
      403,
    );
    expect(
      (await clients.student!.request('POST', `${college()}/course-systems`, { proposalId, groupId })).status,
    ).toBe(403);
  });

  it('plans a student’s minimum-credit pathway, honouring attained levels, and checks a free choice', async () => {
    const post = system.posts.find((candidate) => candidate.id === 'ito-industrial-software-testing')!;
    const path = `${college()}/course-systems/${system.id}/pathway`;
    const fresh = await clients.student!.request<PathwayResult>('POST', path, { post: post.id });
    expect(fresh.status).toBe(200);
    expect(fresh.body.uncovered).toEqual([]);
    expect(fresh.body.courses.length).toBeGreaterThan(0);
    const essential = post.competencies.filter((competency) => competency.essential);
    expect(fresh.body.needed.length).toBe(essential.length);

    const all = await clients.student!.request<PathwayResult>('POST', path, {
      post: post.id,
      have: essential.map((competency) => ({ id: competency.id, level: competency.level })),
    });
    expect(all.body).toMatchObject({ courses: [], credits: 0, needed: [] });

    const low = essential[0]!;
    const below = await clients.student!.request<PathwayResult>('POST', path, {
      post: post.id,
      have: essential.map((competency) => ({
        id: competency.id,
        level: competency.id === low.id ? Math.max(1, low.level - 1) : competency.level,
      })),
    });
    if (low.level > 1) {
      expect(below.body.needed).toEqual([{ id: low.id, level: low.level }]);
      expect(below.body.credits).toBeGreaterThan(0);
    }

    const electives = system.electives.map((course) => course.id);
    const choice = await clients.student!.request<PathwayResult>('POST', path, { post: post.id, chosen: electives });
    expect(choice.body.choice!.uncovered.length).toBeGreaterThan(0);
    const bad = await clients.student!.request<ErrorBody>('POST', path, { post: 'bpo-hr-management' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.field).toBe('post');
    const unknownCourse = await clients.student!.request<ErrorBody>('POST', path, { post: post.id, chosen: ['nope'] });
    expect(unknownCourse.status).toBe(400);
  });

  it('plans the semesters again with other options, keeping the courses', async () => {
    const response = await clients.director!.request<CourseSystemDetail>(
      'POST',
      `${college()}/course-systems/${system.id}/plan`,
      // Library courses keep their credits (~145 for the five posts' platform, modules and electives together):
      // four teaching semesters need a cap of 40.
      { semesters: 5, maxCredits: 40, practical: [5] },
    );
    expect(response.status).toBe(200);
    expect(response.body.plan.semesters).toHaveLength(5);
    expect(response.body.violations).toEqual([]);
    expect(response.body.platform.map((course) => course.id)).toEqual(system.platform.map((course) => course.id));
    const impossible = await clients.director!.request<ErrorBody>(
      'POST',
      `${college()}/course-systems/${system.id}/plan`,
      { semesters: 2, maxCredits: 10, practical: [] },
    );
    expect(impossible.status).toBe(400);
    const after = await clients.director!.request<CourseSystemDetail>(
      'GET',
      `${college()}/course-systems/${system.id}`,
    );
    expect(after.body.plan.semesters).toHaveLength(5);
  });
});

describe(`course names on ${testBackend()}`, () => {
  it('lets teachers rename a course, keeps the name across re-plans, and gives the derived title back', async () => {
    const course = system.platform[0]!;
    const path = `${college()}/course-systems/${system.id}/courses/${course.id}/title`;
    const renamed = await clients.teacher!.request<CourseSystemDetail>('PUT', path, {
      titleZh: '专业群基础课程（校本）',
      titleEn: 'Group Foundations (college edition)',
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body.platform[0]).toMatchObject({
      titleZh: '专业群基础课程（校本）',
      titleEn: 'Group Foundations (college edition)',
      renamed: true,
    });
    // Chinese only: the English title stays as it is.
    const zhOnly = await clients.teacher!.request<CourseSystemDetail>('PUT', path, { titleZh: '专业群基础课程' });
    expect(zhOnly.body.platform[0]).toMatchObject({
      titleZh: '专业群基础课程',
      titleEn: 'Group Foundations (college edition)',
    });
    const replanned = await clients.director!.request<CourseSystemDetail>(
      'POST',
      `${college()}/course-systems/${system.id}/plan`,
      { semesters: system.semesters, maxCredits: system.maxCredits, practical: system.practical },
    );
    expect(replanned.status).toBe(200);
    expect(replanned.body.platform[0]).toMatchObject({ titleZh: '专业群基础课程', renamed: true });

    expect((await clients.student!.request('PUT', path, { titleZh: '学生改名' })).status).toBe(403);
    expect((await clients['college-b-admin']!.request('PUT', path, { titleZh: '他校改名' })).status).toBe(403);
    const unknown = await clients.teacher!.request<ErrorBody>(
      'PUT',
      `${college()}/course-systems/${system.id}/courses/X99/title`,
      { titleZh: '不存在' },
    );
    expect(unknown.status).toBe(404);
    expect((await clients.teacher!.request<ErrorBody>('PUT', path, { titleZh: '' })).status).toBe(400);

    const restored = await clients.teacher!.request<CourseSystemDetail>('DELETE', path);
    expect(restored.status).toBe(200);
    expect(restored.body.platform[0]).toMatchObject({ titleZh: course.titleZh, renamed: false });
  });
});

describe(`the college’s course list on ${testBackend()}`, () => {
  const importPath = (name: string) => `${college()}/courses/import?fileName=${encodeURIComponent(name)}`;

  it('imports the list, links each course to competencies, and reports coverage', async () => {
    const csv = await readFile(demoCourseListPath(findPackageRoot()));
    const response = await upload(clients.director!, importPath('courses.csv'), csv);
    expect(response.status).toBe(200);
    const result = (await response.json()) as { courses: number; suggestedLinks: number };
    expect(result.courses).toBe(17);
    expect(result.suggestedLinks).toBeGreaterThan(17);
    const list = await clients.teacher!.request<{ items: CollegeCourseDto[] }>('GET', `${college()}/courses`);
    const testing = list.body.items.find((course) => course.code === 'RJ301')!;
    expect(testing.links.map((link) => link.competencyId)).toEqual(
      expect.arrayContaining(['software-testing-fundamentals', 'test-case-design', 'defect-management']),
    );
    expect(testing.links.every((link) => link.status === 'suggested')).toBe(true);

    const coverage = await clients.teacher!.request<CoverageReportDto>(
      'GET',
      `${college()}/course-systems/${system.id}/coverage`,
    );
    expect(coverage.status).toBe(200);
    expect(coverage.body.coverage).toBeGreaterThan(0);
    expect(coverage.body.coverage).toBeLessThan(1);
    expect(coverage.body.retire.map((course) => course.code)).toContain('RJ401');
    expect(coverage.body.overlaps.some((overlap) => overlap.courses.length >= 2)).toBe(true);
    const confirmedOnly = await clients.teacher!.request<CoverageReportDto>(
      'GET',
      `${college()}/course-systems/${system.id}/coverage?links=confirmed`,
    );
    expect(confirmedOnly.body.coverage).toBe(0);
  });

  it('lets teachers confirm, reject and add links; a re-import keeps their decisions', async () => {
    const base = `${college()}/courses/RJ301/links`;
    expect((await clients.teacher!.request('PUT', `${base}/test-case-design`, { status: 'confirmed' })).status).toBe(
      200,
    );
    expect((await clients.teacher!.request('PUT', `${base}/defect-management`, { status: 'rejected' })).status).toBe(
      200,
    );
    const added = await clients.teacher!.request<{ items: CollegeCourseDto[] }>('PUT', `${base}/test-reporting`, {
      status: 'confirmed',
    });
    const links = added.body.items.find((course) => course.code === 'RJ301')!.links;
    expect(links.find((link) => link.competencyId === 'test-reporting')).toMatchObject({ status: 'confirmed' });
    const unknown = await clients.teacher!.request<ErrorBody>('PUT', `${base}/no-such-competency`, {
      status: 'confirmed',
    });
    expect(unknown.body.error.code).toBe('COMPETENCY_NOT_FOUND');
    const noCourse = await clients.teacher!.request<ErrorBody>('PUT', `${college()}/courses/NOPE/links/teamwork`, {
      status: 'confirmed',
    });
    expect(noCourse.status).toBe(404);
    expect((await clients.student!.request('PUT', `${base}/teamwork`, { status: 'confirmed' })).status).toBe(403);

    const csv = await readFile(demoCourseListPath(findPackageRoot()));
    const again = await upload(clients.director!, importPath('courses.csv'), csv);
    expect(((await again.json()) as { keptDecisions: number }).keptDecisions).toBe(3);
    const list = await clients.teacher!.request<{ items: CollegeCourseDto[] }>('GET', `${college()}/courses`);
    const statuses = Object.fromEntries(
      list.body.items.find((course) => course.code === 'RJ301')!.links.map((link) => [link.competencyId, link.status]),
    );
    expect(statuses).toMatchObject({
      'test-case-design': 'confirmed',
      'defect-management': 'rejected',
      'test-reporting': 'confirmed',
    });
  });

  it('refuses malformed and hostile lists with FILE:LINE:FIELD and keeps the old list whole', async () => {
    const header = '课程代码,课程名称,学分,学时,课程类型,课程描述';
    const bad: [string, string | Uint8Array, number, string][] = [
      ['dup.csv', `${header}\nA1,甲,2,32,专业核心课,x\nA1,乙,2,32,专业核心课,y`, 3, 'code'],
      ['type.csv', `${header}\nA1,甲,2,32,必修课,x`, 2, 'type'],
      ['credits.csv', `${header}\nA1,甲,二,32,专业核心课,x`, 2, 'credits'],
      ['hours.csv', `${header}\nA1,甲,2,-1,专业核心课,x`, 2, 'hours'],
      ['nocol.csv', '课程代码,课程名称,学分,学时,课程类型\nA1,甲,2,32,专业核心课', 1, 'description'],
      ['empty.csv', `${header}\n`, 2, '(row)'],
      ['garbage.xlsx', new Uint8Array([0x50, 0x4b, 3, 4, 0, 1, 2, 3, 4, 5]), 0, '(file)'],
      ['quote.csv', `${header}\nA1,"甲,2,32,专业核心课,x`, 2, '(row)'],
    ];
    for (const [name, body, line, field] of bad) {
      const response = await upload(clients.director!, importPath(name), body);
      const error = ((await response.json()) as ErrorBody).error;
      expect(response.status, name).toBe(400);
      expect(error.code, name).toBe('IMPORT_FAILED');
      expect(error.details, name).toMatchObject({ file: name, line, field });
      expect(error.message, name).toContain(`${name}:${line}:${field}`);
    }
    const wrongType = await upload(clients.director!, importPath('courses.pdf'), 'x');
    expect(wrongType.status).toBe(400);
    const list = await clients.teacher!.request<{ items: CollegeCourseDto[] }>('GET', `${college()}/courses`);
    expect(list.body.items).toHaveLength(17);
  });

  it('reads XLSX course lists and strips markup from descriptions', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('课程');
    sheet.addRow(['课程代码', '课程名称', '学分', '学时', '课程类型', '课程描述']);
    sheet.addRow(['X1', '接口测试实务', 2, 32, '专业核心课', '<script>alert(1)</script><b>接口测试</b>与性能测试']);
    const body = new Uint8Array(await workbook.xlsx.writeBuffer());
    const other = new ApiClient(server.baseUrl);
    await other.login('college-b-admin@demo.zerodock.local');
    const response = await upload(other, `${college('college-b')}/courses/import?fileName=list.xlsx`, body);
    expect(response.status).toBe(200);
    const list = await other.request<{ items: CollegeCourseDto[] }>('GET', `${college('college-b')}/courses`);
    expect(list.body.items[0]!.description).toBe('接口测试与性能测试');
    expect(list.body.items[0]!.links.map((link) => link.competencyId)).toEqual(
      expect.arrayContaining(['api-testing', 'performance-testing']),
    );
    // College A's list is untouched by College B's import.
    const own = await clients.teacher!.request<{ items: CollegeCourseDto[] }>('GET', `${college()}/courses`);
    expect(own.body.items).toHaveLength(17);
  });
});

describe(`Talent Training Plans on ${testBackend()}`, () => {
  let plan: TrainingPlanDto;
  const base = () => `${college()}/training-plans/${plan.id}`;

  it('drafts a specialty’s plan in the sections of the national template, filled from the data', async () => {
    const response = await clients.director!.request<TrainingPlanDto>('POST', `${college()}/training-plans`, {
      courseSystemId: system.id,
      specialtyCode: '510203',
    });
    expect(response.status).toBe(201);
    plan = response.body;
    const sections = plan.versions[0]!.sections;
    expect(sections.map((section) => section.titleZh)).toEqual([
      '专业名称及代码',
      '入学要求',
      '修业年限',
      '职业面向',
      '培养目标与培养规格',
      '课程设置及要求',
      '教学进程总体安排',
      '实施保障',
      '毕业要求',
    ]);
    expect(sections[0]!.text).toContain('510203');
    const orientation = sections.find((section) => section.key === 'orientation')!.tables[0]!;
    expect(orientation.rows[0]![0]).toContain('（51）');
    expect(orientation.rows[0]![2]).toContain('软件和信息技术服务业');
    expect(orientation.rows[0]![4]).toContain('工业软件测试');
    const courses = sections.find((section) => section.key === 'curriculum')!.tables[0]!;
    const current = (
      await clients.director!.request<CourseSystemDetail>('GET', `${college()}/course-systems/${system.id}`)
    ).body;
    const ids = new Set([
      ...current.platform.map((course) => course.id),
      ...current.modules.flatMap((entry) => entry.courses.map((course) => course.id)),
      ...current.electives.map((course) => course.id),
      ...current.publicCourses.map((course) => course.code),
    ]);
    // Every course of the course system, the 岗位实习 the platform adds (24 weeks) and, when the college declares
    // none, 军事技能.
    const military = current.publicCourses.some((course) => /军事技能|军训/u.test(course.titleZh)) ? [] : ['JSJN'];
    expect(courses.rows.map((row) => row[0]).sort()).toEqual([...ids, 'GWSX', ...military].sort());
    expect(plan.versions[0]!.status).toBe('draft');
    // The rules of 教职成〔2019〕13号, checked on the draft: its text states the tables' sums; the college still
    // fills in what only it knows.
    const rules = plan.versions[0]!.rules!;
    expect(rules.map((rule) => rule.id)).toEqual([
      'total-hours',
      'public-share',
      'elective-share',
      'practice-share',
      'internship',
      'hours-per-credit',
      'text-sums',
      'college-fill',
    ]);
    expect(rules.find((rule) => rule.id === 'text-sums')!.passed).toBe(true);
    expect(rules.find((rule) => rule.id === 'internship')).toMatchObject({
      passed: true,
      actualEn: '24 weeks, 24 credits, 576 hours',
    });
    expect(rules.find((rule) => rule.id === 'college-fill')!.passed).toBe(false);
    expect(orientation.rows[0]![1]).toBe('计算机类（5102）');
    const duplicate = await clients.director!.request<ErrorBody>('POST', `${college()}/training-plans`, {
      courseSystemId: system.id,
      specialtyCode: '510203',
    });
    expect(duplicate.status).toBe(409);
    const notInGroup = await clients.director!.request<ErrorBody>('POST', `${college()}/training-plans`, {
      courseSystemId: system.id,
      specialtyCode: '590101',
    });
    expect(notInGroup.body.error.details.field).toBe('specialtyCode');
  });

  it('edits the draft, has the committee approve it by vote (immutable from then on) and starts the next version', async () => {
    const edited = await clients.teacher!.request<TrainingPlanDto>('PUT', `${base()}/draft`, {
      sections: [{ key: 'admission', text: '普通高级中学毕业或具备同等学力；面向中职贯通培养学生。' }],
      note: '教研室修改入学要求',
    });
    expect(edited.status).toBe(200);
    expect(edited.body.versions[0]!.sections.find((s) => s.key === 'admission')!.text).toContain('贯通');
    // A sum typed into the text that the tables contradict is caught on save (the seen 97 ≠ 48 + 8).
    const graduation = edited.body.versions[0]!.sections.find((s) => s.key === 'graduation')!.text;
    const wrong = await clients.teacher!.request<TrainingPlanDto>('PUT', `${base()}/draft`, {
      sections: [{ key: 'graduation', text: '修满本方案规定的97学分，其中必修课48学分，选修课不少于8学分。' }],
    });
    const sums = wrong.body.versions[0]!.rules!.find((rule) => rule.id === 'text-sums')!;
    expect(sums.passed).toBe(false);
    expect(sums.explanationZh).toContain('必修48 + 选修8 ≠ 97学分');
    const restored = await clients.teacher!.request<TrainingPlanDto>('PUT', `${base()}/draft`, {
      sections: [{ key: 'graduation', text: graduation }],
    });
    expect(restored.body.versions[0]!.rules!.find((rule) => rule.id === 'text-sums')!.passed).toBe(true);
    expect((await clients.teacher!.request('POST', `${base()}/submit`)).status).toBe(403);
    const submitted = await clients.director!.request<TrainingPlanDto>('POST', `${base()}/submit`);
    expect(submitted.status).toBe(200);
    expect(submitted.body.versions[0]).toMatchObject({ status: 'draft', submittedAt: expect.any(String) });
    expect(submitted.body.review).toMatchObject({ round: 1, outcome: 'pending', whyNot: 'author' });
    const frozen = await clients.teacher!.request<ErrorBody>('PUT', `${base()}/draft`, {
      sections: [{ key: 'admission', text: '审议中改动' }],
    });
    expect(frozen.status).toBe(409);
    expect(frozen.body.error.code).toBe('PLAN_VERSION_NOT_EDITABLE');

    const committeePath = `/api/committee/training-plans/${plan.id}`;
    const vote = (persona: string, choice: string) =>
      clients[persona]!.request<TrainingPlanDto & ErrorBody>('POST', `${committeePath}/votes`, { choice, comment: '' });
    // The director takes it back before the committee decides: editable again, the round's vote stays on record,
    // nobody votes on a withdrawn version, and submitting again opens round 2.
    expect((await vote('officer', 'reject')).status).toBe(200);
    expect((await clients.teacher!.request('POST', `${base()}/withdraw`)).status).toBe(403);
    const withdrawn = await clients.director!.request<TrainingPlanDto>('POST', `${base()}/withdraw`);
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.versions[0]).toMatchObject({ status: 'draft', submittedAt: null });
    expect(withdrawn.body.review).toMatchObject({ round: 1, outcome: 'withdrawn', reject: 1 });
    const closed = await vote('committee', 'approve');
    expect(closed.status).toBe(409);
    expect(closed.body.error.code).toBe('VOTING_CLOSED');
    expect((await clients.director!.request<ErrorBody>('POST', `${base()}/withdraw`)).status).toBe(409);
    const again = await clients.director!.request<TrainingPlanDto>('POST', `${base()}/submit`, {});
    expect(again.status).toBe(200);
    expect(again.body.review).toMatchObject({ round: 2, outcome: 'pending', reject: 0 });
    // The director sits on the committee but wrote the plan's college: refused; platform admins have no seat.
    const own = await vote('director', 'approve');
    expect(own.status).toBe(403);
    expect(own.body.error.code).toBe('CONFLICT_OF_INTEREST');
    expect((await vote('admin', 'approve')).status).toBe(403);
    expect((await vote('teacher', 'approve')).status).toBe(403);
    const before = await clients.committee!.request<{ items: { id: string; underReview: boolean }[] }>(
      'GET',
      '/api/committee/training-plans',
    );
    expect(before.body.items.find((item) => item.id === plan.id)).toMatchObject({ underReview: true });
    expect((await vote('committee', 'approve')).body.versions[0]!.status).toBe('draft');
    expect((await vote('officer', 'abstain')).body.versions[0]!.status).toBe('draft');
    const decided = await vote('expert', 'approve');
    expect(decided.status).toBe(200);
    expect(decided.body.versions[0]).toMatchObject({ status: 'approved', number: 1 });
    expect(decided.body.versions[0]!.approvedByName).toContain('委员会');
    expect(decided.body.review).toMatchObject({ approve: 2, abstain: 1, outcome: 'approved', mayVote: false });
    expect((await vote('officer', 'reject')).status).toBe(409);
    const late = await clients.teacher!.request<ErrorBody>('PUT', `${base()}/draft`, {
      sections: [{ key: 'admission', text: '改动' }],
    });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('PLAN_VERSION_NOT_EDITABLE');
    expect((await clients.director!.request('POST', `${base()}/submit`)).status).toBe(409);
    const next = await clients.director!.request<TrainingPlanDto>('POST', `${base()}/versions`, { refresh: true });
    expect(next.body.versions.map((version) => [version.number, version.status])).toEqual([
      [1, 'approved'],
      [2, 'draft'],
    ]);
    expect(next.body.versions[1]!.sections.find((s) => s.key === 'admission')!.text).toContain('贯通');
    expect((await clients.director!.request('POST', `${base()}/versions`, { refresh: false })).status).toBe(409);
    const listed = await clients.teacher!.request<{ items: { id: string; latest: { number: number } }[] }>(
      'GET',
      `${college()}/training-plans`,
    );
    expect(listed.body.items.find((item) => item.id === plan.id)!.latest.number).toBe(2);
  });

  it('exports a version as DOCX, XLSX and PDF that parse back', async () => {
    const docx = await download(clients.teacher!, `${base()}/versions/1/export?format=docx`);
    expect(docx.status).toBe(200);
    expect(docx.type).toContain('wordprocessingml');
    const xml = await (await JSZip.loadAsync(docx.body)).file('word/document.xml')!.async('string');
    for (const title of ['专业名称及代码', '职业面向', '教学进程总体安排', '毕业要求', '贯通'])
      expect(xml).toContain(title);
    expect(xml).toContain('w:eastAsia="宋体"');
    // The 教学进程表 on a landscape page, the rules in the 附录.
    expect(xml).toMatch(/<w:pgSz [^>]*w:orient="landscape"/);
    expect(xml).toContain('附录  规则核验');
    expect(xml).toContain('三年制高职总学时');

    const xlsx = await download(clients.teacher!, `${base()}/versions/1/export?format=xlsx`);
    expect(xlsx.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.body as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(
      expect.arrayContaining(['方案', '职业面向', '课程设置']),
    );
    expect(workbook.getWorksheet('课程设置')!.rowCount).toBe(
      1 + plan.versions[0]!.sections.find((s) => s.key === 'curriculum')!.tables[0]!.rows.length,
    );

    const pdf = await download(clients.teacher!, `${base()}/versions/1/export?format=pdf`);
    if (findCjkFont()) {
      expect(pdf.status).toBe(200);
      expect(pdf.type).toBe('application/pdf');
      expect(pdf.body.subarray(0, 5).toString()).toBe('%PDF-');
      expect(pdf.body.length).toBeGreaterThan(10_000);
    } else {
      // No CJK font on this machine: refused, not printed as empty boxes.
      expect(pdf.status).toBe(503);
    }

    const missing = await clients.teacher!.request<ErrorBody>('GET', `${base()}/versions/9/export?format=pdf`);
    expect(missing.status).toBe(404);
    const badFormat = await clients.teacher!.request<ErrorBody>('GET', `${base()}/versions/1/export?format=odt`);
    expect(badFormat.status).toBe(400);
    expect(
      (await clients['college-b-admin']!.request('GET', `${college('college-b')}/training-plans/${plan.id}`)).status,
    ).toBe(404);
  });
});
