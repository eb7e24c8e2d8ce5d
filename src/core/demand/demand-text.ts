import { DEMAND_SECTION_KINDS, splitPostingSections } from './posting-sections.js';

/** Why a clause of a posting is not labour-market demand. */
export type NonDemandReason =
  'benefit' | 'pay' | 'schedule' | 'degree' | 'experience' | 'person' | 'company' | 'contact' | 'catch-all';

// A clause that does something with these words (an HR specialist handles social insurance) is a duty, not a perk.
const DUTY_VERB =
  /负责|办理|核算|核对|发放|解答|咨询|管理|跟踪|跟进|处理|统计|审核|申报|计算|制定|落实|政策|\b(?:manage|process|administer|handle|calculate)/iu;

const RULES: readonly (readonly [NonDemandReason, RegExp, boolean])[] = [
  // [reason, pattern, yields to a duty verb]
  [
    'benefit',
    /[五六七]险[一二]金|[五六七]险|社保公积金|缴纳社保|购买社保|带薪(?:年假|休假|培训|病假)|年假|双休|单休|大小周|包吃|包住|食宿|餐补|饭补|(?:交通|住房|通讯|话费|高温|餐饮|餐|房)补贴|年终奖|绩效奖金|年底双薪|十[三四]薪|1[3-6]薪|节日福利|福利待遇|福利好|福利齐全|(?:定期|免费|年度)体检|员工旅游|旅游|团建|下午茶|(?:免费|提供)(?:工作餐|午餐|班车|住宿|宿舍|培训)|提供.{0,8}培训|(?:完善|系统|专业|丰富)的?培训(?:体系|机会)?|培训机会|岗前培训|离职率低|晋升(?:空间|通道|机会)|发展空间|股票期权|期权激励|social insurance|housing fund|paid (?:annual )?leave|annual leave|bonus|free (?:lunch|lunches|meals)|health insurance|career path|paid holidays|stock options|team building/iu,
    true,
  ],
  [
    'pay',
    /薪资|薪酬面议|月薪|年薪|底薪|提成|工资|面议|\d+(?:\.\d+)?\s*[kKwW千万]?\s*[-~～至到—–]\s*\d+(?:\.\d+)?\s*(?:元|[kKwW]|千|万)|元\s*\/\s*月|元每月|[kK]\s*\/\s*月|试用期|转正|\bsalary\b|per month|a month\b|\bcny\b|\brmb\b|competitive pay/iu,
    true,
  ],
  [
    'schedule',
    /工作时间|上班时间|朝九晚[五六]|早九晚[五六]|\d{1,2}[:：]\d{2}\s*[-~～至到—–]|工作地点|上班地点|工作地址|弹性工作|working hours|weekends? off|flexible (?:working )?hours/iu,
    false,
  ],
  [
    'degree',
    /学历|专业不限|相关专业|专业优先|专业毕业|毕业生|应届|本科|大专|专科|硕士|博士|研究生|中专|学位|bachelor|\bdegree\b|diploma|\bmajor(?:ing)? in\b|master'?s/iu,
    false,
  ],
  [
    'person',
    /年龄|周岁|岁以下|岁以上|男女不限|性别不限|身体健康|形象气质|五官端正|身高|\baged?\s+(?:under|between|below)/iu,
    false,
  ],
  [
    'company',
    /成立于|注册资本|总部(?:位于|设在)|是.{0,10}一家|旗下|上市公司|500强|致力于|欢迎(?:您的)?加入|诚聘|诚邀|期待你的加入|受.{0,6}委托(?:招聘|招募)|猎头公司|is hiring|founded in|we are a\b|is a leading|headquartered|join our team|acting as an? (?:employment|recruitment) (?:agency|business)|recruitment (?:agency|consultancy)|on behalf of (?:our|a|the) client/iu,
    false,
  ],
  [
    'contact',
    /联系电话|联系人|电话\s*[:：]|手机\s*[:：]|邮箱|e-?mail|@|微信\s*[:：]|投递简历|面试(?:地点|地址|时间|安排)|简历请发|简历投递|地址\s*[:：]|send (?:your )?(?:cv|resume)|apply (?:now|at|via|online)|contact us/iu,
    false,
  ],
  [
    'catch-all',
    /(?:领导|上级|主管|经理|公司|部门).{0,8}(?:交办|安排|布置|分配|指派).{0,10}(?:其他|其它|临时)|(?:其他|其它|临时性?).{0,8}(?:交办|安排|布置).{0,6}(?:工作|任务|事项|事情|事务)?|(?:交办|安排|布置).{0,8}(?:其他|其它).{0,6}(?:工作|任务|事项|事情|事务)|other (?:duties|tasks)(?: as)? (?:assigned|required)/iu,
    false,
  ],
];

