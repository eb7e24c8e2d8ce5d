import { existsSync } from 'node:fs';
import { afterAll, describe, expect, test } from 'vitest';
import type { TaxonomyBundle } from '../../core/taxonomy/taxonomy-bundle.js';
import { expectImportFailure, removeTempFolders, writeTempFolder } from '../csv/test-import-files.js';
import type { ImportProgressEvent } from '../import-progress.js';
import { sharedDataPath } from '../shared-data.js';
import { MAX_UNDEFINED_ESCO_CONCEPTS, readEscoRelease } from './read-esco-release.js';

afterAll(removeTempFolders);

const SKILL = 'http://data.europa.eu/esco/skill/';
const OCCUPATION = 'http://data.europa.eu/esco/occupation/';
const ISCO = 'http://data.europa.eu/esco/isco/';
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

const GROUP_S = `${SKILL}${uuid(1)}`;
const GROUP_L = `${SKILL}${uuid(2)}`;
const GROUP_A = `${SKILL}${uuid(3)}`;
const GROUP_K = `${SKILL}${uuid(4)}`;
const ISCED_06 = 'http://data.europa.eu/esco/isced-f/06';
const MANAGE_TEAM = `${SKILL}${uuid(101)}`;
const PYTHON = `${SKILL}${uuid(102)}`;
const SPEAK_CHINESE = `${SKILL}${uuid(103)}`;
const INTEGRITY = `${SKILL}${uuid(104)}`;
const DEVELOPER = `${OCCUPATION}${uuid(201)}`;

function csv(rows: readonly (readonly string[])[]): string {
  const quote = (value: string) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  return rows.map((row) => row.map(quote).join(',')).join('\n') + '\n';
}

