import { basename } from 'node:path';
import {
  emptyBundle,
  type EducationLevel,
  type Specialty,
  type SpecialtyLevel,
  type TaxonomyBundle,
} from '../../core/taxonomy/taxonomy-bundle.js';
import { assertValidBundle } from '../csv/assert-valid-bundle.js';
import { readCsvRecords, type CsvRecords } from '../csv/read-csv-records.js';

export interface ReadSpecialtyCatalogueOptions {
  /** Version label; `2021` by default. */
  label?: string;
}

/** The upstream layout: one row per node of all three education levels (`vocational-2021.csv`). */
const FULL_COLUMNS = ['educationLevel', 'itemLevel', 'majorCode', 'majorName', 'parentCode'] as const;
/** The derived 高职专科 list: one row per major with its class and category (`gaozhi-zhuanke-majors-2021.csv`). */
const MAJOR_LIST_COLUMNS = [
  'major_code',
  'major_name',
  'class_code',
  'class_name',
  'category_code',
  'category_name',
  'national_control_K',
] as const;
type Column = (typeof FULL_COLUMNS)[number] | (typeof MAJOR_LIST_COLUMNS)[number];

const EDUCATION_LEVELS: ReadonlyMap<string, EducationLevel> = new Map([
  ['VOCATIONAL_SECONDARY', 'secondary'],
  ['VOCATIONAL_ASSOCIATE', 'higher'],
  ['VOCATIONAL_BACHELOR', 'bachelor'],
  ['中职', 'secondary'],
  ['高职专科', 'higher'],
  ['高职本科', 'bachelor'],
]);
const ITEM_LEVELS: ReadonlyMap<string, SpecialtyLevel> = new Map([
  ['CATEGORY', 'category'],
  ['CLASS', 'class'],
  ['MAJOR', 'major'],
]);
const PARENT_LEVEL: Readonly<Record<SpecialtyLevel, SpecialtyLevel | null>> = {
  category: null,
  class: 'category',
  major: 'class',
};
const CODE_DIGITS: Readonly<Record<SpecialtyLevel, number>> = { category: 2, class: 4, major: 6 };

/**
 * Reads the 2021 vocational-education specialty catalogue (职业教育专业目录) into `bundle.specialties`: 专业大类 →
 * 专业类 → 专业 per education level (中职 secondary, 高职专科 higher, 高职本科 bachelor). The layout is told by
 * the header: the full three-level file, or the derived list of 高职专科 majors. A code's `K` suffix (国控专业) becomes
 * `controlled: true` and is dropped from the code (`520101K` → `520101`).
 */
export async function readSpecialtyCatalogue(
  file: string,
  options: ReadSpecialtyCatalogueOptions = {},
): Promise<TaxonomyBundle> {
  const records = await readCsvRecords<never, Column>(file, {
    columns: [],
    optionalColumns: [...FULL_COLUMNS, ...MAJOR_LIST_COLUMNS],
  });
  const majorList = records.has('major_code');
  records.requireColumns(majorList ? MAJOR_LIST_COLUMNS : FULL_COLUMNS);

  const label = options.label ?? '2021';
  const bundle = emptyBundle({
    key: 'moe-vocational-catalogue',
    label,
    titleZh: `职业教育专业目录（${label}年）`,
    titleEn: `Catalogue of Vocational Education Specialties (${label})`,
    source: 'moe-catalogue',
    releaseNotes:
      `Read from ${basename(file)} (${majorList ? '高职专科 majors only' : 'all three education levels'}). ` +
      '来源：教育部《职业教育专业目录（2021年）》（教职成〔2021〕2号）；machine-readable layout from ' +
      'github.com/p180j/gk-job-helper. A K after a major code marks a nationally controlled major (国控专业).',
  });
  bundle.specialties = majorList ? readMajorList(records) : readFullCatalogue(records);
  return assertValidBundle(bundle, () => records.file);
}

