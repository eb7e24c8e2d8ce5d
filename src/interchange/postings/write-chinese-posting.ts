/**
 * The body of a generated Chinese posting, laid out as real ones are: a company blurb, duties, requirements, pay and
 * benefits, place and time, sometimes how to apply — under headings written in the many ways postings write them.
 * Duties come from the curated post's tasks and requirements from its competencies, but phrased through templates
 * written here (labels, aliases or a paraphrase of the description), with the education, experience, soft-skill,
 * benefit and catch-all lines that real postings carry and that are not demand. Everything here is our own
 * wording; no sentence of any real posting is used.
 */

export interface ChinesePostingInput {
  readonly enterpriseName: string;
  readonly city: string;
  readonly place: string;
  readonly subSector: string;
  readonly postDescription: string;
  readonly tasks: readonly string[];
  readonly requirements: readonly {
    readonly labelZh: string;
    readonly aliasesZh: readonly string[];
    readonly descriptionZh: string;
    readonly essential: boolean;
  }[];
  /**
   * Demand that moves over the years: requirement lines of the competencies `drop` names are left out, and `extra`
   * lines (already written) are added to the requirements. Decided outside `random`, so a posting's drift never
   * changes the postings generated after it.
   */
  readonly drift?: { readonly drop: (labelZh: string) => boolean; readonly extra: readonly string[] };
}

type Random = () => number;

const pick = <T>(items: readonly T[], random: Random): T => items[Math.floor(random() * items.length)]!;

function sample<T>(items: readonly T[], count: number, random: Random): T[] {
  const out = [...items];
  for (let index = out.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [out[index], out[other]] = [out[other]!, out[index]!];
  }
  return out.slice(0, count);
}

/** How a posting writes a heading: `【岗位职责】`, `岗位职责：`, `一、岗位职责`, `■ 岗位职责`. */
const HEADING_FORMS: readonly ((word: string, order: number) => string)[] = [
  (word) => `【${word}】`,
  (word) => `${word}：`,
  (word, order) => `${'一二三四五六'[order] ?? '七'}、${word}`,
  (word) => `■ ${word}`,
  (word) => `${word}:`,
];
const DUTY_HEADINGS = ['岗位职责', '工作职责', '工作内容', '职位描述', '岗位描述', '主要职责'];
const REQUIREMENT_HEADINGS = ['任职要求', '岗位要求', '任职资格', '职位要求', '任职条件'];
const BENEFIT_HEADINGS = ['福利待遇', '薪资福利', '薪酬福利', '我们提供', '福利'];
const COMPANY_HEADINGS = ['公司介绍', '公司简介', '关于我们', '企业简介'];

/** How items are numbered in one posting (the same way throughout, counting from 1 in each section). */
const NUMBERINGS: readonly ((index: number) => string)[] = [
  (index) => `${index}. `,
  (index) => `${index}、`,
  (index) => `（${index}）`,
  (index) => `${index}）`,
  () => '- ',
];

const DUTY_FORMS: readonly ((task: string) => string)[] = [
  (task) => task,
  (task) => (task.startsWith('负责') ? task : `负责${task}`),
  (task) => `参与${task}`,
  (task) => `协助团队${task}`,
  (task) => `独立完成${task}相关工作`,
];

/** Requirement phrasings of one competency name (label or alias). */
const REQUIREMENT_FORMS: readonly ((name: string) => string)[] = [
  (name) => `熟悉${name}，有实际项目经验者优先`,
  (name) => `掌握${name}相关知识，能独立开展工作`,
  (name) => `具备扎实的${name}能力`,
  (name) => `有${name}方面的工作经验`,
  (name) => `了解${name}的基本方法和常用工具`,
  (name) => `能够熟练运用${name}解决实际问题`,
  (name) => `对${name}有较深入的理解和实践`,
  (name) => `精通${name}者优先考虑`,
];
/** Two competencies in one line. */
const PAIR_FORMS: readonly ((first: string, second: string) => string)[] = [
  (first, second) => `熟悉${first}、${second}等`,
  (first, second) => `具备${first}和${second}经验`,
  (first, second) => `掌握${first}，了解${second}`,
];

const EDUCATION = [
  '大专及以上学历',
  '全日制大专以上学历',
  '本科及以上学历',
  '统招大专及以上学历，专业不限',
  '大专以上学历，相关专业优先',
  '本科以上学历，理工科专业优先',
];
const EXPERIENCE = [
  '1年以上相关工作经验',
  '2年以上相关工作经验',
  '3年以上工作经验',
  '有相关经验者优先',
  '接受优秀应届毕业生',
];
const SOFT = [
  '责任心强，做事认真细致',
  '具备良好的沟通表达能力和团队合作意识',
  '学习能力强，能承受一定的工作压力',
  '工作积极主动，执行力强',
  '有耐心，服务意识好',
  '逻辑清晰，善于分析和解决问题',
];
const CATCH_ALL = ['完成上级交办的其他工作', '领导安排的其他临时性工作', '完成部门安排的其它工作任务'];
const BENEFITS = [
  '五险一金',
  '带薪年假',
  '周末双休',
  '年终奖金',
  '定期体检',
  '节日福利',
  '免费工作餐',
  '餐补、交通补贴',
  '员工旅游',
  '完善的培训体系和晋升通道',
  '弹性工作时间',
  '入职即缴纳社保',
];
const HOURS = [
  '周一至周五 9:00-18:00',
  '周一至周五 8:30-17:30，午休1.5小时',
  '做五休二，弹性上班',
  '大小周，9:00-18:00',
];
const CLIENTS = ['制造业', '金融', '电商', '政务', '医药', '汽车'];
const HONOURS = ['国家高新技术企业', '省级服务外包示范企业', '专精特新中小企业', '市级重点软件企业'];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '周'];

