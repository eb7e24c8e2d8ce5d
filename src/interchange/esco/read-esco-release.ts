import { stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { importFailure } from '../../core/errors/import-failure.js';
import {
  blankCompetency,
  blankOccupation,
  emptyBundle,
  type Competency,
  type CompetencyType,
  type ReferenceOccupation,
  type TaxonomyBundle,
} from '../../core/taxonomy/taxonomy-bundle.js';
import { assertValidBundle } from '../csv/assert-valid-bundle.js';
import { readCsvRecords, type CsvRecords } from '../csv/read-csv-records.js';
import type { ImportProgress } from '../import-progress.js';
import { escoConceptId } from './esco-concept-id.js';

export interface ReadEscoReleaseOptions {
  /** Version label, e.g. `v1.1.1`; inferred from the folder name when absent. */
  label?: string;
  onProgress?: ImportProgress;
}

const FILES = {
  groups: 'skillGroups_en.csv',
  skills: 'skills_en.csv',
  hierarchy: 'skillsHierarchy_en.csv',
  skillBroader: 'broaderRelationsSkillPillar.csv',
  skillRelated: 'skillSkillRelations.csv',
  isco: 'ISCOGroups_en.csv',
  occupations: 'occupations_en.csv',
  occupationBroader: 'broaderRelationsOccPillar.csv',
  links: 'occupationSkillRelations.csv',
} as const;

/**
 * How many concepts a release may place in its broader-relations pillar without defining them in the language
 * files before we call it a mix of releases. ESCO v1.1.1 has one such occupation (a9e54177-…, in
 * broaderRelationsOccPillar.csv and 67 rows of occupationSkillRelations.csv, but not in occupations_en.csv).
 */
export const MAX_UNDEFINED_ESCO_CONCEPTS = 10;

const SKILL_TYPES: ReadonlyMap<string, CompetencyType> = new Map([
  ['knowledge', 'knowledge'],
  ['skill/competence', 'skill'],
]);
const HIERARCHY_LEVELS = [0, 1, 2, 3] as const;

interface PillarRow {
  line: number;
  from: string;
  to: string;
}

/**
 * Reads an official ESCO v1.x CSV release folder (the classification `*_en.csv` files and the relation files) into
 * a bundle: skills and skill groups as competencies with `broader` and `related` relations, ESCO occupations and
 * ISCO-08 groups as reference occupations, and the essential/optional occupation–skill links. A relation naming a
 * concept the release does not define fails with its FILE:LINE:FIELD; the only tolerated gap is a concept that
 * the release's own broader pillar places but its language file omits (rows naming it are skipped and counted in
 * the release notes, at most {@link MAX_UNDEFINED_ESCO_CONCEPTS}).
 */
export async function readEscoRelease(dir: string, options: ReadEscoReleaseOptions = {}): Promise<TaxonomyBundle> {
  await assertFolder(dir);
  const label = options.label ?? inferEscoLabel(dir);
  const onProgress = options.onProgress;
  const open = <C extends string, O extends string = never>(
    file: string,
    columns: readonly C[],
    optionalColumns: readonly O[] = [],
  ): Promise<CsvRecords<C, O>> =>
    readCsvRecords(join(dir, file), {
      file,
      columns,
      optionalColumns,
      onProgress,
      padShortRows: file === FILES.hierarchy,
    });

  const bundle = emptyBundle({
    key: 'esco',
    label,
    titleZh: '欧洲技能、能力、资格与职业分类（ESCO）',
    titleEn: 'ESCO — European Skills, Competences, Qualifications and Occupations',
    source: 'esco',
    releaseNotes: '',
  });

  // Competencies: skill groups, skills, and the groups only the hierarchy file names.
  const competencyByUri = new Map<string, Competency>();
  const rawSkillType = new Map<Competency, string>();
  const defineCompetency = (
    records: CsvRecords<string, string>,
    line: number,
    uri: string,
    create: (id: string) => Competency,
  ): Competency => {
    const id = escoConceptId(uri);
    if (id === null) throw records.fail(line, 'conceptUri', `not an ESCO concept URI: ${JSON.stringify(uri)}`);
    if (competencyByUri.has(uri)) throw records.fail(line, 'conceptUri', `${uri} is defined twice`);
    const competency = create(id);
    competencyByUri.set(uri, competency);
    bundle.competencies.push(competency);
    return competency;
  };

  const groups = await open(FILES.groups, ['conceptUri', 'preferredLabel', 'altLabels', 'description']);
  for (const { line, fields } of groups) {
    defineCompetency(groups, line, fields.conceptUri, (id) => ({
      ...blankCompetency(id, 'skill'),
      isGroup: true,
      labelEn: requireText(groups, line, 'preferredLabel', fields.preferredLabel),
      aliasesEn: splitLabels(fields.altLabels, fields.preferredLabel),
      descriptionEn: fields.description.trim() || null,
      escoUri: fields.conceptUri,
    }));
  }

  const skills = await open(
    FILES.skills,
    ['conceptUri', 'skillType', 'preferredLabel', 'altLabels', 'description'],
    ['definition'],
  );
  for (const { line, fields } of skills) {
    if (fields.skillType !== '' && !SKILL_TYPES.has(fields.skillType))
      throw skills.fail(line, 'skillType', `unknown skill type ${JSON.stringify(fields.skillType)}`);
    const competency = defineCompetency(skills, line, fields.conceptUri, (id) => ({
      ...blankCompetency(id, 'skill'),
      labelEn: requireText(skills, line, 'preferredLabel', fields.preferredLabel),
      aliasesEn: splitLabels(fields.altLabels, fields.preferredLabel),
      descriptionEn: fields.description.trim() || fields.definition?.trim() || null,
      escoUri: fields.conceptUri,
    }));
    rawSkillType.set(competency, fields.skillType);
  }

  // The hierarchy names the top branches (knowledge, language, attitudes) and a few groups skillGroups_en.csv
  // lacks (7 in v1.1.1, e.g. S6.8 "positioning materials, tools or equipment").
  const roots = { knowledge: new Set<Competency>(), language: new Set<Competency>(), attitude: new Set<Competency>() };
  const hierarchyPresent = await fileExists(join(dir, FILES.hierarchy));
  if (hierarchyPresent) {
    const levelColumns = HIERARCHY_LEVELS.flatMap(
      (level) => [`Level ${level} URI`, `Level ${level} preferred term`, `Level ${level} code`] as const,
    );
    const hierarchy = await open(FILES.hierarchy, levelColumns, ['Description']);
    for (const { line, fields } of hierarchy) {
      const deepest = HIERARCHY_LEVELS.filter((level) => fields[`Level ${level} URI`] !== '').at(-1);
      for (const level of HIERARCHY_LEVELS) {
        const uri = fields[`Level ${level} URI`];
        if (uri === '') continue;
        const term = fields[`Level ${level} preferred term`].trim();
        const code = fields[`Level ${level} code`].trim();
        let group = competencyByUri.get(uri);
        if (!group) {
          group = defineCompetency(hierarchy, line, uri, (id) => ({
            ...blankCompetency(id, 'skill'),
            isGroup: true,
            labelEn: requireText(hierarchy, line, `Level ${level} preferred term`, term),
            descriptionEn: level === deepest ? fields.Description?.trim() || null : null,
            escoUri: uri,
          }));
        }
        if (level === 0 && (code === 'K' || /^knowledge$/i.test(term))) roots.knowledge.add(group);
        if (level === 0 && (code === 'L' || /^language/i.test(term))) roots.language.add(group);
        if ((level === 0 && code === 'A') || /\battitudes\b.*\bvalues\b/i.test(term)) roots.attitude.add(group);
      }
    }
  }

  // A concept the pillar places but no classification file defines; rows naming it are skipped and counted.
  const undefinedConcepts = new Map<string, number>();
  const tolerate = (records: CsvRecords<string, string>, line: number, field: string, uri: string) => {
    undefinedConcepts.set(uri, (undefinedConcepts.get(uri) ?? 0) + 1);
    if (undefinedConcepts.size > MAX_UNDEFINED_ESCO_CONCEPTS) {
      throw records.fail(
        line,
        field,
        `${uri} is not defined, and neither are ${undefinedConcepts.size - 1} other concepts of the relation files ` +
          `(more than ${MAX_UNDEFINED_ESCO_CONCEPTS}): are the classification and relation files from different releases?`,
      );
    }
  };

  const skillPillar = await open(FILES.skillBroader, ['conceptUri', 'broaderUri']);
  const skillPillarRows = collectPillar(skillPillar);
  const placedSkills = new Set(skillPillarRows.map((row) => row.from));
  for (const row of skillPillarRows) {
    const from = competencyByUri.get(row.from);
    const to = competencyByUri.get(row.to);
    if (!to && !placedSkills.has(row.to))
      throw skillPillar.fail(row.line, 'broaderUri', `unknown skill or skill group ${row.to} (${SKILL_FILES})`);
    if (!from || !to) {
      tolerate(skillPillar, row.line, from ? 'broaderUri' : 'conceptUri', from ? row.to : row.from);
      continue;
    }
    if (from === to) throw skillPillar.fail(row.line, 'broaderUri', 'a concept cannot be broader than itself');
    bundle.relations.push({ fromId: from.id, toId: to.id, kind: 'broader' });
  }

  const resolveCompetency = (records: CsvRecords<string, string>, line: number, field: string, uri: string) => {
    const competency = competencyByUri.get(uri);
    if (competency) return competency;
    if (!placedSkills.has(uri)) throw records.fail(line, field, `unknown skill ${uri} (${SKILL_FILES})`);
    tolerate(records, line, field, uri);
    return null;
  };

  let selfRelated = 0;
  const related = await open(FILES.skillRelated, ['originalSkillUri', 'relatedSkillUri']);
  for (const { line, fields } of related) {
    const from = resolveCompetency(related, line, 'originalSkillUri', fields.originalSkillUri);
    const to = resolveCompetency(related, line, 'relatedSkillUri', fields.relatedSkillUri);
    if (!from || !to) continue;
    if (from === to) {
      selfRelated++; // v1.1.1 relates c7708533-… to itself; the bundle cannot hold that.
      continue;
    }
    bundle.relations.push({ fromId: from.id, toId: to.id, kind: 'related' });
  }

  // Occupations: ISCO-08 groups and ESCO occupations.
  const occupationByUri = new Map<string, ReferenceOccupation>();
  const defineOccupation = (
    records: CsvRecords<string, string>,
    line: number,
    uri: string,
    occupation: ReferenceOccupation,
  ) => {
    if (occupationByUri.has(uri)) throw records.fail(line, 'conceptUri', `${uri} is defined twice`);
    occupationByUri.set(uri, occupation);
    bundle.occupations.push(occupation);
  };

  const isco = await open(FILES.isco, ['conceptUri', 'code', 'preferredLabel', 'altLabels', 'description']);
  for (const { line, fields } of isco) {
    const code = fields.code.trim();
    if (!/^\d{1,4}$/.test(code)) throw isco.fail(line, 'code', `not an ISCO-08 code: ${JSON.stringify(fields.code)}`);
    defineOccupation(isco, line, fields.conceptUri, {
      ...blankOccupation(`isco:${code}`, 'isco'),
      code,
      uri: fields.conceptUri,
      titleEn: requireText(isco, line, 'preferredLabel', fields.preferredLabel),
      aliasesEn: splitLabels(fields.altLabels, fields.preferredLabel),
      description: fields.description.trim() || null,
      iscoCode: code,
    });
  }

  const occupations = await open(
    FILES.occupations,
    ['conceptUri', 'iscoGroup', 'preferredLabel', 'altLabels', 'description', 'code'],
    ['definition'],
  );
  for (const { line, fields } of occupations) {
    const uuid = escoConceptId(fields.conceptUri);
    if (uuid === null || !fields.conceptUri.includes('/occupation/'))
      throw occupations.fail(line, 'conceptUri', `not an ESCO occupation URI: ${JSON.stringify(fields.conceptUri)}`);
    defineOccupation(occupations, line, fields.conceptUri, {
      ...blankOccupation(`esco:${uuid}`, 'esco'),
      code: fields.code.trim() || null,
      uri: fields.conceptUri,
      titleEn: requireText(occupations, line, 'preferredLabel', fields.preferredLabel),
      aliasesEn: splitLabels(fields.altLabels, fields.preferredLabel),
      description: fields.description.trim() || fields.definition?.trim() || null,
      iscoCode: fields.iscoGroup.trim() || null,
    });
  }

  const occupationPillar = await open(FILES.occupationBroader, ['conceptUri', 'broaderUri']);
  const occupationPillarRows = collectPillar(occupationPillar);
  const placedOccupations = new Set(occupationPillarRows.map((row) => row.from));
  const broaderLine = new Map<ReferenceOccupation, number>();
  for (const row of occupationPillarRows) {
    const from = occupationByUri.get(row.from);
    const to = occupationByUri.get(row.to);
    if (!to && !placedOccupations.has(row.to))
      throw occupationPillar.fail(
        row.line,
        'broaderUri',
        `unknown occupation or ISCO group ${row.to} (${OCCUPATION_FILES})`,
      );
    if (!from || !to) {
      tolerate(occupationPillar, row.line, from ? 'broaderUri' : 'conceptUri', from ? row.to : row.from);
      continue;
    }
    if (from === to) throw occupationPillar.fail(row.line, 'broaderUri', 'a concept cannot be broader than itself');
    const previous = broaderLine.get(from);
    if (previous !== undefined)
      throw occupationPillar.fail(
        row.line,
        'broaderUri',
        `${row.from} already has a broader concept (line ${previous})`,
      );
    broaderLine.set(from, row.line);
    from.broaderId = to.id;
  }

  const links = await open(FILES.links, ['occupationUri', 'relationType', 'skillUri']);
  const linked = new Set<string>();
  for (const { line, fields } of links) {
    const occupation = occupationByUri.get(fields.occupationUri);
    if (!occupation) {
      if (!placedOccupations.has(fields.occupationUri))
        throw links.fail(line, 'occupationUri', `unknown occupation ${fields.occupationUri} (${FILES.occupations})`);
      tolerate(links, line, 'occupationUri', fields.occupationUri);
      continue;
    }
    if (occupation.scheme !== 'esco')
      throw links.fail(line, 'occupationUri', `${fields.occupationUri} is an ISCO group, not an occupation`);
    const competency = resolveCompetency(links, line, 'skillUri', fields.skillUri);
    if (!competency) continue;
    const relation = fields.relationType;
    if (relation !== 'essential' && relation !== 'optional')
      throw links.fail(line, 'relationType', `must be essential or optional, not ${JSON.stringify(relation)}`);
    const key = `${occupation.id}|${competency.id}`;
    if (linked.has(key)) throw links.fail(line, 'skillUri', `${fields.skillUri} is linked to this occupation twice`);
    linked.add(key);
    bundle.occupationLinks.push({
      occupationId: occupation.id,
      competencyId: competency.id,
      relation,
      importance: null,
      level: null,
      hot: false,
    });
  }

  assignTypesAndDimensions(bundle, roots, rawSkillType);
  bundle.framework.releaseNotes = releaseNotes(label, dir, hierarchyPresent, undefinedConcepts, selfRelated);
  return assertValidBundle(bundle, (issue) => {
    switch (issue.entity) {
      case 'competency':
        return FILES.skills;
      case 'relation':
        return FILES.skillBroader;
      case 'occupation':
        return FILES.occupations;
      case 'occupationLink':
        return FILES.links;
      default:
        return dir;
    }
  });
}

const SKILL_FILES = `not in ${FILES.skills}, ${FILES.groups} or ${FILES.hierarchy}`;
const OCCUPATION_FILES = `not in ${FILES.occupations} or ${FILES.isco}`;

/** `v1.1.1` from a folder such as `esco-v1.1.1-en`, or IMPORT_FAILED asking for the version. */
function inferEscoLabel(dir: string): string {
  const match = /(?:^|[^\d.])v?(\d+\.\d+(?:\.\d+)?)(?![\d.])/i.exec(basename(dir));
  if (match) return `v${match[1]}`;
  throw importFailure(
    { file: dir, line: 0, field: 'label' },
    'cannot tell the ESCO version from the folder name; pass it with --label (e.g. --label v1.1.1)',
  );
}

async function assertFolder(dir: string): Promise<void> {
  const info = await stat(dir).catch(() => null);
  if (!info?.isDirectory()) throw importFailure({ file: dir, line: 0, field: '(folder)' }, 'folder not found');
}

async function fileExists(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null))?.isFile() ?? false;
}

