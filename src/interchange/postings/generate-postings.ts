import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { PostingRecord } from '../../core/demand/posting.js';
import { catalogueCompetencyFileSchema, cataloguePostFileSchema } from '../../contracts/catalogue-file.js';
import { parseJsonText } from '../read-json-file.js';
import { curatedCatalogueDir, sharedDataPath } from '../shared-data.js';
import { toPlainLine } from './plain-text.js';
import { writeChinesePosting } from './write-chinese-posting.js';

/** A seeded PRNG (mulberry32): uniform in [0, 1), the same sequence for the same seed. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface CorpusScene {
  descriptionZh: string;
  descriptionEn: string;
  tasksZh: string[];
  tasksEn: string[];
}

interface CorpusRequirement {
  labelZh: string;
  labelEn: string;
  /** Other names of the competency (postings name a competency in many ways, not by its label only). */
  aliasesZh: string[];
  descriptionZh: string;
  essential: boolean;
}

export interface CorpusPost {
  id: string;
  category: string;
  titlesZh: string[];
  titlesEn: string[];
  subSectorZh: string;
  subSectorEn: string;
  descriptionZh: string;
  descriptionEn: string;
  scenes: CorpusScene[];
  requirements: CorpusRequirement[];
  /** Indices into `sentences` of real English sentences that mention one of the post's terms. */
  sentenceIndices: number[];
}

export interface CorpusCity {
  province: string;
  city: string;
  cityEn: string;
  weight: number;
}

/** What the generator draws from: curated posts, real English job-posting sentences, the demonstration cities. */
export interface PostingCorpus {
  posts: CorpusPost[];
  sentences: string[];
  cities: CorpusCity[];
  /** Where the English sentences and the cities came from (shared datasets or the built-in fallback). */
  sources: string[];
  /** Every competency of the catalogue by id: Chinese label and aliases (for the demand drift). */
  competencies: ReadonlyMap<string, { labelZh: string; aliasesZh: readonly string[] }>;
}

export interface PostingCorpusOptions {
  /**
   * Read the shared datasets when they are found (default true). False: the catalogue's own task sentences and the
   * built-in cities only — the same corpus on every installation, whatever lies beside the checkout (the demo).
   */
  readonly sharedData?: boolean;
}

/**
 * Loads the generator's material at run time (nothing is copied into the project): the curated catalogue's posts
 * and competencies (Chinese and English titles, aliases, scenes, tasks, descriptions), real English sentences
 * from job postings in the shared datasets (SkillSpan train/dev, Green et al. train, Decorte's validation
 * sentences), and the service-outsourcing demonstration cities. Without the shared datasets (or with
 * `sharedData: false`) the English sentences are the catalogue's own task sentences and the cities a built-in list.
 */