function companyBlurb(input: ChinesePostingInput, random: Random): string {
  const year = 2003 + Math.floor(random() * 18);
  const staff = 50 + Math.floor(random() * 20) * 50;
  return pick(
    [
      `${input.enterpriseName}成立于${year}年，总部位于${input.city}，是一家专注于${input.subSector}的服务企业，现有员工${staff}余人。`,
      `${input.enterpriseName}是${input.city}的${pick(HONOURS, random)}，主要为${pick(CLIENTS, random)}等行业客户提供${input.subSector}服务。`,
      `我们是一家成长中的${input.subSector}公司，团队氛围开放，重视每一位员工的成长。公司成立于${year}年，业务覆盖全国多个城市。`,
    ],
    random,
  );
}

function requirementLines(input: ChinesePostingInput, random: Random): string[] {
  const chosen = sample(
    input.requirements.filter((requirement) => requirement.essential || random() < 0.3),
    2 + Math.floor(random() * 4),
    random,
  );
  const nameOf = (requirement: ChinesePostingInput['requirements'][number]) =>
    requirement.aliasesZh.length > 0 && random() < 0.5 ? pick(requirement.aliasesZh, random) : requirement.labelZh;
  const lines: { text: string; about: string[] }[] = [];
  for (let index = 0; index < chosen.length; index++) {
    const requirement = chosen[index]!;
    const roll = random();
    if (roll < 0.2 && index + 1 < chosen.length) {
      const other = chosen[index + 1]!;
      lines.push({
        text: pick(PAIR_FORMS, random)(nameOf(requirement), nameOf(other)),
        about: [requirement.labelZh, other.labelZh],
      });
      index += 1;
    } else if (roll < 0.35) {
      // Described, not named: the competency is implied by what the person must be able to do.
      lines.push({
        text: `能够${requirement.descriptionZh.replace(/[。；]$/u, '').split(/[。；]/u)[0]!}`,
        about: [requirement.labelZh],
      });
    } else {
      lines.push({ text: pick(REQUIREMENT_FORMS, random)(nameOf(requirement)), about: [requirement.labelZh] });
    }
  }
  const drift = input.drift;
  if (!drift) return lines.map((line) => line.text);
  return [
    ...lines.filter((line) => !line.about.some((label) => drift.drop(label))).map((line) => line.text),
    ...drift.extra,
  ];
}

/** A Chinese posting body: sections under headings, items numbered from 1 in each section. */
export function writeChinesePosting(input: ChinesePostingInput, random: Random): string {
  const headingForm = pick(HEADING_FORMS, random);
  const numbering = pick(NUMBERINGS, random);
  const end = random() < 0.5 ? '；' : '。';
  const numbered = (items: readonly string[]) => items.map((item, index) => `${numbering(index + 1)}${item}${end}`);
  let order = 0;
  const heading = (words: readonly string[]) => headingForm(pick(words, random), order++);

  const company = [heading(COMPANY_HEADINGS), companyBlurb(input, random)];
  const lines: string[] = [];
  const companyFirst = random() < 0.5;
  if (companyFirst) lines.push(...company);

  lines.push(heading(DUTY_HEADINGS));
  if (random() < 0.3) lines.push(input.postDescription);
  const duties = sample(input.tasks, 3 + Math.floor(random() * 4), random).map((task) =>
    pick(DUTY_FORMS, random)(task),
  );
  if (random() < 0.4) duties.push(pick(CATCH_ALL, random));
  lines.push(...numbered(duties));

  lines.push(heading(REQUIREMENT_HEADINGS));
  const asks = [`${pick(EDUCATION, random)}，${pick(EXPERIENCE, random)}`, ...requirementLines(input, random)];
  asks.push(pick(SOFT, random));
  lines.push(...numbered(asks));

  lines.push(heading(BENEFIT_HEADINGS));
  const low = 4 + Math.floor(random() * 10);
  const high = low + 2 + Math.floor(random() * 6);
  const salary =
    random() < 0.5 ? `薪资：${low}000-${high}000元/月` : `月薪${low}K-${high}K，${12 + Math.floor(random() * 3)}薪`;
  lines.push(...numbered([salary, ...sample(BENEFITS, 2 + Math.floor(random() * 3), random)]));

  lines.push(random() < 0.5 ? `工作时间：${pick(HOURS, random)}` : `工作地点：${input.place}`);
  if (!companyFirst) lines.push(...company);
  if (random() < 0.3) {
    lines.push(`联系方式：${pick(SURNAMES, random)}${random() < 0.5 ? '先生' : '女士'}，简历请通过招聘平台投递`);
  }
  return lines.join('\n');
}
