import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import type { Specialty } from '../../core/taxonomy/taxonomy-bundle.js';
import { expectImportFailure, removeTempFolders, writeTempFolder } from '../csv/test-import-files.js';
import { sharedDataPath } from '../shared-data.js';
import { readSpecialtyCatalogue } from './read-specialty-catalogue.js';

afterAll(removeTempFolders);

const FULL_HEADER =
  'catalogCode,educationLevel,categoryCode,categoryName,classCode,className,majorCode,majorName,parentCode,itemLevel,source';
const FULL_ROWS = [
  'MOE_VOCATIONAL_2021,VOCATIONAL_ASSOCIATE,51,电子与信息大类,,,51,电子与信息大类,,CATEGORY,中华人民共和国教育部',
  'MOE_VOCATIONAL_2021,VOCATIONAL_ASSOCIATE,51,电子与信息大类,5102,计算机类,5102,计算机类,51,CLASS,中华人民共和国教育部',
  'MOE_VOCATIONAL_2021,VOCATIONAL_ASSOCIATE,51,电子与信息大类,5102,计算机类,510201,计算机应用技术,5102,MAJOR,中华人民共和国教育部',
  'MOE_VOCATIONAL_2021,VOCATIONAL_ASSOCIATE,52,医药卫生大类,,,52,医药卫生大类,,CATEGORY,中华人民共和国教育部',
  'MOE_VOCATIONAL_2021,VOCATIONAL_ASSOCIATE,52,医药卫生大类,5201,临床医学类,5201,临床医学类,52,CLASS,中华人民共和国教育部',
  'MOE_VOCATIONAL_2021,VOCATIONAL_ASSOCIATE,52,医药卫生大类,5201,临床医学类,520101K,临床医学,5201,MAJOR,中华人民共和国教育部',
  'MOE_VOCATIONAL_2021,VOCATIONAL_SECONDARY,71,电子与信息大类,,,71,电子与信息大类,,CATEGORY,中华人民共和国教育部',
  'MOE_VOCATIONAL_2021,VOCATIONAL_SECONDARY,71,电子与信息大类,7102,计算机类,7102,计算机类,71,CLASS,中华人民共和国教育部',
  'MOE_VOCATIONAL_2021,VOCATIONAL_SECONDARY,71,电子与信息大类,7102,计算机类,710201,计算机应用,7102,MAJOR,中华人民共和国教育部',
];
const LIST_HEADER = 'major_code,major_name,class_code,class_name,category_code,category_name,national_control_K';
const LIST_ROWS = [
  '510201,计算机应用技术,5102,计算机类,51,电子与信息大类,N',
  '510202,计算机网络技术,5102,计算机类,51,电子与信息大类,N',
  '520101K,临床医学,5201,临床医学类,52,医药卫生大类,Y',
];

async function catalogue(lines: readonly string[] | Uint8Array, name = 'catalogue.csv'): Promise<string> {
  const content = lines instanceof Uint8Array ? lines : `${lines.join('\n')}\n`;
  return join(await writeTempFolder({ [name]: content }), name);
}