export function loadPostingCorpus(options: PostingCorpusOptions = {}): PostingCorpus {
  const sources: string[] = ['data/catalogue'];
  const shared = options.sharedData ?? true;
  const sentences = shared ? readEnglishSentences(sources) : [];
  const cities = shared ? readCities(sources) : [...FALLBACK_CITIES];
  const catalogue = curatedCatalogueDir();
  const competencies = new Map<
    string,
    { labelZh: string; labelEn: string; aliasesZh: string[]; descriptionZh: string; terms: string[] }
  >();
  for (const name of readdirSync(join(catalogue, 'competencies'))
    .filter((entry) => entry.endsWith('.json'))
    .sort()) {
    const file = join(catalogue, 'competencies', name);
    for (const competency of parseJsonText(readFileSync(file, 'utf8'), catalogueCompetencyFileSchema, file)
      .competencies) {
      competencies.set(competency.id, {
        labelZh: competency.labelZh,
        labelEn: competency.labelEn,
        aliasesZh: competency.aliasesZh,
        descriptionZh: competency.descriptionZh,
        terms: [competency.labelEn, ...competency.aliasesEn],
      });
    }
  }
  const postFiles = readdirSync(join(catalogue, 'posts'))
    .filter((entry) => entry.endsWith('.json'))
    .sort();
  const posts: CorpusPost[] = [];
  const wordIndex = indexWords(sentences);
  for (const name of postFiles) {
    const file = join(catalogue, 'posts', name);
    const post = parseJsonText(readFileSync(file, 'utf8'), cataloguePostFileSchema, file);
    const requirements: CorpusRequirement[] = [];
    const terms = [post.titleEn, ...post.aliasesEn];
    for (const requirement of post.requirements) {
      const competency = competencies.get(requirement.competency);
      if (!competency) continue;
      requirements.push({ ...competency, essential: requirement.essential });
      if (requirement.essential) terms.push(...competency.terms);
    }
    if (sentences.length === 0) {
      for (const scene of post.scenes) sentences.push(...scene.tasksEn.map((task) => `${task}.`));
    }
    posts.push({
      id: post.id,
      category: post.category,
      titlesZh: [post.titleZh, ...post.aliasesZh],
      titlesEn: [post.titleEn, ...post.aliasesEn],
      subSectorZh: post.subSectorZh,
      subSectorEn: post.subSectorEn,
      descriptionZh: post.descriptionZh,
      descriptionEn: post.descriptionEn,
      scenes: post.scenes.map((scene) => ({
        descriptionZh: scene.descriptionZh,
        descriptionEn: scene.descriptionEn,
        tasksZh: scene.tasksZh,
        tasksEn: scene.tasksEn,
      })),
      requirements,
      sentenceIndices: matchSentences(sentences, wordIndex, terms),
    });
  }
  return { posts, sentences, cities, sources, competencies };
}