/** A tiny but complete ESCO release in the official layout; `overrides` replace whole files. */
function escoFiles(overrides: Record<string, string | Uint8Array> = {}): Record<string, string | Uint8Array> {
  const group = (uri: string, label: string, code: string) => [
    'SkillGroup',
    uri,
    label,
    '',
    '',
    'released',
    '',
    '',
    '',
    `All ${label}.`,
    code,
  ];
  const skill = (uri: string, type: string, label: string, alt: string, description: string) => [
    'KnowledgeSkillCompetence',
    uri,
    type,
    'cross-sector',
    label,
    alt,
    '',
    'released',
    '',
    '',
    '',
    '',
    description,
  ];
  const level0 = (uri: string, term: string, code: string) => [uri, term, '', '', '', '', '', '', '', '', code];
  return {
    'skillGroups_en.csv': csv([
      [
        'conceptType',
        'conceptUri',
        'preferredLabel',
        'altLabels',
        'hiddenLabels',
        'status',
        'modifiedDate',
        'scopeNote',
        'inScheme',
        'description',
        'code',
      ],
      group(GROUP_S, 'skills', 'S'),
      group(GROUP_L, 'language skills and knowledge', 'L'),
      group(GROUP_A, 'attitudes and values', 'A'),
      group(GROUP_K, 'knowledge', 'K'),
      group(ISCED_06, 'information and communication technologies (icts)', ''),
    ]),
    'skills_en.csv': csv([
      [
        'conceptType',
        'conceptUri',
        'skillType',
        'reuseLevel',
        'preferredLabel',
        'altLabels',
        'hiddenLabels',
        'status',
        'modifiedDate',
        'scopeNote',
        'definition',
        'inScheme',
        'description',
      ],
      skill(MANAGE_TEAM, 'skill/competence', 'manage a team', 'lead a team\nmanage a team', 'Lead people, and plan.'),
      skill(PYTHON, 'knowledge', 'Python (computer programming)', 'Python', 'The Python language.'),
      skill(SPEAK_CHINESE, 'skill/competence', 'speak Chinese', '', 'Speak Mandarin.'),
      skill(INTEGRITY, 'skill/competence', 'show integrity', '', 'Act with integrity.'),
    ]),
    'skillsHierarchy_en.csv': csv([
      [
        'Level 0 URI',
        'Level 0 preferred term',
        'Level 1 URI',
        'Level 1 preferred term',
        'Level 2 URI',
        'Level 2 preferred term',
        'Level 3 URI',
        'Level 3 preferred term',
        'Description',
        'Scope note',
        'Level 0 code',
        'Level 1 code',
        'Level 2 code',
        'Level 3 code',
      ],
      level0(GROUP_S, 'skills', 'S'),
      level0(GROUP_L, 'language skills and knowledge', 'L'),
      level0(GROUP_A, 'attitudes and values', 'A'),
      level0(GROUP_K, 'knowledge', 'K'),
      [GROUP_K, 'knowledge', ISCED_06, 'information and communication technologies (icts)', '', '', '', '', 'ICT.'],
    ]),
    'broaderRelationsSkillPillar.csv': csv([
      ['conceptType', 'conceptUri', 'broaderType', 'broaderUri'],
      ['KnowledgeSkillCompetence', MANAGE_TEAM, 'SkillGroup', GROUP_S],
      ['KnowledgeSkillCompetence', PYTHON, 'SkillGroup', ISCED_06],
      ['SkillGroup', ISCED_06, 'SkillGroup', GROUP_K],
      ['KnowledgeSkillCompetence', SPEAK_CHINESE, 'SkillGroup', GROUP_L],
      ['KnowledgeSkillCompetence', INTEGRITY, 'SkillGroup', GROUP_A],
    ]),
    'skillSkillRelations.csv': csv([
      ['originalSkillUri', 'originalSkillType', 'relationType', 'relatedSkillType', 'relatedSkillUri'],
      [MANAGE_TEAM, 'skill/competence', 'optional', 'skill/competence', INTEGRITY],
    ]),
    'ISCOGroups_en.csv': csv([
      ['conceptType', 'conceptUri', 'code', 'preferredLabel', 'status', 'altLabels', 'inScheme', 'description'],
      ['ISCOGroup', `${ISCO}C2`, '2', 'Professionals', 'released', '', '', 'Professionals do things.'],
      ['ISCOGroup', `${ISCO}C25`, '25', 'ICT professionals', 'released', '', '', ''],
    ]),
    'occupations_en.csv': csv([
      [
        'conceptType',
        'conceptUri',
        'iscoGroup',
        'preferredLabel',
        'altLabels',
        'hiddenLabels',
        'status',
        'modifiedDate',
        'regulatedProfessionNote',
        'scopeNote',
        'definition',
        'inScheme',
        'description',
        'code',
      ],
      [
        'Occupation',
        DEVELOPER,
        '25',
        'software developer',
        'programmer\nsoftware developer',
        '',
        'released',
        '',
        '',
        '',
        '',
        '',
        'Writes software.',
        '25.1',
      ],
    ]),
    'broaderRelationsOccPillar.csv': csv([
      ['conceptType', 'conceptUri', 'broaderType', 'broaderUri'],
      ['ISCOGroup', `${ISCO}C25`, 'ISCOGroup', `${ISCO}C2`],
      ['Occupation', DEVELOPER, 'ISCOGroup', `${ISCO}C25`],
    ]),
    'occupationSkillRelations.csv': csv([
      ['occupationUri', 'relationType', 'skillType', 'skillUri'],
      [DEVELOPER, 'essential', 'knowledge', PYTHON],
      [DEVELOPER, 'optional', 'skill/competence', MANAGE_TEAM],
    ]),
    ...overrides,
  };
}

async function escoFolder(overrides: Record<string, string | Uint8Array> = {}): Promise<string> {
  return writeTempFolder(escoFiles(overrides));
}

/** Replaces the text of one fixture file. */
function edit(name: string, change: (text: string) => string): Record<string, string> {
  return { [name]: change(escoFiles()[name] as string) };
}

