import { stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { importFailure } from '../../core/errors/import-failure.js';
import {
  blankCompetency,
  blankOccupation,
  emptyBundle,
  type Competency,
  type OccupationCompetencyLink,
  type ReferenceOccupation,
  type TaxonomyBundle,
} from '../../core/taxonomy/taxonomy-bundle.js';
import { assertValidBundle } from '../csv/assert-valid-bundle.js';
import { readCsvRecords, type CsvRecords } from '../csv/read-csv-records.js';
import type { ImportProgress } from '../import-progress.js';

export interface ReadOnetReleaseOptions {
  /** Release label, e.g. `23.0`; inferred from the folder name when absent. */
  label?: string;
  onProgress?: ImportProgress;
}

const FILES = {
  occupations: 'Occupation Data.txt',
  contentModel: 'Content Model Reference.txt',
  skills: 'Skills.txt',
  technology: 'Technology Skills.txt',
  tasks: 'Task Statements.txt',
  titles: 'Alternate Titles.txt',
} as const;

/**
 * A skill is `essential` for an occupation when its O*NET importance (IM, 1–5) is at least this, i.e. halfway
 * between "important" (3) and "very important" (4): 17% of the 23.0 ratings, about 6 of the 35 skills per
 * occupation. Every rated skill is linked (the rest `optional`) with its importance and level, so a consumer can
 * apply its own cut.
 */
export const ONET_ESSENTIAL_IMPORTANCE = 3.5;

/** Names of the content-model groups above the skills, used when Content Model Reference.txt is absent. */
const SKILL_GROUP_NAMES: Readonly<Record<string, string>> = {
  '2': 'Worker Requirements',
  '2.A': 'Basic Skills',
  '2.A.1': 'Content',
  '2.A.2': 'Process',
  '2.B': 'Cross-Functional Skills',
  '2.B.1': 'Social Skills',
  '2.B.2': 'Complex Problem Solving Skills',
  '2.B.3': 'Technical Skills',
  '2.B.4': 'Systems Skills',
  '2.B.5': 'Resource Management Skills',
};

const SOC_CODE = /^\d{2}-\d{4}\.\d{2}$/;
const ELEMENT_ID = /^\d+(\.[A-Za-z0-9]+)*$/;
const TASK_ORDER: ReadonlyMap<string, number> = new Map([
  ['Core', 0],
  ['Supplemental', 1],
]);
const SCALES = { IM: { min: 1, max: 5 }, LV: { min: 0, max: 7 } } as const;

/**
 * Reads one O*NET text release folder (tab-separated `.txt` files with their official names). `Occupation Data.txt`
 * is required; Skills, Technology Skills, Task Statements, Alternate Titles and Content Model Reference are read
 * when present. A row naming an O*NET-SOC code that Occupation Data does not define fails with its FILE:LINE:FIELD:
 * that is what files from different releases (different O*NET-SOC taxonomies) look like.
 */
export async function readOnetRelease(dir: string, options: ReadOnetReleaseOptions = {}): Promise<TaxonomyBundle> {
  const info = await stat(dir).catch(() => null);
  if (!info?.isDirectory()) throw importFailure({ file: dir, line: 0, field: '(folder)' }, 'folder not found');
  const label = options.label ?? inferOnetLabel(dir);
  const present = async (file: string) => (await stat(join(dir, file)).catch(() => null))?.isFile() ?? false;
  const open = <C extends string, O extends string = never>(
    file: string,
    columns: readonly C[],
    optionalColumns: readonly O[] = [],
  ): Promise<CsvRecords<C, O>> =>
    readCsvRecords(join(dir, file), {
      file,
      delimiter: '\t',
      quoting: false,
      columns,
      optionalColumns,
      onProgress: options.onProgress,
    });

  const bundle = emptyBundle({
    key: 'onet',
    label,
    titleZh: 'O*NET 职业信息网络',
    titleEn: 'O*NET Occupational Information Network',
    source: 'onet',
    releaseNotes: '',
  });
  const read: string[] = [];

  const occupationByCode = new Map<string, ReferenceOccupation>();
  const occupations = await open(FILES.occupations, ['O*NET-SOC Code', 'Title', 'Description']);
  read.push(FILES.occupations);
  for (const { line, fields } of occupations) {
    const code = fields['O*NET-SOC Code'].trim();
    if (!SOC_CODE.test(code))
      throw occupations.fail(line, 'O*NET-SOC Code', `not an O*NET-SOC code: ${JSON.stringify(code)}`);
    if (occupationByCode.has(code)) throw occupations.fail(line, 'O*NET-SOC Code', `${code} is defined twice`);
    const title = fields.Title.trim();
    if (title === '') throw occupations.fail(line, 'Title', 'must not be empty');
    const occupation: ReferenceOccupation = {
      ...blankOccupation(`onet:${code}`, 'onet'),
      code,
      titleEn: title,
      description: fields.Description.trim() || null,
    };
    occupationByCode.set(code, occupation);
    bundle.occupations.push(occupation);
  }
  const occupationOf = (records: CsvRecords<string, string>, line: number, value: string) => {
    const occupation = occupationByCode.get(value.trim());
    if (occupation) return occupation;
    throw records.fail(
      line,
      'O*NET-SOC Code',
      `unknown occupation ${value.trim()} (not in ${FILES.occupations}: are the files from different O*NET releases?)`,
    );
  };

  const contentModel = new Map<string, { name: string; description: string | null }>();
  if (await present(FILES.contentModel)) {
    const reference = await open(FILES.contentModel, ['Element ID', 'Element Name', 'Description']);
    read.push(FILES.contentModel);
    for (const { line, fields } of reference) {
      const id = fields['Element ID'].trim();
      if (!ELEMENT_ID.test(id)) throw reference.fail(line, 'Element ID', `not an element id: ${JSON.stringify(id)}`);
      if (contentModel.has(id)) throw reference.fail(line, 'Element ID', `${id} is listed twice`);
      contentModel.set(id, { name: fields['Element Name'].trim(), description: fields.Description.trim() || null });
    }
  }

  const competencyById = new Map<string, Competency>();
  if (await present(FILES.skills)) {
    const skills = await open(
      FILES.skills,
      ['O*NET-SOC Code', 'Element ID', 'Element Name', 'Scale ID', 'Data Value'],
      ['Not Relevant'],
    );
    read.push(FILES.skills);
    const ratings = new Map<string, OccupationCompetencyLink>();
    for (const { line, fields } of skills) {
      const occupation = occupationOf(skills, line, fields['O*NET-SOC Code']);
      const element = defineSkill(
        skills,
        line,
        fields['Element ID'].trim(),
        fields['Element Name'].trim(),
        contentModel,
        competencyById,
        bundle,
      );
      const scaleId = fields['Scale ID'].trim();
      if (scaleId !== 'IM' && scaleId !== 'LV')
        throw skills.fail(line, 'Scale ID', `expected IM or LV, not ${JSON.stringify(scaleId)}`);
      const scale = SCALES[scaleId];
      const value = Number(fields['Data Value']);
      if (fields['Data Value'].trim() === '' || !(value >= scale.min && value <= scale.max))
        throw skills.fail(line, 'Data Value', `${scaleId} must be a number from ${scale.min} to ${scale.max}`);
      const key = `${occupation.id}|${element.id}`;
      let link = ratings.get(key);
      if (!link) {
        link = {
          occupationId: occupation.id,
          competencyId: element.id,
          relation: 'optional',
          importance: null,
          level: null,
          hot: false,
        };
        ratings.set(key, link);
        bundle.occupationLinks.push(link);
      }
      if ((scaleId === 'IM' ? link.importance : link.level) !== null)
        throw skills.fail(line, 'Scale ID', `${scaleId} of ${element.id} is rated twice for ${occupation.code}`);
      if (scaleId === 'IM') {
        link.importance = value;
        link.relation = value >= ONET_ESSENTIAL_IMPORTANCE ? 'essential' : 'optional';
      } else {
        link.level = value;
      }
    }
  }

  if (await present(FILES.technology)) {
    const technology = await open(FILES.technology, [
      'O*NET-SOC Code',
      'Example',
      'Commodity Code',
      'Commodity Title',
      'Hot Technology',
    ]);
    read.push(FILES.technology);
    const links = new Map<string, OccupationCompetencyLink>();
    for (const { line, fields } of technology) {
      const occupation = occupationOf(technology, line, fields['O*NET-SOC Code']);
      const commodity = fields['Commodity Code'].trim();
      if (!/^\d{8}$/.test(commodity))
        throw technology.fail(line, 'Commodity Code', `not a UNSPSC commodity code: ${JSON.stringify(commodity)}`);
      const title = fields['Commodity Title'].trim();
      const id = `unspsc:${commodity}`;
      let competency = competencyById.get(id);
      if (!competency) {
        if (title === '') throw technology.fail(line, 'Commodity Title', 'must not be empty');
        competency = { ...blankCompetency(id, 'skill'), labelEn: title };
        competencyById.set(id, competency);
        bundle.competencies.push(competency);
      } else if (competency.labelEn !== title) {
        throw technology.fail(
          line,
          'Commodity Title',
          `${commodity} is called ${JSON.stringify(competency.labelEn)} above`,
        );
      }
      const example = fields.Example.trim();
      if (example !== '' && example !== title && !competency.aliasesEn.includes(example))
        competency.aliasesEn.push(example);
      const hot = fields['Hot Technology'].trim();
      if (hot !== 'Y' && hot !== 'N')
        throw technology.fail(line, 'Hot Technology', `expected Y or N, not ${JSON.stringify(hot)}`);
      const key = `${occupation.id}|${id}`;
      const link = links.get(key);
      if (link) {
        link.hot ||= hot === 'Y';
        continue;
      }
      // O*NET lists software an occupation uses, not software it requires: every technology link is optional.
      const created: OccupationCompetencyLink = {
        occupationId: occupation.id,
        competencyId: id,
        relation: 'optional',
        importance: null,
        level: null,
        hot: hot === 'Y',
      };
      links.set(key, created);
      bundle.occupationLinks.push(created);
    }
  }

  if (await present(FILES.tasks)) {
    const tasks = await open(FILES.tasks, ['O*NET-SOC Code', 'Task', 'Task Type']);
    read.push(FILES.tasks);
    const collected = new Map<ReferenceOccupation, { order: number; task: string }[]>();
    for (const { line, fields } of tasks) {
      const occupation = occupationOf(tasks, line, fields['O*NET-SOC Code']);
      const task = fields.Task.trim();
      if (task === '') throw tasks.fail(line, 'Task', 'must not be empty');
      const order = TASK_ORDER.get(fields['Task Type'].trim()) ?? 2;
      const list = collected.get(occupation);
      if (list) list.push({ order, task });
      else collected.set(occupation, [{ order, task }]);
    }
    // Core tasks first, then supplemental, then those without a type; file order within each (sort is stable).
    for (const [occupation, list] of collected)
      occupation.tasks = list.sort((left, right) => left.order - right.order).map((entry) => entry.task);
  }

  if (await present(FILES.titles)) {
    const titles = await open(FILES.titles, ['O*NET-SOC Code', 'Alternate Title'], ['Short Title']);
    read.push(FILES.titles);
    for (const { line, fields } of titles) {
      const occupation = occupationOf(titles, line, fields['O*NET-SOC Code']);
      for (const alias of [fields['Alternate Title'], fields['Short Title'] ?? '']) {
        const text = alias.trim();
        if (text !== '' && text !== occupation.titleEn && !occupation.aliasesEn.includes(text))
          occupation.aliasesEn.push(text);
      }
    }
  }

  bundle.framework.releaseNotes = [
    `O*NET ${label} database (text release), read from ${basename(dir)}: ${read.join(', ')}.`,
    `A skill is essential for an occupation when its importance (IM) is at least ${ONET_ESSENTIAL_IMPORTANCE}; ` +
      'technology links are optional and carry the Hot Technology flag.',
    `This product includes information from the O*NET ${label} Database by the U.S. Department of Labor, ` +
      'Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 license. O*NET® is a trademark ' +
      'of USDOL/ETA. Zerodock has modified all or some of this information. USDOL/ETA has not approved, endorsed, ' +
      'or tested these modifications.',
  ].join('\n');
  return assertValidBundle(bundle, (issue) =>
    issue.entity === 'occupation' || issue.entity === 'occupationLink' ? FILES.occupations : FILES.skills,
  );
}

/**
 * The skill element of a Skills.txt row and, the first time it is seen, its content-model groups (`2.A.1.a` →
 * `2.A.1` → `2.A` → `2`) with `broader` relations.
 */
function defineSkill(
  records: CsvRecords<string, string>,
  line: number,
  id: string,
  name: string,
  contentModel: ReadonlyMap<string, { name: string; description: string | null }>,
  competencyById: Map<string, Competency>,
  bundle: TaxonomyBundle,
): Competency {
  const known = competencyById.get(id);
  if (known) {
    if (known.labelEn !== name)
      throw records.fail(line, 'Element Name', `${id} is called ${JSON.stringify(known.labelEn)} above`);
    return known;
  }
  if (!ELEMENT_ID.test(id) || !id.includes('.'))
    throw records.fail(line, 'Element ID', `not a content-model element id: ${JSON.stringify(id)}`);
  if (name === '') throw records.fail(line, 'Element Name', 'must not be empty');
  const useReference = contentModel.size > 0;
  if (useReference && !contentModel.has(id))
    throw records.fail(line, 'Element ID', `${id} is not in ${FILES.contentModel} (files from different releases?)`);

  const skill: Competency = {
    ...blankCompetency(id, 'skill'),
    labelEn: name,
    descriptionEn: contentModel.get(id)?.description ?? null,
    onetElementId: id,
  };
  competencyById.set(id, skill);
  bundle.competencies.push(skill);

  let child = skill;
  for (let parentId = parentOf(id); parentId !== null; parentId = parentOf(parentId)) {
    let group = competencyById.get(parentId);
    const isNew = !group;
    if (!group) {
      const entry = contentModel.get(parentId);
      const groupName = useReference ? entry?.name : SKILL_GROUP_NAMES[parentId];
      if (!groupName) {
        throw records.fail(
          line,
          'Element ID',
          useReference
            ? `content-model group ${parentId} is not in ${FILES.contentModel}`
            : `unknown content-model group ${parentId} (add ${FILES.contentModel} to the folder)`,
        );
      }
      group = {
        ...blankCompetency(parentId, 'skill'),
        isGroup: true,
        labelEn: groupName,
        descriptionEn: entry?.description ?? null,
        onetElementId: parentId,
      };
      competencyById.set(parentId, group);
      bundle.competencies.push(group);
    }
    bundle.relations.push({ fromId: child.id, toId: group.id, kind: 'broader' });
    if (!isNew) break;
    child = group;
  }
  return skill;
}

function parentOf(id: string): string | null {
  const cut = id.lastIndexOf('.');
  return cut === -1 ? null : id.slice(0, cut);
}

/** `23.0` from `onet-23.0-core` or from the official `db_23_0_text`, or IMPORT_FAILED asking for the version. */
function inferOnetLabel(dir: string): string {
  const match = /(?:^|\D)(\d{1,2})[._](\d)(?!\d)/.exec(basename(dir));
  if (match) return `${match[1]}.${match[2]}`;
  throw importFailure(
    { file: dir, line: 0, field: 'label' },
    'cannot tell the O*NET release from the folder name; pass it with --label (e.g. --label 23.0)',
  );
}
