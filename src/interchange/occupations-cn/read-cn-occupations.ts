import { basename } from 'node:path';
import {
  blankOccupation,
  emptyBundle,
  type ReferenceOccupation,
  type TaxonomyBundle,
} from '../../core/taxonomy/taxonomy-bundle.js';
import { assertValidBundle } from '../csv/assert-valid-bundle.js';
import { readCsvRecords } from '../csv/read-csv-records.js';

export interface ReadCnOccupationsOptions {
  /** Version label; `2022` by default. */
  label?: string;
}

const COLUMNS = [
  'small_category_code',
  'title',
  'major_group_code',
  'major_group',
  'middle_group',
  'definition',
  'occupation_titles',
] as const;

const SMALL_CATEGORY_CODE = /^(\d)-(\d{2})-(\d{2})$/;
/** Pieces of a definition that the PDF parsing left in the middle_group column (e.g. `从事土壤肥料、…、`). */
const NOT_A_NAME = /^(从事|指)|[。、，,；;：:]$/;

interface MiddleGroup {
  occupation: ReferenceOccupation;
  line: number;
  /** Candidate names in file order. */
  names: string[];
  /** Title of the `X-YY-00` small category, which the 大典 uses for a middle group without subdivisions. */
  undividedTitle: string | null;
}

/**
 * Reads the 小类 (unit-group) table of 职业分类大典 2022 (`small_categories_2022.csv`) into reference occupations of
 * scheme `cn2022`: one per 小类 (`cn2022:4-04-05`), under its 中类 (`cn2022:4-04`) under its 大类 (`cn2022:4`), the
 * group nodes being built from the code prefixes. The file was parsed from the PDF and its middle_group column is
 * noisy: a 中类 takes the name most of its rows agree on (the first on a tie), ignoring definition fragments.
 */
export async function readCnOccupations(file: string, options: ReadCnOccupationsOptions = {}): Promise<TaxonomyBundle> {
  const records = await readCsvRecords(file, { columns: COLUMNS });
  const label = options.label ?? '2022';
  const bundle = emptyBundle({
    key: 'cn-occupations',
    label,
    titleZh: `中华人民共和国职业分类大典（${label}年版）`,
    titleEn: `Occupational Classification of the People’s Republic of China (${label} edition)`,
    source: 'cn-occupations',
    releaseNotes: '',
  });

  const byId = new Map<string, ReferenceOccupation>();
  const middles = new Map<string, MiddleGroup>();
  let withoutDefinition = 0;
  for (const { line, fields } of records) {
    const code = fields.small_category_code.trim();
    const match = SMALL_CATEGORY_CODE.exec(code);
    if (!match)
      throw records.fail(line, 'small_category_code', `expected a code like 4-04-05, not ${JSON.stringify(code)}`);
    const majorCode = match[1]!;
    const middleCode = `${majorCode}-${match[2]!}`;
    if (fields.major_group_code.trim() !== majorCode)
      throw records.fail(line, 'major_group_code', `${code} belongs to major group ${majorCode}`);
    if (byId.has(`cn2022:${code}`)) throw records.fail(line, 'small_category_code', `${code} is listed twice`);

    const majorName = fields.major_group.trim();
    const major = byId.get(`cn2022:${majorCode}`);
    if (!major) {
      if (majorName === '') throw records.fail(line, 'major_group', 'must not be empty');
      add(bundle, byId, { ...blankOccupation(`cn2022:${majorCode}`, 'cn2022'), code: majorCode, titleZh: majorName });
    } else if (major.titleZh !== majorName) {
      throw records.fail(line, 'major_group', `major group ${majorCode} is ${major.titleZh ?? ''} above`);
    }

    let middle = middles.get(middleCode);
    if (!middle) {
      const occupation = add(bundle, byId, {
        ...blankOccupation(`cn2022:${middleCode}`, 'cn2022'),
        code: middleCode,
        broaderId: `cn2022:${majorCode}`,
      });
      middle = { occupation, line, names: [], undividedTitle: null };
      middles.set(middleCode, middle);
    }
    const middleName = fields.middle_group.trim();
    if (middleName !== '' && !NOT_A_NAME.test(middleName)) middle.names.push(middleName);

    const title = fields.title.trim();
    if (title === '') throw records.fail(line, 'title', 'must not be empty');
    if (match[3] === '00') middle.undividedTitle = title;
    const definition = fields.definition.trim();
    if (definition === '') withoutDefinition++;
    const aliases = new Set<string>();
    for (const part of fields.occupation_titles.split(/[;；]/)) {
      const alias = part.trim();
      if (alias !== '' && alias !== title) aliases.add(alias);
    }
    add(bundle, byId, {
      ...blankOccupation(`cn2022:${code}`, 'cn2022'),
      code,
      titleZh: title,
      aliasesZh: [...aliases],
      description: definition || null,
      broaderId: `cn2022:${middleCode}`,
    });
  }

  for (const middle of middles.values()) {
    const name = mostFrequent(middle.names) ?? middle.undividedTitle;
    if (name === null)
      throw records.fail(middle.line, 'middle_group', `cannot tell the name of ${middle.occupation.code ?? ''}`);
    middle.occupation.titleZh = name;
  }

  bundle.framework.releaseNotes = [
    `《中华人民共和国职业分类大典（2022年版）》 at the 小类 level, read from ${basename(file)}: ` +
      `${records.total} 小类 under ${middles.size} 中类. 职业分类数据源自《中华人民共和国职业分类大典（2022年版）》; ` +
      'parsed by github.com/yanmingcao/jobs-china (MIT).',
    'Parsed from the PDF, not official data: the official edition has 449 小类; 职业 codes are absent (their names ' +
      `are the aliases); ${withoutDefinition} 小类 have no definition; 中类 names are repaired from the noisy ` +
      'middle_group column.',
  ].join('\n');
  return assertValidBundle(bundle, () => records.file);
}

function add(
  bundle: TaxonomyBundle,
  byId: Map<string, ReferenceOccupation>,
  occupation: ReferenceOccupation,
): ReferenceOccupation {
  byId.set(occupation.id, occupation);
  bundle.occupations.push(occupation);
  return occupation;
}

/** The value given most often; the earliest on a tie. */
function mostFrequent(values: readonly string[]): string | null {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best: string | null = null;
  for (const [value, count] of counts) if (best === null || count > counts.get(best)!) best = value;
  return best;
}