/** Real sentences, detokenised, without de-identification placeholders other than `<ORGANIZATION>`. */
function readEnglishSentences(sources: string[]): string[] {
  const out = new Set<string>();
  const tokenFiles = [
    ['skillspan', 'train.json'],
    ['skillspan', 'dev.json'],
    ['green-2022-skill-ner', 'train.json'],
  ];
  for (const parts of tokenFiles) {
    const path = sharedDataPath(...parts);
    if (path === null || !existsSync(path)) continue;
    sources.push(parts.join('/'));
    for (const line of readFileSync(path, 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      const { tokens } = JSON.parse(line) as { tokens: string[] };
      keepSentence(out, detokenise(tokens));
    }
  }
  for (const name of ['house_validation_annotations.csv', 'tech_validation_annotations.csv']) {
    const path = sharedDataPath('esco-skill-linking-decorte', name);
    if (path === null || !existsSync(path)) continue;
    sources.push(`esco-skill-linking-decorte/${name}`);
    const rows = parse<{ sentence?: string }>(readFileSync(path), { columns: true, relax_column_count: true });
    for (const row of rows) if (row.sentence) keepSentence(out, row.sentence);
  }
  return [...out];
}

function detokenise(tokens: readonly string[]): string {
  return tokens
    .join(' ')
    .replace(/ ([.,;:!?)\]%])/g, '$1')
    .replace(/([([$]) /g, '$1')
    .replace(/ ' s\b/g, "'s")
    .replace(/ n't\b/g, "n't");
}

function keepSentence(out: Set<string>, sentence: string): void {
  // Green et al.'s sentences have `"` where the source had commas.
  const text = toPlainLine(sentence.replace(/ " /g, ', '));
  if (text.length < 40 || text.length > 320 || !/^[A-Z]/.test(text) || !/[.!?]$/.test(text)) return;
  if (text.includes('**') || text.includes('"')) return;
  if (/<(?!ORGANIZATION>)[A-Z_]+>/.test(text) || /https?:|@|\|/.test(text)) return;
  if (text.split(' ').length < 6) return;
  out.add(text);
}

function indexWords(sentences: readonly string[]): Map<string, number[]> {
  const index = new Map<string, number[]>();
  sentences.forEach((sentence, position) => {
    for (const word of new Set(sentence.toLowerCase().split(/[^a-z0-9+#]+/))) {
      if (word.length < 2) continue;
      const list = index.get(word);
      if (list) list.push(position);
      else index.set(word, [position]);
    }
  });
  return index;
}

/** Sentences containing one of the terms (whole first word looked up, the rest checked as a substring). */
function matchSentences(
  sentences: readonly string[],
  index: Map<string, number[]>,
  terms: readonly string[],
): number[] {
  const found = new Set<number>();
  for (const term of terms) {
    const lower = term.toLowerCase().trim();
    const words = lower.split(/[^a-z0-9+#]+/).filter((word) => word.length >= 2);
    const first = words.sort((a, b) => b.length - a.length)[0];
    if (!first || (words.length === 1 && first.length < 4)) continue;
    for (const position of index.get(first) ?? []) {
      if (words.length === 1 || sentences[position]!.toLowerCase().includes(lower)) found.add(position);
    }
  }
  return [...found].sort((a, b) => a - b);
}

const FALLBACK_CITIES: readonly CorpusCity[] = [
  { province: '北京市', city: '北京市', cityEn: 'Beijing', weight: 3 },
  { province: '上海市', city: '上海市', cityEn: 'Shanghai', weight: 3 },
  { province: '江苏省', city: '南京市', cityEn: 'Nanjing', weight: 2 },
  { province: '江苏省', city: '无锡市', cityEn: 'Wuxi', weight: 2 },
  { province: '江苏省', city: '苏州市', cityEn: 'Suzhou', weight: 2 },
  { province: '浙江省', city: '杭州市', cityEn: 'Hangzhou', weight: 2 },
  { province: '广东省', city: '深圳市', cityEn: 'Shenzhen', weight: 2 },
  { province: '四川省', city: '成都市', cityEn: 'Chengdu', weight: 2 },
  { province: '辽宁省', city: '大连市', cityEn: 'Dalian', weight: 2 },
  { province: '湖北省', city: '武汉市', cityEn: 'Wuhan', weight: 2 },
];

function readCities(sources: string[]): CorpusCity[] {
  const path = sharedDataPath('cn-service-outsourcing-demo-cities', 'demo_cities.csv');
  if (path === null || !existsSync(path)) return [...FALLBACK_CITIES];
  sources.push('cn-service-outsourcing-demo-cities/demo_cities.csv');
  const rows = parse<{
    city_zh: string;
    city_en: string;
    province_zh: string;
    batch: string;
  }>(readFileSync(path), { columns: true, bom: true });
  return rows.map((row) => {
    const city = row.city_zh.endsWith('市') ? row.city_zh : `${row.city_zh}市`;
    const municipality = row.province_zh.endsWith('市');
    return {
      province: row.province_zh,
      city: municipality ? row.province_zh : city,
      cityEn: row.city_en.replace(/\s*\(.*\)$/, ''),
      // The first 21 cities have had a decade longer to grow their outsourcing industry.
      weight: row.batch.startsWith('first') ? 2 : 1,
    };
  });
}

export interface GeneratePostingsOptions {
  count: number;
  seed: number;
  /** Share of postings written in Chinese (default 0.6); the rest are in English. */
  zhShare?: number;
  /** Share of postings that are reposts of an earlier one with small edits (default 0.05). */
  duplicateShare?: number;
  /** Share of postings whose source already names the curated post (`postId`; default 0.2). */
  classifiedShare?: number;
  /** The material (default: `loadPostingCorpus()`), loaded once and reusable across calls. */
  corpus?: PostingCorpus;
}

/** A generated posting with the truth behind it, for evaluating classification, trends and de-duplication. */
export interface GeneratedPosting {
  record: PostingRecord;
  /** The curated post it was written for. */
  postId: string;
  language: 'zh' | 'en';
  /** The id of the posting it reposts (with small edits), or null. */
  duplicateOf: string | null;
}

export const FIRST_POSTING_DATE = '2022-01-01';
export const LAST_POSTING_DATE = '2026-10-31';
const FIRST_YEAR = 2022;
const LAST_YEAR = 2026;

/**
 * Yearly growth of each post's number of postings for a seed (e.g. 0.4 = 40 % more each year): about a third of the
 * posts grow 20–60 % a year, a quarter shrink 15–35 % a year, the rest stay within ±6 %. The generator draws
 * years with these trends, so a trend analysis of the output has something real to find.
 */
export function generatedTrends(posts: readonly { id: string }[], seed: number): Map<string, number> {
  const random = mulberry32(seed ^ 0x5eed7e4d);
  const order = shuffle(
    posts.map((post) => post.id),
    random,
  );
  const growing = Math.round(order.length / 3);
  const shrinking = Math.round(order.length / 4);
  const trends = new Map<string, number>();
  order.forEach((id, index) => {
    if (index < growing) trends.set(id, 0.2 + random() * 0.4);
    else if (index >= order.length - shrinking) trends.set(id, -(0.15 + random() * 0.2));
    else trends.set(id, (random() - 0.5) * 0.12);
  });
  return trends;
}

/** The postings alone (`generateLabelledPostings` without the truth). */
export function* generatePostings(options: GeneratePostingsOptions): Generator<PostingRecord> {
  for (const generated of generateLabelledPostings(options)) yield generated.record;
}

/**
 * Deterministic synthetic job postings (same options, same output): Chinese postings built from the curated posts'
 * scenes, tasks and competency descriptions, English ones from the post's tasks plus real English job-posting
 * sentences that mention the post's skills; enterprises invented per demonstration city (each hiring for a few
 * posts, mostly of one category, large ones posting more); dates from 2022-01-01 to 2026-10-31 following
 * `generatedTrends`; a share of reposts of recent postings with small edits.
 */
export function* generateLabelledPostings(options: GeneratePostingsOptions): Generator<GeneratedPosting> {
  const corpus = options.corpus ?? loadPostingCorpus();
  const random = mulberry32(options.seed);
  const zhShare = options.zhShare ?? 0.6;
  const duplicateShare = options.duplicateShare ?? 0.05;
  const classifiedShare = options.classifiedShare ?? 0.2;
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

  const enterprises = inventEnterprises(corpus, random);
  const hirers = new Map<string, { list: Enterprise[]; cumulative: number[] }>();
  for (const post of corpus.posts) {
    const list = enterprises.filter((enterprise) => enterprise.posts.includes(post.id));
    hirers.set(post.id, { list, cumulative: cumulate(list.map((enterprise) => enterprise.weight)) });
  }
  const trends = generatedTrends(corpus.posts, options.seed);
  const slots: { post: CorpusPost; year: number }[] = [];
  const slotWeights: number[] = [];
  for (const post of corpus.posts) {
    const base = 0.5 + random();
    for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) {
      slots.push({ post, year });
      slotWeights.push(base * (1 + trends.get(post.id)!) ** (year - FIRST_YEAR) * (year === LAST_YEAR ? 10 / 12 : 1));
    }
  }
  const slotCumulative = cumulate(slotWeights);
  const firstDay = Date.parse(FIRST_POSTING_DATE);
  const lastDay = Date.parse(LAST_POSTING_DATE);

  const recent: GeneratedPosting[] = [];
  const width = String(options.count).length;
  for (let index = 0; index < options.count; index++) {
    const sourceId = `gen-${options.seed}-${String(index + 1).padStart(width, '0')}`;
    if (recent.length > 50 && random() < duplicateShare) {
      const original = pick(recent);
      const day = Math.min(lastDay, Date.parse(original.record.postedOn) + Math.floor(3 + random() * 40) * 86_400_000);
      yield {
        record: {
          ...original.record,
          sourceId,
          text: repostText(original.record.text, original.language, random),
          postedOn: new Date(day).toISOString().slice(0, 10),
        },
        postId: original.postId,
        language: original.language,
        duplicateOf: original.record.sourceId,
      };
      continue;
    }
    const { post, year } = slots[search(slotCumulative, random())]!;
    const hiring = hirers.get(post.id)!;
    const enterprise = hiring.list.length > 0 ? hiring.list[search(hiring.cumulative, random())]! : pick(enterprises);
    const from = Math.max(firstDay, Date.UTC(year, 0, 1));
    const to = Math.min(lastDay, Date.UTC(year, 11, 31));
    const postedOn = new Date(from + Math.floor(random() * ((to - from) / 86_400_000 + 1)) * 86_400_000)
      .toISOString()
      .slice(0, 10);
    const language = random() < zhShare ? 'zh' : 'en';
    const city = corpus.cities[enterprise.city]!;
    const record: PostingRecord = {
      sourceId,
      title: language === 'zh' ? chineseTitle(post, city, random) : pick(post.titlesEn.slice(0, 4)),
      text:
        language === 'zh'
          ? chineseText(post, enterprise, city, random, driftOf(corpus, post.id, year, sourceId))
          : englishText(post, enterprise, city, corpus.sentences, random),
      enterprise: language === 'zh' ? enterprise.nameZh : enterprise.nameEn,
      province: city.province,
      city: city.city,
      postedOn,
      postId: random() < classifiedShare ? post.id : null,
    };
    const generated: GeneratedPosting = { record, postId: post.id, language, duplicateOf: null };
    if (recent.length < 2000) recent.push(generated);
    else recent[Math.floor(random() * recent.length)] = generated;
    yield generated;
  }
}

interface Enterprise {
  nameZh: string;
  nameEn: string;
  city: number;
  posts: string[];
  weight: number;
}

const BRANDS: readonly [string, string][] = [
  ['恒信', 'Hengxin'],
  ['博远', 'Boyuan'],
  ['瑞达', 'Ruida'],
  ['启航', 'Qihang'],
  ['汇通', 'Huitong'],
  ['致远', 'Zhiyuan'],
  ['天衡', 'Tianheng'],
  ['嘉禾', 'Jiahe'],
  ['明德', 'Mingde'],
  ['睿思', 'Ruisi'],
  ['中拓', 'Zhongtuo'],
  ['海纳', 'Haina'],
  ['锦程', 'Jincheng'],
  ['云帆', 'Yunfan'],
  ['卓越', 'Zhuoyue'],
  ['同创', 'Tongchuang'],
  ['华拓', 'Huatuo'],
  ['盛泰', 'Shengtai'],
  ['新桥', 'Xinqiao'],
  ['弘毅', 'Hongyi'],
  ['九章', 'Jiuzhang'],
  ['鼎盛', 'Dingsheng'],
  ['信达', 'Xinda'],
  ['远景', 'Yuanjing'],
  ['星辰', 'Xingchen'],
  ['沐阳', 'Muyang'],
  ['立方', 'Lifang'],
  ['万象', 'Wanxiang'],
  ['青松', 'Qingsong'],
  ['中和', 'Zhonghe'],
];

const INDUSTRIES: Readonly<Record<string, readonly [string, string][]>> = {
  ITO: [
    ['信息技术', 'Information Technology'],
    ['软件', 'Software'],
    ['网络科技', 'Network Technology'],
    ['数据科技', 'Data Technology'],
    ['智能科技', 'Intelligent Technology'],
    ['云计算科技', 'Cloud Computing'],
  ],
  BPO: [
    ['企业服务', 'Business Services'],
    ['人力资源服务', 'Human Resources Services'],
    ['供应链管理', 'Supply Chain Management'],
    ['商务咨询', 'Business Consulting'],
    ['物流科技', 'Logistics Technology'],
  ],
  KPO: [
    ['设计', 'Design'],
    ['文化创意', 'Creative'],
    ['工业设计', 'Industrial Design'],
    ['品牌策划', 'Brand Consulting'],
  ],
};
const ENTERPRISES_PER_CITY = 30;

function inventEnterprises(corpus: PostingCorpus, random: () => number): Enterprise[] {
  const byCategory = new Map<string, string[]>();
  for (const post of corpus.posts) byCategory.set(post.category, [...(byCategory.get(post.category) ?? []), post.id]);
  const categories = [...byCategory.keys()];
  const enterprises: Enterprise[] = [];
  corpus.cities.forEach((city, cityIndex) => {
    const short = city.city.replace(/市$/, '');
    const used = new Set<string>();
    for (let rank = 0; rank < ENTERPRISES_PER_CITY; rank++) {
      const category = categories[Math.floor(random() * categories.length)]!;
      const industries = INDUSTRIES[category] ?? INDUSTRIES.ITO!;
      let brand = BRANDS[Math.floor(random() * BRANDS.length)]!;
      const industry = industries[Math.floor(random() * industries.length)]!;
      while (used.has(brand[0] + industry[0])) brand = BRANDS[Math.floor(random() * BRANDS.length)]!;
      used.add(brand[0] + industry[0]);
      const limited = random() < 0.2 ? '股份有限公司' : '有限公司';
      const own = byCategory.get(category) ?? [];
      const posts = new Set<string>();
      const wanted = 2 + Math.floor(random() * 4);
      while (posts.size < Math.min(wanted, corpus.posts.length)) {
        posts.add(
          random() < 0.8 && own.length > 0 ? own[Math.floor(random() * own.length)]! : pickPost(corpus, random),
        );
      }
      enterprises.push({
        nameZh: `${short}${brand[0]}${industry[0]}${limited}`,
        nameEn: `${city.cityEn} ${brand[1]} ${industry[1]} Co., Ltd.`,
        city: cityIndex,
        posts: [...posts],
        // Few large employers post most of the jobs (Zipf-like within a city).
        weight: city.weight / (rank + 1) ** 0.9,
      });
    }
  });
  return enterprises;
}

function pickPost(corpus: PostingCorpus, random: () => number): string {
  return corpus.posts[Math.floor(random() * corpus.posts.length)]!.id;
}

function chineseTitle(post: CorpusPost, city: CorpusCity, random: () => number): string {
  const title = random() < 0.6 ? post.titlesZh[0]! : post.titlesZh[Math.floor(random() * post.titlesZh.length)]!;
  const roll = random();
  if (roll < 0.1) return `${title}（${city.city.replace(/市$/, '')}）`;
  if (roll < 0.15) return `急招${title}`;
  if (roll < 0.2) return `${title}（双休）`;
  return title;
}

/**
 * Demand that moves in the generated Chinese postings, so a yearly revision of the demo has something true to
 * find: per post, competencies asked for more each year (their share of the post's postings rising from about 3 % in
 * 2022 to about 70 % in 2026 — a new requirement or a heavier one) and requirements asked for less (left out of
 * a growing share of postings, up to 95 % in 2026). English postings are real sentences and do not drift.
 */
export const DEMAND_DRIFT: Readonly<Record<string, { rising: readonly string[]; fading: readonly string[] }>> = {
  'ito-industrial-software-testing': {
    rising: ['automated-testing', 'model-evaluation'],
    fading: ['functional-testing'],
  },
  'ito-information-system-operations': { rising: ['security-operations'], fading: ['windows-server-administration'] },
  'ito-cloud-operations': { rising: ['infrastructure-as-code'], fading: ['virtualisation-platforms'] },
  'ito-industrial-software-development': { rising: ['llm-application-development'], fading: [] },
  'bpo-supply-chain-management': { rising: ['digital-supply-chain'], fading: [] },
};

const DRIFT_FORMS: readonly ((name: string) => string)[] = [
  (name) => `熟悉${name}`,
  (name) => `掌握${name}`,
  (name) => `有${name}相关经验`,
  (name) => `具备${name}能力者优先`,
];

/** The drift of one posting, decided by its own generator (seeded by its id) so the main sequence is untouched. */
function driftOf(
  corpus: PostingCorpus,
  postId: string,
  year: number,
  sourceId: string,
): { drop: (labelZh: string) => boolean; extra: string[] } | undefined {
  const drift = DEMAND_DRIFT[postId];
  if (!drift) return undefined;
  let hash = 2166136261;
  for (let index = 0; index < sourceId.length; index++) hash = Math.imul(hash ^ sourceId.charCodeAt(index), 16777619);
  const random = mulberry32(hash >>> 0);
  const progress = Math.min(1, Math.max(0, (year - FIRST_YEAR) / (LAST_YEAR - FIRST_YEAR)));
  const extra: string[] = [];
  for (const id of drift.rising) {
    const competency = corpus.competencies.get(id);
    if (!competency || random() >= 0.03 + 0.67 * progress) continue;
    const names = [competency.labelZh, ...competency.aliasesZh];
    extra.push(DRIFT_FORMS[Math.floor(random() * DRIFT_FORMS.length)]!(names[Math.floor(random() * names.length)]!));
  }
  const dropped = new Set(
    drift.fading
      .filter(() => random() < 0.95 * progress)
      .map((id) => corpus.competencies.get(id)?.labelZh)
      .filter((label): label is string => label !== undefined),
  );
  return { drop: (label) => dropped.has(label), extra };
}

function chineseText(
  post: CorpusPost,
  enterprise: Enterprise,
  city: CorpusCity,
  random: () => number,
  drift?: { drop: (labelZh: string) => boolean; extra: string[] },
): string {
  return writeChinesePosting(
    {
      ...(drift ? { drift } : {}),
      enterpriseName: enterprise.nameZh,
      city: city.city,
      place: city.province === city.city ? city.city : city.province + city.city,
      subSector: post.subSectorZh,
      postDescription: post.descriptionZh,
      tasks: post.scenes.flatMap((scene) => scene.tasksZh),
      requirements: post.requirements,
    },
    random,
  );
}

const BENEFITS_EN = [
  'Social insurance and housing fund from the first day',
  'Paid annual leave and a yearly bonus',
  'Training and a clear career path',
  'Flexible working hours',
  'Free lunches and a transport allowance',
  'Regular health checks',
];
const ABOUT_EN = ['About us', 'About the company', 'Who we are'];
const DUTIES_EN = ['Responsibilities', 'What you will do', 'Your role', 'Key responsibilities'];
const REQUIREMENTS_EN = ['Requirements', 'Qualifications', 'What we are looking for'];
const OFFER_EN = ['Benefits', 'What we offer', 'Perks and benefits'];

function englishText(
  post: CorpusPost,
  enterprise: Enterprise,
  city: CorpusCity,
  sentences: readonly string[],
  random: () => number,
): string {
  const pickOf = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const heading = (words: readonly string[]) => (random() < 0.5 ? `${pickOf(words)}:` : pickOf(words));
  const lines: string[] = [];
  const title = post.titlesEn[0]!.toLowerCase();
  const about = [
    heading(ABOUT_EN),
    `${enterprise.nameEn} is hiring ${/^[aeiou]/.test(title) ? 'an' : 'a'} ${title} in ${city.cityEn}. Founded in ${2003 + Math.floor(random() * 18)}, we serve clients across China.`,
  ];
  const aboutFirst = random() < 0.6;
  if (aboutFirst) lines.push(...about);
  lines.push(heading(DUTIES_EN));
  if (random() < 0.5) lines.push(post.descriptionEn);
  for (const task of sample(
    post.scenes.flatMap((scene) => scene.tasksEn),
    3 + Math.floor(random() * 3),
    random,
  )) {
    lines.push(`- ${task}`);
  }
  lines.push(heading(REQUIREMENTS_EN));
  const own = post.sentenceIndices;
  const count = 2 + Math.floor(random() * 4);
  for (let index = 0; index < count; index++) {
    const position = own.length > 0 && random() < 0.9 ? own[Math.floor(random() * own.length)]! : -1;
    const sentence = position >= 0 ? sentences[position]! : sentences[Math.floor(random() * sentences.length)]!;
    lines.push(`- ${sentence.replace(/<ORGANIZATION>/g, enterprise.nameEn)}`);
  }
  if (sentences.length > 0 && random() < 0.6) {
    lines.push(
      `- ${sentences[Math.floor(random() * sentences.length)]!.replace(/<ORGANIZATION>/g, enterprise.nameEn)}`,
    );
  }
  lines.push(heading(OFFER_EN));
  const low = 4 + Math.floor(random() * 10);
  lines.push(`- Salary: CNY ${low},000–${low + 2 + Math.floor(random() * 6)},000 a month`);
  for (const benefit of sample(BENEFITS_EN, 2 + Math.floor(random() * 2), random)) lines.push(`- ${benefit}`);
  if (!aboutFirst) lines.push(...about);
  return lines.join('\n');
}

const SWAPS_ZH: readonly [string, string][] = [
  ['熟悉', '熟练掌握'],
  ['责任心强', '认真负责'],
  ['优先', '者优先考虑'],
  ['良好的', '较强的'],
  ['周末双休', '双休'],
];
const SWAPS_EN: readonly [string, string][] = [
  ['hiring', 'looking for'],
  ['friendly', 'motivated'],
  ['strong', 'solid'],
  ['experience', 'practice'],
  ['Requirements:', 'Your profile:'],
];

/**
 * A repost: the same posting with its salary, punctuation and spacing changed, and sometimes one word. Only the
 * salary's figures change (never item numbers, years or hours: "1. 2. 3." stays "1. 2. 3.").
 */
function repostText(text: string, language: 'zh' | 'en', random: () => number): string {
  const raise = random() < 0.5 ? 0 : 1;
  let out = text
    .replace(
      /(\d+)000-(\d+)000元/u,
      (_, low: string, high: string) => `${Number(low) + raise}000-${Number(high) + raise}000元`,
    )
    .replace(
      /月薪(\d+)K-(\d+)K/u,
      (_, low: string, high: string) => `月薪${Number(low) + raise}K-${Number(high) + raise}K`,
    )
    .replace(
      /CNY (\d+),000–(\d+),000/u,
      (_, low: string, high: string) => `CNY ${Number(low) + raise},000–${Number(high) + raise},000`,
    );
  if (random() < 0.5)
    out = language === 'zh' ? out.replace(/；/g, ';').replace(/\n(?=\d)/g, '\n\n') : out.replace(/\n- /g, '\n• ');
  if (random() < 0.5) {
    const swaps = (language === 'zh' ? SWAPS_ZH : SWAPS_EN).filter(([from]) => out.includes(from));
    const swap = swaps[Math.floor(random() * swaps.length)];
    if (swap) out = out.replace(swap[0], swap[1]);
  }
  return out;
}

function sample<T>(items: readonly T[], count: number, random: () => number): T[] {
  return shuffle(items, random).slice(0, count);
}

function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let index = out.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [out[index], out[other]] = [out[other]!, out[index]!];
  }
  return out;
}

function cumulate(weights: readonly number[]): number[] {
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  let running = 0;
  return weights.map((weight) => (running += weight / total));
}

/** The first index whose cumulative share exceeds `value` (binary search). */
function search(cumulative: readonly number[], value: number): number {
  let low = 0;
  let high = cumulative.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (cumulative[middle]! > value) high = middle;
    else low = middle + 1;
  }
  return low;
}
