import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { expectImportFailure, removeTempFolders, writeTempFolder } from '../csv/test-import-files.js';
import { sharedDataPath } from '../shared-data.js';
import { ONET_ESSENTIAL_IMPORTANCE, readOnetRelease } from './read-onet-release.js';

afterAll(removeTempFolders);

const tsv = (rows: readonly (readonly string[])[]) => rows.map((row) => row.join('\t')).join('\r\n') + '\r\n';
const SKILL_HEADER = [
  'O*NET-SOC Code',
  'Title',
  'Element ID',
  'Element Name',
  'Scale ID',
  'Scale Name',
  'Data Value',
  'N',
  'Standard Error',
  'Lower CI Bound',
  'Upper CI Bound',
  'Recommend Suppress',
  'Not Relevant',
  'Date',
  'Domain Source',
];
const rating = (code: string, id: string, name: string, scale: 'IM' | 'LV', value: string) => [
  code,
  'Title',
  id,
  name,
  scale,
  scale === 'IM' ? 'Importance' : 'Level',
  value,
  '8',
  '0.1',
  '3',
  '4',
  'N',
  scale === 'IM' ? '' : 'N',
  '07/2014',
  'Analyst',
];

/** A tiny O*NET text release (no Content Model Reference: group names come from the built-in table). */
function onetFiles(overrides: Record<string, string | Uint8Array> = {}): Record<string, string | Uint8Array> {
  return {
    'Occupation Data.txt': tsv([
      ['O*NET-SOC Code', 'Title', 'Description'],
      ['15-1132.00', 'Software Developers, Applications', 'Develop software.'],
      ['11-1011.00', 'Chief Executives', 'Determine policies.'],
    ]),
    'Skills.txt': tsv([
      SKILL_HEADER,
      rating('15-1132.00', '2.B.3.e', 'Programming', 'IM', '4.00'),
      rating('15-1132.00', '2.B.3.e', 'Programming', 'LV', '4.75'),
      rating('15-1132.00', '2.A.1.a', 'Reading Comprehension', 'IM', '3.12'),
      rating('15-1132.00', '2.A.1.a', 'Reading Comprehension', 'LV', '3.50'),
      rating('11-1011.00', '2.A.1.a', 'Reading Comprehension', 'IM', '4.12'),
    ]),
    'Technology Skills.txt': tsv([
      ['O*NET-SOC Code', 'Title', 'Example', 'Commodity Code', 'Commodity Title', 'Hot Technology'],
      [
        '15-1132.00',
        'Software Developers, Applications',
        'Python',
        '43232403',
        'Development environment software',
        'N',
      ],
      ['15-1132.00', 'Software Developers, Applications', 'Git', '43232403', 'Development environment software', 'Y'],
      ['11-1011.00', 'Chief Executives', 'Microsoft Excel', '43232110', 'Spreadsheet software', 'N'],
    ]),
    'Task Statements.txt': tsv([
      ['O*NET-SOC Code', 'Title', 'Task ID', 'Task', 'Task Type', 'Incumbents Responding', 'Date', 'Domain Source'],
      ['15-1132.00', 'Software Developers', '1', 'Supervise "juniors".', 'Supplemental', '10', '07/2014', 'Incumbent'],
      ['15-1132.00', 'Software Developers', '2', 'Write code.', 'Core', '10', '07/2014', 'Incumbent'],
      ['15-1132.00', 'Software Developers', '3', 'Attend meetings.', '', '', '07/2014', 'Analyst'],
      ['15-1132.00', 'Software Developers', '4', 'Test code.', 'Core', '10', '07/2014', 'Incumbent'],
    ]),
    'Alternate Titles.txt': tsv([
      ['O*NET-SOC Code', 'Title', 'Alternate Title', 'Short Title', 'Source(s)'],
      ['15-1132.00', 'Software Developers, Applications', 'Application Developer', '', '08'],
      ['11-1011.00', 'Chief Executives', 'Chief Executive Officer', 'CEO', '08'],
    ]),
    ...overrides,
  };
}

const label = { label: '99.9' };