function requireText(records: CsvRecords<string, string>, line: number, field: string, value: string): string {
  const text = value.trim();
  if (text === '') throw records.fail(line, field, 'must not be empty');
  return text;
}

/** ESCO puts one alternative label per line; the preferred label is often repeated among them. */
function splitLabels(text: string, preferred: string): string[] {
  const labels = new Set<string>();
  for (const part of text.split('\n')) {
    const label = part.trim();
    if (label !== '' && label !== preferred.trim()) labels.add(label);
  }
  return [...labels];
}

function collectPillar(records: CsvRecords<'conceptUri' | 'broaderUri'>): PillarRow[] {
  const rows: PillarRow[] = [];
  for (const { line, fields } of records) rows.push({ line, from: fields.conceptUri, to: fields.broaderUri });
  return rows;
}

/**
 * Types: `attitude` below an attitudes-and-values branch (ESCO v1.0 had one; v1.1 folded it into the transversal
 * skills, so v1.1.x yields none), else the file's skillType, else (6 digital-competence skills of v1.1.1 have none)
 * `knowledge` below the knowledge branch and `skill` elsewhere. Dimension `language` below the language branch.
 */
function assignTypesAndDimensions(
  bundle: TaxonomyBundle,
  roots: Record<'knowledge' | 'language' | 'attitude', Set<Competency>>,
  rawSkillType: ReadonlyMap<Competency, string>,
): void {
  const byId = new Map(bundle.competencies.map((competency) => [competency.id, competency]));
  const children = new Map<Competency, Competency[]>();
  for (const relation of bundle.relations) {
    if (relation.kind !== 'broader') continue;
    const parent = byId.get(relation.toId)!;
    const list = children.get(parent);
    if (list) list.push(byId.get(relation.fromId)!);
    else children.set(parent, [byId.get(relation.fromId)!]);
  }
  const below = (starts: Iterable<Competency>): Set<Competency> => {
    const seen = new Set<Competency>(starts);
    const stack = [...seen];
    for (let node = stack.pop(); node; node = stack.pop()) {
      for (const child of children.get(node) ?? []) {
        if (seen.has(child)) continue;
        seen.add(child);
        stack.push(child);
      }
    }
    return seen;
  };
  const knowledge = below(roots.knowledge);
  const language = below(roots.language);
  const attitude = below(roots.attitude);
  for (const competency of bundle.competencies) {
    const raw = rawSkillType.get(competency);
    const isKnowledge = knowledge.has(competency) || competency.id.startsWith('isced-f:');
    competency.type = attitude.has(competency)
      ? 'attitude'
      : raw
        ? SKILL_TYPES.get(raw)!
        : isKnowledge
          ? 'knowledge'
          : 'skill';
    if (language.has(competency)) competency.dimension = 'language';
  }
}

function releaseNotes(
  label: string,
  dir: string,
  hierarchyPresent: boolean,
  undefinedConcepts: ReadonlyMap<string, number>,
  selfRelated: number,
): string {
  const notes = [
    `ESCO ${label}, official CSV release (English), read from ${basename(dir)}.`,
    'This service uses the ESCO classification of the European Commission.',
  ];
  if (!hierarchyPresent) notes.push(`${FILES.hierarchy} was absent: no language dimension or attitudes were derived.`);
  for (const [uri, rows] of undefinedConcepts) {
    notes.push(
      `Skipped ${rows} relation row(s) naming ${uri}, which the release’s broader pillar places but its ` +
        'classification files do not define.',
    );
  }
  if (selfRelated > 0) notes.push(`Skipped ${selfRelated} skill-to-skill relation(s) of a skill to itself.`);
  return notes.join('\n');
}
