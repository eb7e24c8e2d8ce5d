import type { DomainError } from '../../core/errors/domain-error.js';

type Fail = (line: number, field: string, reason: string) => DomainError<'IMPORT_FAILED'>;

/**
 * Accepted names per field (compared after `columnKey`: case, spaces, `_` and `-` ignored). The first is the name
 * the writers use and messages print.
 */
export function columnAliases<F extends string>(aliases: Readonly<Record<F, readonly string[]>>) {
  const byKey = new Map<string, F>();
  for (const [field, names] of Object.entries(aliases) as [F, readonly string[]][]) {
    for (const name of [field, ...names]) byKey.set(columnKey(name), field);
  }
  return byKey;
}

export function columnKey(name: string): string {
  return name
    .replace(/^\ufeff/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s_\-（）()]/g, '');
}

/**
 * Maps a header row to fields: column index per field. Two columns meaning the same field fail on the header line;
 * a missing required field fails naming it, the names it may have, and the columns found. Unknown columns are
 * ignored.
 */
export function mapHeader<F extends string>(
  header: readonly string[],
  aliases: Readonly<Record<F, readonly string[]>>,
  required: readonly F[],
  fail: Fail,
  line = 1,
): Map<F, number> {
  const byKey = columnAliases(aliases);
  const columns = new Map<F, number>();
  header.forEach((name, index) => {
    const field = byKey.get(columnKey(name));
    if (field === undefined) return;
    const earlier = columns.get(field);
    if (earlier !== undefined) {
      throw fail(line, field, `the columns "${header[earlier]}" and "${name}" both mean ${field}: keep one`);
    }
    columns.set(field, index);
  });
  for (const field of required) {
    if (!columns.has(field)) throw fail(line, field, missingColumn(field, aliases[field], header));
  }
  return columns;
}

export function missingColumn(field: string, names: readonly string[], found: readonly string[]): string {
  const list = found.map((name) => name.trim()).join(', ');
  const shown = list.length > 200 ? `${list.slice(0, 200)}…` : list === '' ? '(none)' : list;
  return `missing column ${field} (also accepted: ${names.join(', ')}; found: ${shown})`;
}

/**
 * A date as ISO `YYYY-MM-DD`: accepts `YYYY-MM-DD`, `YYYY/MM/DD`, `YYYY.MM.DD`, `YYYY-MM` and `YYYY/MM` (the first of
 * the month), `2024年3月5日`, `2024年3月`, and ISO date-times (the date part). Null when it is none of these or not a
 * real calendar date between 1990 and 2100.
 */
export function parseIsoDate(value: string): string | null {
  const text = value.trim();
  const match =
    /^(\d{4})[-/.](\d{1,2})(?:[-/.](\d{1,2}))?(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(
      text,
    ) ?? /^(\d{4})年(\d{1,2})月(?:(\d{1,2})[日号])?$/.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = match[3] === undefined ? 1 : Number(match[3]);
  if (year < 1990 || year > 2100 || month < 1 || month > 12 || day < 1) return null;
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** An Excel serial day number (days since 1899-12-30) as ISO, or null outside 1990–2100. */
export function excelSerialToIsoDate(serial: number): string | null {
  if (!Number.isFinite(serial)) return null;
  const date = new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000);
  const year = date.getUTCFullYear();
  return year < 1990 || year > 2100 ? null : date.toISOString().slice(0, 10);
}

const MUNICIPALITIES = ['北京', '天津', '上海', '重庆'];
const PROVINCES: readonly string[] = [
  '河北省',
  '山西省',
  '辽宁省',
  '吉林省',
  '黑龙江省',
  '江苏省',
  '浙江省',
  '安徽省',
  '福建省',
  '江西省',
  '山东省',
  '河南省',
  '湖北省',
  '湖南省',
  '广东省',
  '海南省',
  '四川省',
  '贵州省',
  '云南省',
  '陕西省',
  '甘肃省',
  '青海省',
  '台湾省',
  '内蒙古自治区',
  '广西壮族自治区',
  '西藏自治区',
  '宁夏回族自治区',
  '新疆维吾尔自治区',
  '香港特别行政区',
  '澳门特别行政区',
];
/** Short name (江苏, 广西, 内蒙古) → full name. */
const PROVINCE_BY_SHORT = new Map<string, string>();
for (const name of PROVINCES) {
  const short = name.replace(/(省|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$/, '');
  PROVINCE_BY_SHORT.set(short, name);
  PROVINCE_BY_SHORT.set(name, name);
}
for (const name of MUNICIPALITIES) {
  PROVINCE_BY_SHORT.set(name, `${name}市`);
  PROVINCE_BY_SHORT.set(`${name}市`, `${name}市`);
}

/** A province-level name in full (`江苏` → `江苏省`, `上海` → `上海市`); other text is returned as given. */
export function normaliseProvince(value: string): string {
  return PROVINCE_BY_SHORT.get(value) ?? value;
}

/** A Chinese city name with its `市` (`无锡` → `无锡市`), unless it already ends in 市, 州, 盟, 区, 县 or 地区. */
export function normaliseCity(value: string): string {
  if (!/^\p{Script=Han}{2,}$/u.test(value) || /(市|州|盟|区|县|地区)$/.test(value)) return value;
  return `${value}市`;
}

/**
 * Splits a combined region into province and city: `江苏省无锡市`, `江苏省/无锡市`, `江苏 无锡`, `上海市浦东新区`
 * (a municipality is its own city), `无锡市` (city only). Unknown one-part text is taken as the city.
 */
export function parseRegion(value: string): { province: string | null; city: string | null } {
  const text = value.trim();
  if (text === '') return { province: null, city: null };
  const parts = text.split(/\s*[/／|｜\\·,，\-—]\s*|\s+/).filter((part) => part !== '');
  if (parts.length >= 2) {
    const province = normaliseProvince(parts[0]!);
    if (MUNICIPALITIES.some((name) => province === `${name}市`)) return { province, city: province };
    return { province, city: normaliseCity(parts[1]!) };
  }
  for (const name of MUNICIPALITIES) {
    if (text.startsWith(name)) return { province: `${name}市`, city: `${name}市` };
  }
  const full = /^(.+?(?:省|自治区|特别行政区))(.*)$/u.exec(text);
  if (full) return { province: normaliseProvince(full[1]!), city: full[2] ? normaliseCity(full[2]) : null };
  for (const [short, name] of PROVINCE_BY_SHORT) {
    if (text.startsWith(short) && text.length >= short.length + 2) {
      return { province: name, city: normaliseCity(text.slice(short.length)) };
    }
  }
  const province = PROVINCE_BY_SHORT.get(text);
  if (province !== undefined) return { province, city: null };
  return { province: null, city: normaliseCity(text) };
}
