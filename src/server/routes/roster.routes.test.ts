import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  ClassDetail,
  RosterApplyResult,
  RosterEntry,
  RosterImport,
  RosterImportDetail,
} from '../../contracts/rosters.js';
import { generateRoster, rosterCells } from '../../interchange/rosters/generate-roster.js';
import { writeRosterTable } from '../../interchange/rosters/write-roster-table.js';
import { testBackend } from '../../storage/test-database.js';
import { ApiClient, startTestServer, type TestServer } from '../test-server.js';

interface ErrorBody {
  error: {
    code: string;
    message: string;
    details: { field?: string; file?: string; line?: number; problems?: { line: number; field: string }[] };
  };
}

let server: TestServer;
const clients: Record<string, ApiClient> = {};
const organisations: Record<string, string> = {};
const org = (key = 'college-a') => `/api/organisations/${organisations[key]}`;

const students = generateRoster({ kind: 'student', count: 120, seed: 5 });

async function csv(rows = students, kind: 'student' | 'teacher' | 'engineer' = 'student'): Promise<Buffer> {
  const table = rosterCells(kind, rows);
  return writeRosterTable(table.headers, table.rows, 'csv');
}

function upload(client: ApiClient, path: string, body: Uint8Array | string) {
  return fetch(`${server.baseUrl}${path}`, {
    method: 'POST',
    headers: { cookie: client.cookie!, 'x-csrf-token': client.csrfToken!, 'content-type': 'application/octet-stream' },
    body: typeof body === 'string' ? body : new Blob([new Uint8Array(body)]),
  });
}

async function preview(client: ApiClient, body: Uint8Array | string, fileName = 'students.csv', key = 'college-a') {
  const response = await upload(client, `${org(key)}/rosters/student/preview?fileName=${fileName}`, body);
  return { status: response.status, body: (await response.json()) as RosterImport & ErrorBody };
}

/** What a refusal must leave as it was: entries, imports, people. */
async function footprint() {
  const count = async (table: string) =>
    (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(server.database.db)).rows[0]!
      .n;
  return {
    entries: await count('roster_entries'),
    imports: await count('roster_imports'),
    people: await count('people'),
    classes: await count('classes'),
  };
}

beforeAll(async () => {
  server = await startTestServer();
  for (const organisation of server.dataset.organisations) {
    const found = await server.services.store.repositories.organisations.findByNameZh(organisation.nameZh);
    organisations[organisation.key] = found!.id;
  }
  for (const persona of ['college-admin', 'college-b-admin', 'teacher', 'enterprise-admin', 'student']) {
    const client = new ApiClient(server.baseUrl);
    expect((await client.login(`${persona}@demo.zerodock.local`)).status).toBe(200);
    clients[persona] = client;
  }
});
afterAll(async () => {
  await server?.close();
});