describe('readOnetRelease on the 23.0 release', () => {
  const realDir = () => {
    const dir = sharedDataPath('onet', 'onet-23.0-core');
    return dir !== null && existsSync(dir) ? dir : null;
  };

  test('counts and spot checks', { timeout: 60_000 }, async (context) => {
    const dir = realDir();
    if (dir === null) return context.skip('O*NET 23.0 shared data absent');
    const bundle = await readOnetRelease(dir);
    expect(bundle.framework).toMatchObject({ key: 'onet', label: '23.0', source: 'onet' });
    expect(bundle.occupations).toHaveLength(1_110);
    const competencies = bundle.competencies;
    expect(competencies.filter((competency) => competency.onetElementId !== null && !competency.isGroup)).toHaveLength(
      35,
    );
    expect(
      competencies
        .filter((competency) => competency.isGroup)
        .map((competency) => competency.id)
        .sort(),
    ).toEqual(['2', '2.A', '2.A.1', '2.A.2', '2.B', '2.B.1', '2.B.2', '2.B.3', '2.B.4', '2.B.5']);
    expect(competencies.filter((competency) => competency.id.startsWith('unspsc:'))).toHaveLength(127);
    // 967 occupations × 35 rated skills, and 10,993 occupation–commodity pairs of Technology Skills.
    expect(bundle.occupationLinks).toHaveLength(33_845 + 10_993);
    expect(bundle.occupationLinks.filter((link) => link.relation === 'essential')).toHaveLength(5_761);
    expect(bundle.occupations.filter((occupation) => occupation.tasks.length > 0)).toHaveLength(974);

    expect(competencies.find((competency) => competency.id === '2.B.3.e')).toMatchObject({
      labelEn: 'Programming',
      onetElementId: '2.B.3.e',
      descriptionEn: 'Writing computer programs for various purposes.',
    });
    expect(bundle.relations).toContainEqual({ fromId: '2.B.3.e', toId: '2.B.3', kind: 'broader' });
    expect(bundle.occupationLinks).toContainEqual({
      occupationId: 'onet:15-1132.00',
      competencyId: '2.B.3.e',
      relation: 'essential',
      importance: 4,
      level: 4.75,
      hot: false,
    });
    const developer = bundle.occupations.find((occupation) => occupation.id === 'onet:15-1132.00');
    expect(developer).toMatchObject({ code: '15-1132.00', titleEn: 'Software Developers, Applications' });
    expect(developer?.tasks[0]).toBe(
      'Modify existing software to correct errors, allow it to adapt to new hardware, or to improve its performance.',
    );
    expect(competencies.find((competency) => competency.id === 'unspsc:43232202')?.aliasesEn).toContain(
      'Adobe Systems Adobe Acrobat',
    );
  });

  test('a folder mixing 23.0 Occupation Data with 30.0 Alternate Titles is rejected at the first foreign code', async (context) => {
    const dir = realDir();
    const titles = sharedDataPath('onet', 'onet-30.0-alternate-titles', 'Alternate Titles.txt');
    if (dir === null || titles === null || !existsSync(titles)) return context.skip('O*NET shared data absent');
    const mixed = await writeTempFolder({
      'Occupation Data.txt': await readFile(join(dir, 'Occupation Data.txt')),
      'Alternate Titles.txt': await readFile(titles),
    });
    // 11-2032.00 (Public Relations Managers) is an O*NET-SOC 2019 code; 2010 had 11-2031.00.
    const reason = await expectImportFailure(readOnetRelease(mixed, label), 'Alternate Titles.txt:334:O*NET-SOC Code');
    expect(reason).toMatch(/unknown occupation 11-2032\.00 .*different O\*NET releases/);
  });

  test('a folder mixing 23.0 Occupation Data with 28.0 Task Statements is rejected too', async (context) => {
    const dir = realDir();
    const tasks = sharedDataPath('onet', 'onet-28.0-task-statements', 'Task Statements.txt');
    if (dir === null || tasks === null || !existsSync(tasks)) return context.skip('O*NET shared data absent');
    const mixed = await writeTempFolder({
      'Occupation Data.txt': await readFile(join(dir, 'Occupation Data.txt')),
      'Task Statements.txt': await readFile(tasks),
    });
    await expectImportFailure(readOnetRelease(mixed, label), 'Task Statements.txt:165:O*NET-SOC Code');
  });
});