function readFullCatalogue(records: CsvRecords<never, Column>): Specialty[] {
  const specialties: Specialty[] = [];
  const known = new Map<string, Specialty>();
  const pending: { specialty: Specialty; line: number }[] = [];
  for (const { line, fields } of records) {
    const educationLevel = EDUCATION_LEVELS.get((fields.educationLevel ?? '').trim());
    if (!educationLevel)
      throw records.fail(line, 'educationLevel', `unknown education level ${JSON.stringify(fields.educationLevel)}`);
    const level = ITEM_LEVELS.get((fields.itemLevel ?? '').trim());
    if (!level)
      throw records.fail(
        line,
        'itemLevel',
        `expected CATEGORY, CLASS or MAJOR, not ${JSON.stringify(fields.itemLevel)}`,
      );
    const { code, controlled } = parseCode(records, line, 'majorCode', fields.majorCode ?? '', level);
    const parentText = (fields.parentCode ?? '').trim();
    if ((level === 'category') !== (parentText === ''))
      throw records.fail(line, 'parentCode', level === 'category' ? 'a category has no parent' : 'must not be empty');
    const parentCode = parentText === '' ? null : parentText.replace(/K$/, '');
    if (parentCode !== null && !code.startsWith(parentCode))
      throw records.fail(line, 'parentCode', `${code} does not start with its parent’s code ${parentCode}`);
    const specialty: Specialty = {
      code,
      nameZh: requireName(records, line, 'majorName', fields.majorName ?? ''),
      nameEn: null,
      level,
      educationLevel,
      parentCode,
      controlled,
    };
    const key = `${educationLevel}:${code}`;
    if (known.has(key)) throw records.fail(line, 'majorCode', `${code} is listed twice for ${educationLevel}`);
    known.set(key, specialty);
    specialties.push(specialty);
    pending.push({ specialty, line });
  }
  for (const { specialty, line } of pending) {
    if (specialty.parentCode === null) continue;
    const parent = known.get(`${specialty.educationLevel}:${specialty.parentCode}`);
    if (!parent || parent.level !== PARENT_LEVEL[specialty.level]) {
      throw records.fail(
        line,
        'parentCode',
        `no ${PARENT_LEVEL[specialty.level]} ${specialty.parentCode} at the ${specialty.educationLevel} level`,
      );
    }
  }
  return specialties;
}

function readMajorList(records: CsvRecords<never, Column>): Specialty[] {
  const specialties: Specialty[] = [];
  const known = new Map<string, Specialty>();
  const group = (
    line: number,
    level: 'category' | 'class',
    codeField: Column,
    codeText: string,
    nameField: Column,
    nameText: string,
    parentCode: string | null,
  ): string => {
    const { code } = parseCode(records, line, codeField, codeText, level);
    const nameZh = requireName(records, line, nameField, nameText);
    if (parentCode !== null && !code.startsWith(parentCode))
      throw records.fail(line, codeField, `${code} does not start with its parent’s code ${parentCode}`);
    const existing = known.get(code);
    if (existing) {
      if (existing.nameZh !== nameZh || existing.parentCode !== parentCode)
        throw records.fail(
          line,
          nameField,
          `${code} is ${existing.nameZh} (under ${existing.parentCode ?? '—'}) above`,
        );
      return code;
    }
    const specialty: Specialty = {
      code,
      nameZh,
      nameEn: null,
      level,
      educationLevel: 'higher',
      parentCode,
      controlled: false,
    };
    known.set(code, specialty);
    specialties.push(specialty);
    return code;
  };

  for (const { line, fields } of records) {
    const category = group(
      line,
      'category',
      'category_code',
      fields.category_code ?? '',
      'category_name',
      fields.category_name ?? '',
      null,
    );
    const parentCode = group(
      line,
      'class',
      'class_code',
      fields.class_code ?? '',
      'class_name',
      fields.class_name ?? '',
      category,
    );
    const majorCode = fields.major_code ?? '';
    const { code, controlled: marked } = parseCode(records, line, 'major_code', majorCode, 'major');
    if (!code.startsWith(parentCode))
      throw records.fail(line, 'major_code', `${code} does not start with its class code ${parentCode}`);
    const flag = (fields.national_control_K ?? '').trim();
    if (flag !== '' && flag !== 'Y' && flag !== 'N')
      throw records.fail(line, 'national_control_K', `expected Y or N, not ${JSON.stringify(flag)}`);
    if (flag !== '' && (flag === 'Y') !== marked)
      throw records.fail(line, 'national_control_K', `${flag} contradicts the code ${majorCode} (a K suffix means Y)`);
    if (known.has(code)) throw records.fail(line, 'major_code', `${code} is listed twice`);
    const major: Specialty = {
      code,
      nameZh: requireName(records, line, 'major_name', fields.major_name ?? ''),
      nameEn: null,
      level: 'major',
      educationLevel: 'higher',
      parentCode,
      controlled: marked,
    };
    known.set(code, major);
    specialties.push(major);
  }
  return specialties;
}

/** A code of the level's length (2, 4 or 6 digits); majors may carry the K (国控) suffix. */
function parseCode(
  records: CsvRecords<never, Column>,
  line: number,
  field: Column,
  text: string,
  level: SpecialtyLevel,
): { code: string; controlled: boolean } {
  const match = /^(\d+)(K?)$/.exec(text.trim());
  const digits = CODE_DIGITS[level];
  if (!match || match[1]!.length !== digits || (match[2] === 'K' && level !== 'major'))
    throw records.fail(
      line,
      field,
      `a ${level} code has ${digits} digits${level === 'major' ? ' (and an optional K)' : ''}, not ${JSON.stringify(text)}`,
    );
  return { code: match[1]!, controlled: match[2] === 'K' };
}

function requireName(records: CsvRecords<never, Column>, line: number, field: Column, text: string): string {
  const name = text.trim();
  if (name === '') throw records.fail(line, field, 'must not be empty');
  return name;
}