// A clause made of an experience length alone ("3年以上相关工作经验", "two years of experience").
const EXPERIENCE_ONLY =
  /^(?:具有|具备|有)?[\d一二三四五六七八九十两半]+\s*年(?:以上|及以上)?(?:的)?(?:相关|工作|行业|同岗位|同行业)*(?:工作)?经验(?:优先|者优先)?$|^(?:at least )?(?:\d+|one|two|three|four|five)\+? years?(?: of)?(?: relevant| work| working)? experience$/iu;

/**
 * Why a clause (a piece of a sentence between `，；。` or line breaks) is not demand, or null when it may be. Benefit
 * and pay words yield to a duty verb: "负责员工五险一金的办理" is an HR duty, "五险一金，带薪年假" a perk.
 */
export function nonDemandReason(clause: string): NonDemandReason | null {
  const text = clause.trim();
  if (text === '') return null;
  if (EXPERIENCE_ONLY.test(text.replace(/^[\d一二三四五六七八九十]+[、.．)）]\s*/u, '').replace(/[；;。.!！]$/u, '')))
    return 'experience';
  for (const [reason, pattern, yieldsToDuty] of RULES) {
    if (pattern.test(text) && !(yieldsToDuty && DUTY_VERB.test(text))) return reason;
  }
  return null;
}

// Clause boundaries: Chinese and English sentence and clause punctuation, and line breaks; not 、, which lists the
// members of one clause (物流管理、会计相关专业). A comma between digits (8,000) is not a boundary.
const CLAUSE_END = /[。；;！!？?\n，（）()]|,(?!\d)|\.(?=\s|$)/gu;

/**
 * Which characters of a posting are demand (1) and which are not (0): sections other than duties and requirements
 * (benefits, pay, schedule, company, contact) and heading words are 0, and so, inside the rest, is every clause
 * `nonDemandReason` rejects.
 */
export function demandMaskOf(text: string): Uint8Array {
  const keep = new Uint8Array(text.length);
  for (const section of splitPostingSections(text)) {
    if (!DEMAND_SECTION_KINDS.has(section.kind)) continue;
    let start = section.start;
    CLAUSE_END.lastIndex = section.start;
    const body = text.slice(0, section.end);
    for (;;) {
      const match = CLAUSE_END.exec(body);
      const end = match ? match.index + match[0].length : section.end;
      if (nonDemandReason(text.slice(start, end)) === null) keep.fill(1, start, end);
      if (!match) break;
      start = end;
    }
  }
  return keep;
}

/**
 * The text with everything that is not demand (see `demandMaskOf`) replaced by spaces, line breaks kept, so that
 * offsets into it are offsets into the original.
 */
export function demandTextOf(text: string): string {
  const keep = demandMaskOf(text);
  let out = '';
  let runStart = 0;
  for (let index = 0; index <= text.length; index++) {
    const boundary = index === text.length || keep[index] !== keep[runStart];
    if (!boundary) continue;
    const run = text.slice(runStart, index);
    out += keep[runStart] ? run : run.replace(/[^\n]/g, ' ');
    runStart = index;
  }
  return out;
}