describe('readOnetRelease on small releases', () => {
  test('reads every file', async () => {
    const bundle = await readOnetRelease(await writeTempFolder(onetFiles()), label);
    expect(bundle.framework.label).toBe('99.9');
    expect(bundle.framework.releaseNotes).toContain(`at least ${ONET_ESSENTIAL_IMPORTANCE}`);
    const developer = bundle.occupations.find((occupation) => occupation.id === 'onet:15-1132.00')!;
    expect(developer.tasks).toEqual(['Write code.', 'Test code.', 'Supervise "juniors".', 'Attend meetings.']);
    expect(developer.aliasesEn).toEqual(['Application Developer']);
    expect(bundle.occupations.find((occupation) => occupation.id === 'onet:11-1011.00')?.aliasesEn).toEqual([
      'Chief Executive Officer',
      'CEO',
    ]);
    expect(bundle.competencies.find((competency) => competency.id === '2.B.3')).toMatchObject({
      isGroup: true,
      labelEn: 'Technical Skills',
    });
    expect(bundle.competencies.find((competency) => competency.id === 'unspsc:43232403')).toMatchObject({
      labelEn: 'Development environment software',
      aliasesEn: ['Python', 'Git'],
    });
    expect(bundle.occupationLinks).toEqual([
      {
        occupationId: 'onet:15-1132.00',
        competencyId: '2.B.3.e',
        relation: 'essential',
        importance: 4,
        level: 4.75,
        hot: false,
      },
      {
        occupationId: 'onet:15-1132.00',
        competencyId: '2.A.1.a',
        relation: 'optional',
        importance: 3.12,
        level: 3.5,
        hot: false,
      },
      {
        occupationId: 'onet:11-1011.00',
        competencyId: '2.A.1.a',
        relation: 'essential',
        importance: 4.12,
        level: null,
        hot: false,
      },
      {
        occupationId: 'onet:15-1132.00',
        competencyId: 'unspsc:43232403',
        relation: 'optional',
        importance: null,
        level: null,
        hot: true,
      },
      {
        occupationId: 'onet:11-1011.00',
        competencyId: 'unspsc:43232110',
        relation: 'optional',
        importance: null,
        level: null,
        hot: false,
      },
    ]);
  });

  test('only Occupation Data is required', async () => {
    const files = onetFiles();
    const bundle = await readOnetRelease(
      await writeTempFolder({ 'Occupation Data.txt': files['Occupation Data.txt']! }),
      label,
    );
    expect(bundle.occupations).toHaveLength(2);
    expect(bundle.competencies).toEqual([]);
  });

  test('the label comes from the folder name or must be given', async () => {
    const dir = await writeTempFolder(onetFiles());
    await expectImportFailure(readOnetRelease(dir), `${dir}:0:label`);
  });

  test('a code missing from Occupation Data is a dangling reference', async () => {
    const files = onetFiles();
    const skills = (files['Skills.txt'] as string).replace('11-1011.00', '11-1011.03');
    await expectImportFailure(
      readOnetRelease(await writeTempFolder({ ...files, 'Skills.txt': skills }), label),
      'Skills.txt:6:O*NET-SOC Code',
    );
  });

  test('an element missing from Content Model Reference fails', async () => {
    const reference = tsv([
      ['Element ID', 'Element Name', 'Description'],
      ['2', 'Worker Requirements', 'Worker Requirements'],
      ['2.B', 'Cross-Functional Skills', 'Capacities.'],
      ['2.B.3', 'Technical Skills', 'Capacities.'],
      ['2.B.3.e', 'Programming', 'Writing computer programs.'],
    ]);
    await expectImportFailure(
      readOnetRelease(await writeTempFolder(onetFiles({ 'Content Model Reference.txt': reference })), label),
      'Skills.txt:4:Element ID',
    );
  });

  test('a comma-separated file fails as a missing column', async () => {
    const text = (onetFiles()['Occupation Data.txt'] as string).replace(/\t/g, ',');
    const reason = await expectImportFailure(
      readOnetRelease(await writeTempFolder(onetFiles({ 'Occupation Data.txt': text })), label),
      'Occupation Data.txt:1:O*NET-SOC Code',
    );
    expect(reason).toBe('missing column (found: O*NET-SOC Code,Title,Description)');
  });

  test('a missing column fails on line 1', async () => {
    const text = (onetFiles()['Skills.txt'] as string).replace('Data Value', 'Value');
    await expectImportFailure(
      readOnetRelease(await writeTempFolder(onetFiles({ 'Skills.txt': text })), label),
      'Skills.txt:1:Data Value',
    );
  });

  test('a truncated row fails naming its line', async () => {
    const text = `${onetFiles()['Technology Skills.txt'] as string}11-1011.00\tChief Executives\tSAP`;
    await expectImportFailure(
      readOnetRelease(await writeTempFolder(onetFiles({ 'Technology Skills.txt': text })), label),
      'Technology Skills.txt:5:Commodity Code',
    );
  });

  test('a rating off its scale fails', async () => {
    const text = (onetFiles()['Skills.txt'] as string).replace('4.75', '7.50');
    await expectImportFailure(
      readOnetRelease(await writeTempFolder(onetFiles({ 'Skills.txt': text })), label),
      'Skills.txt:3:Data Value',
    );
  });

  test('a Hot Technology flag other than Y/N fails', async () => {
    const text = (onetFiles()['Technology Skills.txt'] as string).replace('\tY\r\n', '\tyes\r\n');
    await expectImportFailure(
      readOnetRelease(await writeTempFolder(onetFiles({ 'Technology Skills.txt': text })), label),
      'Technology Skills.txt:3:Hot Technology',
    );
  });

  test('non-UTF-8 garbage fails naming the line and column', async () => {
    const text = onetFiles()['Task Statements.txt'] as string;
    const bytes = Buffer.from(text.replace('Write code.', 'Write c@de.'));
    bytes[bytes.indexOf('@')] = 0xe9; // Latin-1 é
    const reason = await expectImportFailure(
      readOnetRelease(await writeTempFolder(onetFiles({ 'Task Statements.txt': bytes })), label),
      'Task Statements.txt:3:Task',
    );
    expect(reason).toMatch(/not valid UTF-8/);
  });
});
