import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { expectImportFailure, removeTempFolders, writeTempFolder } from '../csv/test-import-files.js';
import { sharedDataPath } from '../shared-data.js';
import { readCnOccupations } from './read-cn-occupations.js';

afterAll(removeTempFolders);

const HEADER =
  'small_category_code,title,major_group_code,major_group,middle_group,small_group,definition,occupation_count,occupation_titles';
const ROWS = [
  '4-04-01,信息通信业务人员,4,社会生产服务和生活服务人员,信息传输、软件和信息技术服务人员,信息通信业务人员,"从事信息通信业务的人员。",2,信息通信业务员;信息通信网络运行管理员',
  '4-04-05,软件和信息技术服务人员,4,社会生产服务和生活服务人员,信息传输、软件和信息技术服务人员,软件和信息技术服务人员,"从事软件开发、测试,及信息技术服务的人员。",3,计算机程序设计员；人工智能训练师;软件和信息技术服务人员',
  // The PDF parsing put the next middle group's name on the last row of a group.
  '4-04-99,其他信息传输、软件和信息技术服务人员,4,社会生产服务和生活服务人员,金融服务人员,其他信息传输、软件和信息技术服务人员,,1,',
  '2-99-00,其他专业技术人员,2,专业技术人员,指未列入至的专业技术人员。,其他专业技术人员,,1,其他专业技术人员',
];

async function occupationsFile(lines: readonly string[] | Uint8Array): Promise<string> {
  const content = lines instanceof Uint8Array ? lines : `${lines.join('\n')}\n`;
  return join(await writeTempFolder({ 'small_categories_2022.csv': content }), 'small_categories_2022.csv');
}

describe('readCnOccupations on the 2022 小类 table', () => {
  test('448 小类 under 79 中类 under 8 大类, with repaired 中类 names', async (context) => {
    const path = sharedDataPath('cn-occupation-classification-2022-small-categories', 'small_categories_2022.csv');
    if (path === null || !existsSync(path)) return context.skip('大典 2022 small-category shared data absent');
    const bundle = await readCnOccupations(path);
    expect(bundle.framework).toMatchObject({ key: 'cn-occupations', label: '2022', source: 'cn-occupations' });
    expect(bundle.occupations.every((occupation) => occupation.scheme === 'cn2022')).toBe(true);
    const depth = (code: string | null) => (code ?? '').split('-').length;
    expect(bundle.occupations.filter((occupation) => depth(occupation.code) === 3)).toHaveLength(448);
    expect(bundle.occupations.filter((occupation) => depth(occupation.code) === 2)).toHaveLength(79);
    expect(bundle.occupations.filter((occupation) => depth(occupation.code) === 1)).toHaveLength(8);
    const byId = new Map(bundle.occupations.map((occupation) => [occupation.id, occupation]));
    expect(byId.get('cn2022:4')).toMatchObject({ titleZh: '社会生产服务和生活服务人员', broaderId: null });
    expect(byId.get('cn2022:4-04')).toMatchObject({
      titleZh: '信息传输、软件和信息技术服务人员',
      broaderId: 'cn2022:4',
    });
    expect(byId.get('cn2022:4-01')?.titleZh).toBe('批发与零售服务人员');
    expect(byId.get('cn2022:2-99')?.titleZh).toBe('其他专业技术人员');
    expect(byId.get('cn2022:6-26')?.titleZh).toBe('仪器仪表制造人员');
    const software = byId.get('cn2022:4-04-05');
    expect(software).toMatchObject({ code: '4-04-05', titleZh: '软件和信息技术服务人员', broaderId: 'cn2022:4-04' });
    expect(software?.aliasesZh).toContain('人工智能训练师');
    expect(byId.get('cn2022:1-01-00')?.description).toMatch(/^在中国共产党中央和地方各级机关/);
  });
});

describe('readCnOccupations on small files', () => {
  test('builds the group nodes from the codes and splits the occupation titles', async () => {
    const bundle = await readCnOccupations(await occupationsFile([HEADER, ...ROWS]), { label: '2022-test' });
    expect(bundle.framework.label).toBe('2022-test');
    expect(bundle.occupations.map((occupation) => [occupation.id, occupation.titleZh, occupation.broaderId])).toEqual([
      ['cn2022:4', '社会生产服务和生活服务人员', null],
      ['cn2022:4-04', '信息传输、软件和信息技术服务人员', 'cn2022:4'],
      ['cn2022:4-04-01', '信息通信业务人员', 'cn2022:4-04'],
      ['cn2022:4-04-05', '软件和信息技术服务人员', 'cn2022:4-04'],
      ['cn2022:4-04-99', '其他信息传输、软件和信息技术服务人员', 'cn2022:4-04'],
      ['cn2022:2', '专业技术人员', null],
      ['cn2022:2-99', '其他专业技术人员', 'cn2022:2'],
      ['cn2022:2-99-00', '其他专业技术人员', 'cn2022:2-99'],
    ]);
    const software = bundle.occupations[3]!;
    expect(software.aliasesZh).toEqual(['计算机程序设计员', '人工智能训练师']);
    expect(software.description).toBe('从事软件开发、测试,及信息技术服务的人员。');
    expect(bundle.occupations[4]!.description).toBeNull();
  });

  test('a malformed code fails naming its line', async () => {
    const rows = [ROWS[0]!, ROWS[1]!.replace('4-04-05', '4-4-5')];
    await expectImportFailure(
      readCnOccupations(await occupationsFile([HEADER, ...rows])),
      'small_categories_2022.csv:3:small_category_code',
    );
  });

  test('a major group code that disagrees with the code fails', async () => {
    const rows = [ROWS[0]!.replace(',4,社会', ',5,社会')];
    await expectImportFailure(
      readCnOccupations(await occupationsFile([HEADER, ...rows])),
      'small_categories_2022.csv:2:major_group_code',
    );
  });

  test('a code listed twice fails', async () => {
    await expectImportFailure(
      readCnOccupations(await occupationsFile([HEADER, ROWS[0]!, ROWS[0]!])),
      'small_categories_2022.csv:3:small_category_code',
    );
  });

  test('a missing column fails on line 1', async () => {
    await expectImportFailure(
      readCnOccupations(await occupationsFile([HEADER.replace('occupation_titles', 'titles'), ...ROWS])),
      'small_categories_2022.csv:1:occupation_titles',
    );
  });

  test('a ;-separated file fails as a missing column', async () => {
    await expectImportFailure(
      readCnOccupations(await occupationsFile([HEADER.replace(/,/g, ';')])),
      'small_categories_2022.csv:1:small_category_code',
    );
  });

  test('an unclosed quote fails on the line it starts', async () => {
    const rows = [ROWS[0]!, ROWS[1]!.replace('的人员。"', '的人员。'), ROWS[2]!];
    await expectImportFailure(
      readCnOccupations(await occupationsFile([HEADER, ...rows])),
      'small_categories_2022.csv:3:definition',
    );
  });

  test('a GBK-encoded row fails naming its line and column', async () => {
    const gbk = Buffer.concat([
      Buffer.from(`${HEADER}\n${ROWS[0]!}\n4-04-05,`),
      Buffer.from([0xc8, 0xed, 0xbc, 0xfe]), // 软件 in GBK
      Buffer.from(',4,x,y,z,,1,\n'),
    ]);
    await expectImportFailure(readCnOccupations(await occupationsFile(gbk)), 'small_categories_2022.csv:3:title');
  });
});