describe('readEscoRelease on the official v1.1.1 release', () => {
  let cached: Promise<{ bundle: TaxonomyBundle; events: ImportProgressEvent[] }> | null = null;
  const load = (dir: string) => {
    const events: ImportProgressEvent[] = [];
    cached ??= readEscoRelease(dir, { onProgress: (event) => events.push(event) }).then((bundle) => ({
      bundle,
      events,
    }));
    return cached;
  };
  const realDir = () => {
    const dir = sharedDataPath('esco-v1.1.1-en');
    return dir !== null && existsSync(dir) ? dir : null;
  };

  test('counts, framework and progress', { timeout: 60_000 }, async (context) => {
    const dir = realDir();
    if (dir === null) return context.skip('ESCO v1.1.1 shared data absent');
    const { bundle, events } = await load(dir);
    expect(bundle.framework).toMatchObject({ key: 'esco', label: 'v1.1.1', source: 'esco' });
    expect(bundle.competencies.filter((competency) => !competency.isGroup)).toHaveLength(13_896);
    // 640 in skillGroups_en.csv and 7 that only skillsHierarchy_en.csv names (e.g. S6.8).
    expect(bundle.competencies.filter((competency) => competency.isGroup)).toHaveLength(647);
    expect(bundle.occupations.filter((occupation) => occupation.scheme === 'esco')).toHaveLength(3_007);
    expect(bundle.occupations.filter((occupation) => occupation.scheme === 'isco')).toHaveLength(619);
    // occupationSkillRelations.csv has 123,855 rows; 67 name a9e54177-…, which occupations_en.csv lacks.
    expect(bundle.occupationLinks).toHaveLength(123_855 - 67);
    expect(bundle.relations.filter((relation) => relation.kind === 'broader')).toHaveLength(20_656);
    expect(bundle.relations.filter((relation) => relation.kind === 'related')).toHaveLength(5_899 - 1);
    expect(bundle.framework.releaseNotes).toMatch(/Skipped 68 relation row\(s\) naming \S+a9e54177-a185/);
    const skills = bundle.competencies.filter((competency) => !competency.isGroup);
    expect(skills.filter((competency) => competency.type === 'knowledge')).toHaveLength(3_059);
    expect(skills.filter((competency) => competency.dimension === 'language')).toHaveLength(356);
    expect(skills.filter((competency) => competency.type === 'attitude')).toHaveLength(0); // v1.1 has no A branch
    const finished = events.filter((event) => event.done === event.total).map((event) => event.phase);
    expect(finished).toContain('occupationSkillRelations.csv');
    expect(finished).toContain('skills_en.csv');
  });

  test('spot checks', { timeout: 60_000 }, async (context) => {
    const dir = realDir();
    if (dir === null) return context.skip('ESCO v1.1.1 shared data absent');
    const { bundle } = await load(dir);
    expect(bundle.competencies.find((competency) => competency.id === '0005c151-5b5a-4a66-8aac-60e734beb1ab')).toEqual(
      expect.objectContaining({
        escoUri: `${SKILL}0005c151-5b5a-4a66-8aac-60e734beb1ab`,
        labelEn: 'manage musical staff',
        type: 'skill',
        isGroup: false,
        aliasesEn: [
          'manage staff of music',
          'coordinate duties of musical staff',
          'manage music staff',
          'direct musical staff',
        ],
      }),
    );
    expect(bundle.competencies.find((competency) => competency.id === 'isced-f:06')).toMatchObject({
      isGroup: true,
      type: 'knowledge',
      labelEn: 'information and communication technologies (icts)',
    });
    const developer = bundle.occupations.find(
      (occupation) => occupation.id === 'esco:f2b15a0e-e65a-438a-affb-29b9d50b77d1',
    );
    expect(developer).toMatchObject({
      code: '2512.4',
      iscoCode: '2512',
      titleEn: 'software developer',
      broaderId: 'isco:2512',
    });
    expect(bundle.occupations.find((occupation) => occupation.id === 'isco:2512')?.broaderId).toBe('isco:251');
    expect(bundle.occupationLinks).toContainEqual({
      occupationId: 'esco:f2b15a0e-e65a-438a-affb-29b9d50b77d1',
      competencyId: '21d2f96d-35f7-4e3f-9745-c533d2dd6e97', // computer programming
      relation: 'essential',
      importance: null,
      level: null,
      hot: false,
    });
  });
});

