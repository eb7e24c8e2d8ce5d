import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateRoster, rosterCells } from './generate-roster.js';
import { readRosterFile } from './read-roster-file.js';
import { writeRosterTable } from './write-roster-table.js';

describe('generateRoster', () => {
  it('is deterministic and round-trips through XLSX and CSV as a valid roster', async () => {
    const rows = generateRoster({ kind: 'student', count: 500, seed: 7 });
    expect(generateRoster({ kind: 'student', count: 500, seed: 7 })).toEqual(rows);
    expect(new Set(rows.map((row) => row.externalId)).size).toBe(500);
    const dir = await mkdtemp(join(tmpdir(), 'roster-'));
    try {
      const { headers, rows: cells } = rosterCells('student', rows);
      for (const format of ['xlsx', 'csv'] as const) {
        const path = join(dir, `students.${format}`);
        await writeFile(path, await writeRosterTable(headers, cells, format));
        const read = await readRosterFile(path, 'student');
        expect(read.rows.map(({ line: _line, ...row }) => row)).toEqual(rows);
      }
      const teachers = generateRoster({ kind: 'teacher', count: 30, seed: 1 });
      const path = join(dir, 'teachers.csv');
      const table = rosterCells('teacher', teachers, 'en');
      await writeFile(path, await writeRosterTable(table.headers, table.rows, 'csv'));
      expect((await readRosterFile(path, 'teacher')).rows).toHaveLength(30);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses a file with every problem named FILE:LINE:FIELD', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'roster-'));
    try {
      const path = join(dir, 'bad.csv');
      await writeFile(
        path,
        '学号,姓名,专业代码,专业名称,班级,年级,学制\nS1,张三,510213,移动,移动2401,2024,3\nS1,李四,,,移动2402,2024,3\n',
      );
      await expect(readRosterFile(path, 'student')).rejects.toMatchObject({
        code: 'ROSTER_FILE_INVALID',
        message: expect.stringContaining('bad.csv:3:externalId') as string,
        details: {
          problems: expect.arrayContaining([expect.objectContaining({ line: 3, field: 'specialtyCode' })]) as unknown,
        },
      });
      await writeFile(path, '');
      await expect(readRosterFile(path, 'student')).rejects.toMatchObject({ code: 'ROSTER_FILE_INVALID' });
      const broken = join(dir, 'broken.xlsx');
      await writeFile(broken, 'PK not really a zip');
      await expect(readRosterFile(broken, 'student')).rejects.toMatchObject({ code: 'IMPORT_FAILED' });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