const count = (specialties: readonly Specialty[]) => {
  const counts: Record<string, number> = {};
  for (const specialty of specialties) {
    const key = `${specialty.educationLevel}/${specialty.level}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
};

describe('readSpecialtyCatalogue on the 2021 catalogue', () => {
  const realFile = (name: string) => {
    const path = sharedDataPath('cn-vocational-catalog-2021', name);
    return path !== null && existsSync(path) ? path : null;
  };

  test('the full three-level file: 358 / 744 / 247 majors', async (context) => {
    const path = realFile('vocational-2021.csv');
    if (path === null) return context.skip('2021 vocational catalogue shared data absent');
    const bundle = await readSpecialtyCatalogue(path);
    expect(bundle.framework).toMatchObject({ key: 'moe-vocational-catalogue', label: '2021', source: 'moe-catalogue' });
    expect(count(bundle.specialties)).toEqual({
      'secondary/category': 19,
      'secondary/class': 88,
      'secondary/major': 358,
      'higher/category': 19,
      'higher/class': 97,
      'higher/major': 744,
      'bachelor/category': 19,
      'bachelor/class': 90,
      'bachelor/major': 247,
    });
    expect(bundle.specialties.filter((specialty) => specialty.controlled)).toHaveLength(47);
    const higher = bundle.specialties.filter((specialty) => specialty.educationLevel === 'higher');
    expect(higher.find((specialty) => specialty.code === '520101')).toEqual({
      code: '520101',
      nameZh: '临床医学',
      nameEn: null,
      level: 'major',
      educationLevel: 'higher',
      parentCode: '5201',
      controlled: true,
    });
    expect(higher.find((specialty) => specialty.code === '510201')).toMatchObject({
      nameZh: '计算机应用技术',
      parentCode: '5102',
      controlled: false,
    });
    expect(higher.find((specialty) => specialty.code === '5102')).toMatchObject({ level: 'class', parentCode: '51' });

    // The derived 高职专科 list reads to exactly the same nodes.
    const listPath = realFile('gaozhi-zhuanke-majors-2021.csv');
    if (listPath === null) return;
    const list = await readSpecialtyCatalogue(listPath);
    const key = (specialty: Specialty) => `${specialty.level}:${specialty.code}`;
    expect([...list.specialties].sort((a, b) => key(a).localeCompare(key(b)))).toEqual(
      [...higher].sort((a, b) => key(a).localeCompare(key(b))),
    );
  });
});

describe('readSpecialtyCatalogue on small files', () => {
  test('reads the full layout', async () => {
    const bundle = await readSpecialtyCatalogue(await catalogue([FULL_HEADER, ...FULL_ROWS]), { label: '2021-test' });
    expect(bundle.framework.label).toBe('2021-test');
    expect(count(bundle.specialties)).toEqual({
      'higher/category': 2,
      'higher/class': 2,
      'higher/major': 2,
      'secondary/category': 1,
      'secondary/class': 1,
      'secondary/major': 1,
    });
    expect(bundle.specialties.find((specialty) => specialty.code === '520101')?.controlled).toBe(true);
  });

  test('reads the 高职专科 list layout', async () => {
    const bundle = await readSpecialtyCatalogue(await catalogue([LIST_HEADER, ...LIST_ROWS]));
    expect(bundle.specialties.map((specialty) => [specialty.level, specialty.code, specialty.parentCode])).toEqual([
      ['category', '51', null],
      ['class', '5102', '51'],
      ['major', '510201', '5102'],
      ['major', '510202', '5102'],
      ['category', '52', null],
      ['class', '5201', '52'],
      ['major', '520101', '5201'],
    ]);
    expect(bundle.specialties.every((specialty) => specialty.educationLevel === 'higher')).toBe(true);
  });

  test('a missing column of the detected layout fails on line 1', async () => {
    const full = await catalogue([FULL_HEADER.replace(',parentCode', ''), ...FULL_ROWS.map((row) => row)]);
    await expectImportFailure(readSpecialtyCatalogue(full), 'catalogue.csv:1:parentCode');
    const list = await catalogue([
      LIST_HEADER.replace(',national_control_K', ''),
      '510201,计算机应用技术,5102,计算机类,51,电子与信息大类',
    ]);
    await expectImportFailure(readSpecialtyCatalogue(list), 'catalogue.csv:1:national_control_K');
  });

  test('a ;-separated file fails as a missing column', async () => {
    const path = await catalogue([FULL_HEADER, ...FULL_ROWS].map((line) => line.replace(/,/g, ';')));
    const reason = await expectImportFailure(readSpecialtyCatalogue(path), 'catalogue.csv:1:educationLevel');
    expect(reason).toMatch(/^missing column \(found: catalogCode;educationLevel;/);
  });

  test('a parent that is not in the file fails on the child line', async () => {
    const rows = [...FULL_ROWS];
    rows[2] = rows[2]!.replace(',5102,MAJOR', ',5109,MAJOR').replace(',510201,', ',510901,');
    await expectImportFailure(
      readSpecialtyCatalogue(await catalogue([FULL_HEADER, ...rows])),
      'catalogue.csv:4:parentCode',
    );
  });

  test('a code that does not extend its parent code fails', async () => {
    const rows = [...FULL_ROWS];
    rows[2] = rows[2]!.replace(',510201,', ',520201,');
    await expectImportFailure(
      readSpecialtyCatalogue(await catalogue([FULL_HEADER, ...rows])),
      'catalogue.csv:4:parentCode',
    );
  });

  test('an unknown education level fails', async () => {
    const rows = [...FULL_ROWS];
    rows[0] = rows[0]!.replace('VOCATIONAL_ASSOCIATE', 'UNDERGRADUATE');
    await expectImportFailure(
      readSpecialtyCatalogue(await catalogue([FULL_HEADER, ...rows])),
      'catalogue.csv:2:educationLevel',
    );
  });

  test('a K marker contradicting national_control_K fails', async () => {
    const rows = [LIST_ROWS[0]!.replace(',N', ',Y')];
    await expectImportFailure(
      readSpecialtyCatalogue(await catalogue([LIST_HEADER, ...rows])),
      'catalogue.csv:2:national_control_K',
    );
  });

  test('a class named two ways fails', async () => {
    const rows = [LIST_ROWS[0]!, LIST_ROWS[1]!.replace('计算机类', '计算机大类')];
    await expectImportFailure(
      readSpecialtyCatalogue(await catalogue([LIST_HEADER, ...rows])),
      'catalogue.csv:3:class_name',
    );
  });

  test('an unclosed quote fails on the line it starts', async () => {
    const path = await catalogue([
      LIST_HEADER,
      LIST_ROWS[0]!,
      '510202,"计算机网络技术,5102,计算机类,51,电子与信息大类,N',
      LIST_ROWS[2]!,
    ]);
    await expectImportFailure(readSpecialtyCatalogue(path), 'catalogue.csv:3:major_name');
  });

  test('a truncated row fails naming its line', async () => {
    const path = await catalogue([LIST_HEADER, LIST_ROWS[0]!, '510202,计算机网络技术,5102']);
    await expectImportFailure(readSpecialtyCatalogue(path), 'catalogue.csv:3:class_name');
  });

  test('a GBK-encoded file fails naming the first line with Chinese', async () => {
    const gbk = Buffer.concat([
      Buffer.from(`${LIST_HEADER}\n510201,`),
      Buffer.from([0xbc, 0xc6, 0xcb, 0xe3, 0xbb, 0xfa]), // 计算机 in GBK
      Buffer.from(',5102,x,51,y,N\n'),
    ]);
    const reason = await expectImportFailure(
      readSpecialtyCatalogue(await catalogue(gbk)),
      'catalogue.csv:2:major_name',
    );
    expect(reason).toMatch(/GBK/);
  });
});