describe('readEscoRelease on small releases', () => {
  test('reads every file of the layout', async () => {
    const bundle = await readEscoRelease(await escoFolder(), { label: 'v9.9.9' });
    expect(bundle.framework.label).toBe('v9.9.9');
    const byId = new Map(bundle.competencies.map((competency) => [competency.id, competency]));
    expect(byId.get(uuid(101))).toMatchObject({
      type: 'skill',
      labelEn: 'manage a team',
      aliasesEn: ['lead a team'],
      descriptionEn: 'Lead people, and plan.',
      escoUri: MANAGE_TEAM,
    });
    expect(byId.get(uuid(102))?.type).toBe('knowledge');
    expect(byId.get(uuid(103))?.dimension).toBe('language');
    expect(byId.get(uuid(104))?.type).toBe('attitude');
    expect(byId.get('isced-f:06')).toMatchObject({ isGroup: true, type: 'knowledge' });
    expect(bundle.relations).toContainEqual({ fromId: uuid(101), toId: uuid(104), kind: 'related' });
    expect(bundle.relations).toContainEqual({ fromId: 'isced-f:06', toId: uuid(4), kind: 'broader' });
    expect(bundle.occupations).toEqual([
      expect.objectContaining({ id: 'isco:2', broaderId: null, titleEn: 'Professionals' }),
      expect.objectContaining({ id: 'isco:25', broaderId: 'isco:2' }),
      expect.objectContaining({
        id: `esco:${uuid(201)}`,
        code: '25.1',
        iscoCode: '25',
        aliasesEn: ['programmer'],
        broaderId: 'isco:25',
        description: 'Writes software.',
      }),
    ]);
    expect(bundle.occupationLinks.map((link) => [link.competencyId, link.relation])).toEqual([
      [uuid(102), 'essential'],
      [uuid(101), 'optional'],
    ]);
  });

  test('infers the label from the folder name, or asks for it', async () => {
    const dir = await escoFolder();
    await expectImportFailure(readEscoRelease(dir), `${dir}:0:label`);
  });

  test('a truncated row (unclosed quote) fails on the line the row starts', async () => {
    const files = edit(
      'skills_en.csv',
      (text) => `${text}KnowledgeSkillCompetence,${SKILL}${uuid(105)},knowledge,x,"broken`,
    );
    // The header is line 1, manage a team spans lines 2–3, then 3 rows: the broken one starts on line 7.
    await expectImportFailure(
      readEscoRelease(await escoFolder(files), { label: 'v1' }),
      'skills_en.csv:7:preferredLabel',
    );
  });

  test('a row with missing fields fails naming its line and the first missing column', async () => {
    const files = edit('occupationSkillRelations.csv', (text) => `${text}${DEVELOPER},essential\n`);
    await expectImportFailure(
      readEscoRelease(await escoFolder(files), { label: 'v1' }),
      'occupationSkillRelations.csv:4:skillType',
    );
  });

  test('a file with the wrong delimiter fails on its header', async () => {
    const files = edit('occupationSkillRelations.csv', (text) => text.replace(/,/g, ';'));
    const reason = await expectImportFailure(
      readEscoRelease(await escoFolder(files), { label: 'v1' }),
      'occupationSkillRelations.csv:1:occupationUri',
    );
    expect(reason).toBe('missing column (found: occupationUri;relationType;skillType;skillUri)');
  });

  test('a missing column fails on line 1', async () => {
    const files = edit('skills_en.csv', (text) => text.replace(',skillType,', ',kind,'));
    await expectImportFailure(readEscoRelease(await escoFolder(files), { label: 'v1' }), 'skills_en.csv:1:skillType');
  });

  test('a missing file fails naming it', async () => {
    const dir = await writeTempFolder(
      Object.fromEntries(Object.entries(escoFiles()).filter(([name]) => name !== 'occupations_en.csv')),
    );
    await expectImportFailure(readEscoRelease(dir, { label: 'v1' }), 'occupations_en.csv:0:(file)');
  });

  test('a dangling skill URI in occupationSkillRelations fails with its line and field', async () => {
    const files = edit('occupationSkillRelations.csv', (text) => text.replace(MANAGE_TEAM, `${SKILL}${uuid(999)}`));
    const reason = await expectImportFailure(
      readEscoRelease(await escoFolder(files), { label: 'v1' }),
      'occupationSkillRelations.csv:3:skillUri',
    );
    expect(reason).toContain(uuid(999));
  });

  test('a dangling occupation URI in occupationSkillRelations fails with its line and field', async () => {
    const files = edit('occupationSkillRelations.csv', (text) => text.replace(DEVELOPER, `${OCCUPATION}${uuid(998)}`));
    await expectImportFailure(
      readEscoRelease(await escoFolder(files), { label: 'v1' }),
      'occupationSkillRelations.csv:2:occupationUri',
    );
  });

  test('a dangling broader URI in the skill pillar fails', async () => {
    const files = edit('broaderRelationsSkillPillar.csv', (text) =>
      text.replace(`SkillGroup,${GROUP_A}`, `SkillGroup,${SKILL}${uuid(997)}`),
    );
    await expectImportFailure(
      readEscoRelease(await escoFolder(files), { label: 'v1' }),
      'broaderRelationsSkillPillar.csv:6:broaderUri',
    );
  });

  test('a dangling related skill fails', async () => {
    const files = edit('skillSkillRelations.csv', (text) => text.replace(INTEGRITY, `${SKILL}${uuid(996)}`));
    await expectImportFailure(
      readEscoRelease(await escoFolder(files), { label: 'v1' }),
      'skillSkillRelations.csv:2:relatedSkillUri',
    );
  });

  test('an unknown relation type fails', async () => {
    const files = edit('occupationSkillRelations.csv', (text) => text.replace('essential', 'required'));
    await expectImportFailure(
      readEscoRelease(await escoFolder(files), { label: 'v1' }),
      'occupationSkillRelations.csv:2:relationType',
    );
  });

  test('non-UTF-8 garbage fails naming the line and column', async () => {
    const text = escoFiles()['occupations_en.csv'] as string;
    const bytes = Buffer.from(text.replace('software developer', 'software @@@'));
    bytes.fill(0xff, bytes.indexOf('@@@'), bytes.indexOf('@@@') + 3);
    const reason = await expectImportFailure(
      readEscoRelease(await escoFolder({ 'occupations_en.csv': bytes }), { label: 'v1' }),
      'occupations_en.csv:2:preferredLabel',
    );
    expect(reason).toMatch(/not valid UTF-8/);
  });

  test('a concept defined twice fails', async () => {
    const files = edit('skills_en.csv', (text) => text.replace(PYTHON, MANAGE_TEAM));
    await expectImportFailure(readEscoRelease(await escoFolder(files), { label: 'v1' }), 'skills_en.csv:4:conceptUri');
  });

  test('an occupation the pillar places but occupations_en.csv lacks is skipped and noted (v1.1.1 has one)', async () => {
    const missing = `${OCCUPATION}${uuid(300)}`;
    const files = {
      ...edit('broaderRelationsOccPillar.csv', (text) => `${text}Occupation,${missing},Occupation,${DEVELOPER}\n`),
      ...edit('occupationSkillRelations.csv', (text) => `${text}${missing},essential,knowledge,${PYTHON}\n`),
    };
    const bundle = await readEscoRelease(await escoFolder(files), { label: 'v1' });
    expect(bundle.occupationLinks).toHaveLength(2);
    expect(bundle.framework.releaseNotes).toContain(`Skipped 2 relation row(s) naming ${missing}`);
  });

  test(`more than ${MAX_UNDEFINED_ESCO_CONCEPTS} such occupations look like mixed releases and fail`, async () => {
    const extra = Array.from(
      { length: MAX_UNDEFINED_ESCO_CONCEPTS + 1 },
      (_, index) => `Occupation,${OCCUPATION}${uuid(300 + index)},Occupation,${DEVELOPER}\n`,
    ).join('');
    const files = edit('broaderRelationsOccPillar.csv', (text) => text + extra);
    const reason = await expectImportFailure(
      readEscoRelease(await escoFolder(files), { label: 'v1' }),
      `broaderRelationsOccPillar.csv:${4 + MAX_UNDEFINED_ESCO_CONCEPTS}:conceptUri`,
    );
    expect(reason).toMatch(/different releases/);
  });

  test('a folder that does not exist fails', async () => {
    await expectImportFailure(readEscoRelease('/nonexistent/esco-v1.1.1'), '/nonexistent/esco-v1.1.1:0:(folder)');
  });
});
