import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDemandDeclarations } from './read-demand-declarations.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'zerodock-declarations-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function write(name: string, content: string | Buffer): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

describe('readDemandDeclarations', () => {
  it('reads an XLSX with Chinese headers', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('需求');
    sheet.addRow(['企业', '岗位', '人数', '年份', '省份', '城市', '备注']);
    sheet.addRow(['无锡恒信软件有限公司', 'ito-cloud-operations', 12, 2025, '江苏', '无锡', '扩建数据中心']);
    sheet.addRow(['Acme', 'bpo-hr-management', '3', '2026年', '', '', '']);
    const path = join(dir, 'ok.xlsx');
    await book.xlsx.writeFile(path);
    expect((await readDemandDeclarations(path)).map(({ record }) => record)).toEqual([
      {
        enterprise: '无锡恒信软件有限公司',
        postId: 'ito-cloud-operations',
        headcount: 12,
        year: 2025,
        province: '江苏省',
        city: '无锡市',
        note: '扩建数据中心',
      },
      {
        enterprise: 'Acme',
        postId: 'bpo-hr-management',
        headcount: 3,
        year: 2026,
        province: null,
        city: null,
        note: null,
      },
    ]);
  });

  it('reads a CSV with a region column', async () => {
    const path = await write('ok.csv', 'enterprise,post,headcount,year,region\nA,p1,"1,200",2024,江苏省无锡市\n');
    const [first] = await readDemandDeclarations(path);
    expect(first?.line).toBe(2);
    expect(first?.record).toMatchObject({ headcount: 1200, province: '江苏省', city: '无锡市' });
  });

  it('fails on the first bad value with FILE:LINE:FIELD', async () => {
    const header = 'enterprise,post,headcount,year\n';
    const cases: [string, string][] = [
      ['A,p1,0,2024', 'zero.csv:2:headcount: "0" is not a whole number from 1 to 100,000'],
      ['A,p1,2.5,2024', 'zero.csv:2:headcount: "2.5" is not a whole number'],
      ['A,p1,100001,2024', 'zero.csv:2:headcount: "100001" is not a whole number'],
      ['A,p1,5,1999', 'zero.csv:2:year: "1999" is not a whole number from 2000 to 2100'],
      [',p1,5,2024', 'zero.csv:2:enterprise: the enterprise is empty'],
      ['A,p1,5,2024\nA,p1,6,2024', 'zero.csv:3:post: A already declares p1 for 2024 here on line 2'],
    ];
    for (const [row, message] of cases) {
      await write('zero.csv', `${header}${row}\n`);
      await expect(readDemandDeclarations(join(dir, 'zero.csv'))).rejects.toThrow(message);
    }
    const [own] = await readDemandDeclarations(await write('own.csv', '岗位,人数,年份\np1,3,2026\n'));
    expect(own?.record.enterprise).toBe('');
    await write('cols.csv', 'enterprise,post,year\nA,p1,2024\n');
    await expect(readDemandDeclarations(join(dir, 'cols.csv'))).rejects.toThrow(
      'cols.csv:1:headcount: missing column headcount',
    );
  });
});