describe(`roster routes on ${testBackend()}`, () => {
  it('previews an upload as a diff, pages its sections, and applies it', async () => {
    const admin = clients['college-admin']!;
    const previewed = await preview(admin, await csv());
    expect(previewed.status).toBe(200);
    expect(previewed.body.counts).toMatchObject({ new: 120, changed: 0, left: 0 });
    const section = await admin.request<RosterImportDetail>(
      'GET',
      `${org()}/roster-imports/${previewed.body.id}?section=new&limit=10&offset=100`,
    );
    expect(section.body.entries.total).toBe(120);
    expect(section.body.entries.items).toHaveLength(10);
    expect(section.body.entries.items[0]!.line).toBe(102);
    // Another college's admin cannot see the import (404, not 403: the id does not exist there).
    const foreign = await clients['college-b-admin']!.request<ErrorBody>(
      'GET',
      `${org('college-b')}/roster-imports/${previewed.body.id}`,
    );
    expect(foreign.status).toBe(404);
    const foreignApply = await clients['college-b-admin']!.request<ErrorBody>(
      'POST',
      `${org('college-b')}/roster-imports/${previewed.body.id}/apply`,
      { markLeft: false },
    );
    expect(foreignApply.status).toBe(404);

    const applied = await admin.request<RosterApplyResult>(
      'POST',
      `${org()}/roster-imports/${previewed.body.id}/apply`,
      { markLeft: false },
    );
    expect(applied.status).toBe(200);
    expect(applied.body).toMatchObject({ created: 120, updated: 0 });
    const again = await admin.request<ErrorBody>('POST', `${org()}/roster-imports/${previewed.body.id}/apply`, {
      markLeft: false,
    });
    expect(again.body.error.code).toBe('ROSTER_IMPORT_CLOSED');

    // A teacher reads the roster masked; the admin reads it whole and exports it (audited).
    const masked = await clients.teacher!.request<{ items: RosterEntry[] }>(
      'GET',
      `${org()}/roster?kind=student&limit=200`,
    );
    const withPhone = masked.body.items.find((entry) => entry.phone !== null)!;
    expect(withPhone.masked).toBe(true);
    expect(withPhone.phone).toContain('****');
    const exported = await fetch(`${server.baseUrl}${org()}/roster/export?kind=student&format=csv`, {
      headers: { cookie: admin.cookie! },
    });
    expect(exported.status).toBe(200);
    const text = await exported.text();
    expect(text).toContain(students[0]!.externalId);
    expect(text).toContain(students.find((row) => row.phone !== null)!.phone);
    const teacherExport = await clients.teacher!.request('GET', `${org()}/roster/export?kind=student`);
    expect(teacherExport.status).toBe(403);
    const audit = await admin.request<{ items: { action: string }[] }>(
      'GET',
      `/api/audit-events?organisationId=${organisations['college-a']}&limit=20`,
    );
    expect(audit.body.items.map((event) => event.action)).toEqual(
      expect.arrayContaining(['roster.previewed', 'roster.applied', 'roster.exported']),
    );

    // Classes, cohorts and departments came with the file; a class lists its students.
    const classes = await clients.teacher!.request<{ items: { id: string; students: number }[]; total: number }>(
      'GET',
      `${org()}/classes?limit=200`,
    );
    expect(classes.body.items.reduce((sum, item) => sum + item.students, 0)).toBe(120);
    const detail = await clients.teacher!.request<ClassDetail>('GET', `${org()}/classes/${classes.body.items[0]!.id}`);
    expect(detail.body.studentsList.length).toBe(detail.body.students);
    expect(
      (await clients['college-b-admin']!.request('GET', `${org('college-b')}/classes/${detail.body.id}`)).status,
    ).toBe(404);
    const departments = await clients.teacher!.request<{ items: { nameZh: string }[] }>('GET', `${org()}/departments`);
    expect(departments.body.items.map((node) => node.nameZh).sort()).toEqual([
      '信息工程学院',
      '数字商务学院',
      '智能技术学院',
    ]);
  });

  it('refuses hostile and malformed files with FILE:LINE:FIELD, writing nothing', async () => {
    const admin = clients['college-admin']!;
    const before = await footprint();
    const header = '学号,姓名,专业代码,专业名称,班级,年级,学制';
    const cases: { name: string; body: string | Buffer; code: string; line?: number; field?: string }[] = [
      {
        name: 'duplicate.csv',
        body: `${header}\nX1,张三,510213,移动,移动9901,2024,3\nX1,李四,510213,移动,移动9901,2024,3\n`,
        code: 'ROSTER_FILE_INVALID',
        line: 3,
        field: 'externalId',
      },
      {
        name: 'no-specialty.csv',
        body: `${header}\nX2,张三,,,移动9902,2024,3\n`,
        code: 'ROSTER_FILE_INVALID',
        line: 2,
        field: 'specialtyCode',
      },
      { name: 'headers.csv', body: '工号,姓名,院系\nT1,张三,信息\n', code: 'ROSTER_FILE_INVALID', line: 1 },
      { name: 'broken.xlsx', body: 'PK\u0003\u0004 this is not a workbook', code: 'IMPORT_FAILED' },
      {
        name: 'formula.csv',
        body: `${header}\nX3,=cmd|' /C calc'!A0,510213,移动,移动9903,2024,3\n`,
        code: 'ROSTER_FILE_INVALID',
        field: 'name',
      },
      { name: 'notes.txt', body: 'hello', code: 'VALIDATION_FAILED' },
    ];
    for (const item of cases) {
      const response = await preview(admin, item.body, item.name);
      expect(response.status, item.name).toBe(400);
      expect(response.body.error.code, item.name).toBe(item.code);
      if (item.line !== undefined) expect(response.body.error.details.line, item.name).toBe(item.line);
      if (item.field !== undefined) expect(response.body.error.details.field, item.name).toBe(item.field);
      if (item.code !== 'VALIDATION_FAILED') expect(response.body.error.message, item.name).toContain(item.name);
    }
    // An empty body is no file at all.
    const empty = await preview(admin, '', 'empty.csv');
    expect(empty.status).toBe(400);
    // A header-only file is refused as having no people.
    expect((await preview(admin, `${header}\n`, 'header-only.csv')).body.error.code).toBe('ROSTER_FILE_INVALID');
    // Over the size limit: 413 before the file is read.
    const huge = await preview(admin, Buffer.alloc(33 * 1024 * 1024, 0x41), 'huge.csv');
    expect(huge.status).toBe(413);

    // A 学号 held by a student of another college: ROSTER_ID_TAKEN, naming the line.
    const bAdmin = clients['college-b-admin']!;
    const theirs = await preview(bAdmin, await csv(students.slice(0, 2)), 'theirs.csv', 'college-b');
    expect(theirs.status).toBe(409);
    expect(theirs.body.error.code).toBe('ROSTER_ID_TAKEN');
    expect(theirs.body.error.details).toMatchObject({ line: 2, field: 'externalId', file: 'theirs.csv' });

    // An enterprise imports engineers only.
    const wrongKind = await upload(
      clients['enterprise-admin']!,
      `${org('manufacturer')}/rosters/student/preview?fileName=s.csv`,
      await csv(),
    );
    expect(wrongKind.status).toBe(400);
    expect(((await wrongKind.json()) as ErrorBody).error.details.field).toBe('kind');

    expect(await footprint()).toEqual(before);
    expect(server.uploads.pending).toBe(0);
  });

  it('lets an enterprise import its engineers and a college its teachers (English headers)', async () => {
    const engineers = generateRoster({ kind: 'engineer', count: 8, seed: 2 });
    const response = await upload(
      clients['enterprise-admin']!,
      `${org('manufacturer')}/rosters/engineer/preview?fileName=engineers.csv`,
      await csv(engineers, 'engineer'),
    );
    const body = (await response.json()) as RosterImport;
    expect(response.status).toBe(200);
    expect(body.counts.new).toBe(8);
    const applied = await clients['enterprise-admin']!.request<RosterApplyResult>(
      'POST',
      `${org('manufacturer')}/roster-imports/${body.id}/apply`,
      { markLeft: false },
    );
    expect(applied.body.created).toBe(8);
    const template = await fetch(`${server.baseUrl}${org()}/rosters/teacher/template?lang=en&format=csv`, {
      headers: { cookie: clients['college-admin']!.cookie! },
    });
    expect(template.status).toBe(200);
    const text = await template.text();
    expect(text.split('\r\n')[0]).toBe('Staff ID,Name,Gender,Department,Title,Double-qualified,Mobile,E-mail');
    const teacherPreview = await upload(
      clients['college-admin']!,
      `${org()}/rosters/teacher/preview?fileName=teachers.csv`,
      text,
    );
    expect(teacherPreview.status).toBe(200);
    const discard = await clients['college-admin']!.request(
      'DELETE',
      `${org()}/roster-imports/${((await teacherPreview.json()) as RosterImport).id}`,
    );
    expect(discard.status).toBe(200);
  });

  it('keeps the department tree acyclic over HTTP', async () => {
    const admin = clients['college-admin']!;
    const created = await admin.request<{ items: { id: string; nameZh: string }[] }>('POST', `${org()}/departments`, {
      nameZh: '继续教育学院',
      nameEn: 'School of Continuing Education',
    });
    expect(created.status).toBe(200);
    const parent = created.body.items.find((node) => node.nameZh === '继续教育学院')!;
    const child = await admin.request<{ items: { id: string; children: { id: string }[] }[] }>(
      'POST',
      `${org()}/departments`,
      { nameZh: '培训部', parentId: parent.id },
    );
    const childId = child.body.items.find((node) => node.id === parent.id)!.children[0]!.id;
    const cycle = await admin.request<ErrorBody>('PATCH', `${org()}/departments/${parent.id}`, { parentId: childId });
    expect(cycle.body.error.code).toBe('DEPARTMENT_CYCLE');
    const inUse = await admin.request<ErrorBody>('DELETE', `${org()}/departments/${parent.id}`);
    expect(inUse.body.error.code).toBe('DEPARTMENT_IN_USE');
    expect((await admin.request('DELETE', `${org()}/departments/${childId}`)).status).toBe(200);
    expect((await admin.request('DELETE', `${org()}/departments/${parent.id}`)).status).toBe(200);
  });
});
