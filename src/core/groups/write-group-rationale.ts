/**
 * The 组群逻辑 statement of a specialty group, in Chinese and English, built only from the grouping's data: the
 * posts, the competencies they share (the future platform courses), what is specific to each post (the future
 * modules), the correlation figures, and the leading and supporting specialties with the reasons for the lead.
 * The Chinese text is kept within 800 characters by listing fewer items when needed. It never argues for a group
 * its own figures contradict: where the structure is weak it says so and what would strengthen it, and every
 * figure is explained in words (what it measures, its scale).
 */

export interface BilingualName {
  zh: string;
  en: string;
}

export interface RationaleInput {
  name: BilingualName;
  posts: BilingualName[];
  /** Shared competencies, strongest first, with how many of the group's posts need each. */
  shared: Array<BilingualName & { posts: number }>;
  /** Per post: its most specific competencies (not in the shared core). */
  residue: Array<{ post: BilingualName; competencies: BilingualName[] }>;
  cohesion: number;
  separation: number;
  silhouette: number;
  leading: (BilingualName & { centrality: number; strength: number | null }) | null;
  supporting: BilingualName[];
}

export const RATIONALE_MAX_ZH_CHARACTERS = 800;

export function writeGroupRationale(input: RationaleInput): BilingualName {
  for (const limit of [8, 6, 4, 3, 2, 1, 0]) {
    const text = compose(input, limit);
    if ([...text.zh].length <= RATIONALE_MAX_ZH_CHARACTERS) return text;
  }
  const text = compose(input, 0);
  return { zh: [...text.zh].slice(0, RATIONALE_MAX_ZH_CHARACTERS - 1).join('') + '…', en: text.en };
}

function compose(input: RationaleInput, limit: number): BilingualName {
  const size = input.posts.length;
  const posts = input.posts.slice(0, Math.max(limit, 3));
  const more = (shown: number, total: number, zh: boolean) =>
    total > shown ? (zh ? `等 ${total} 个` : ` and ${total - shown} more`) : '';
  const percent = (value: number) => `${Math.round(value * 100)}%`;
  const zh: string[] = [];
  const en: string[] = [];
  zh.push(
    `“${input.name.zh}”专业群面向${posts.map((post) => post.zh).join('、')}${more(posts.length, size, true)}岗位${size > posts.length ? '' : `（共 ${size} 个）`}。`,
  );
  en.push(
    `The “${input.name.en}” specialty group serves ${size} post${size === 1 ? '' : 's'}: ${posts.map((post) => post.en).join(', ')}${more(posts.length, size, false)}.`,
  );
  const strength = assessGroupStructure(input);
  const shared = input.shared.slice(0, limit);
  if (shared.length > 0 && strength === 'clear') {
    zh.push(
      `组群依据是岗位之间的内在知识关联：这些岗位共同需要${shared.map((item) => `${item.zh}（${item.posts}/${size}）`).join('、')}${input.shared.length > shared.length ? `等 ${input.shared.length} 项能力` : ''}，可据此建设专业群共享的平台课程。`,
    );
    en.push(
      `They are grouped by the knowledge they share: ${shared.map((item) => `${item.en} (${item.posts}/${size})`).join(', ')}${input.shared.length > shared.length ? `, ${input.shared.length} competencies in all` : ''}; these become the group’s shared platform courses.`,
    );
  } else if (shared.length > 0) {
    zh.push(
      `这些岗位共同需要${shared.map((item) => `${item.zh}（${item.posts}/${size}）`).join('、')}，可作为共享平台课程的基础，但下列数据表明组群依据不够充分。`,
    );
    en.push(
      `These posts share ${shared.map((item) => `${item.en} (${item.posts}/${size})`).join(', ')}, a basis for shared platform courses, but the figures below show the grouping is not well supported.`,
    );
  } else if (size > 1) {
    zh.push('这些岗位没有过半岗位共同需要的能力，组群依据较弱。');
    en.push('No competency is needed by half of these posts: the grouping is weak.');
  }
  const figures = explainGroupFigures(input);
  zh.push(figures.zh);
  en.push(figures.en);
  const advice = adviseOnStructure(input, strength);
  if (advice) {
    zh.push(advice.zh);
    en.push(advice.en);
  }
  const residue = input.residue.filter((entry) => entry.competencies.length > 0).slice(0, limit);
  if (residue.length > 0) {
    zh.push(
      `各岗位的特有能力形成岗位模块课程：${residue
        .map(
          (entry) =>
            `${entry.post.zh}侧重${entry.competencies
              .slice(0, 2)
              .map((c) => c.zh)
              .join('、')}`,
        )
        .join('；')}。`,
    );
    en.push(
      `What each post needs on its own becomes its module courses: ${residue
        .map(
          (entry) =>
            `${entry.post.en} adds ${entry.competencies
              .slice(0, 2)
              .map((c) => c.en)
              .join(' and ')}`,
        )
        .join('; ')}.`,
    );
  }
  if (input.leading && strength !== 'single') {
    const lead = input.leading;
    const strengthZh = lead.strength === null ? '学院尚未录入办学实力数据' : `办学实力得分 ${percent(lead.strength)}`;
    const strengthEn =
      lead.strength === null
        ? 'the college has not entered its strength figures'
        : `a strength score of ${percent(lead.strength)}`;
    zh.push(
      `${strength === 'clear' ? '建议' : '如保留此群，可'}以${lead.zh}专业为龙头：它在群知识关联图中的中心度为 ${percent(lead.centrality)}，${strengthZh}。`,
    );
    en.push(
      `${strength === 'clear' ? `${lead.en} is proposed as the leading specialty` : `If the group is kept, ${lead.en} could lead it`}: its centrality in the group’s knowledge graph is ${percent(lead.centrality)} and ${strengthEn}.`,
    );
    const supporting = input.supporting.slice(0, Math.max(limit, 2));
    if (supporting.length > 0) {
      zh.push(
        `${supporting.map((item) => item.zh).join('、')}${more(supporting.length, input.supporting.length, true)}专业为支撑专业，共享平台课程与实训资源。`,
      );
      en.push(
        `${supporting.map((item) => item.en).join(', ')}${more(supporting.length, input.supporting.length, false)} support it and share the platform courses and training resources.`,
      );
    }
  }
  return { zh: zh.join(''), en: en.join(' ') };
}

/**
 * How well the group's own figures support it: 'single' (one post: no correlation to speak of), 'weak' (its posts
 * are no closer to each other than to the nearest other group, or its silhouette is about zero or below, or they
 * share nothing), 'moderate' (a silhouette below 0.25), 'clear' otherwise. The rationale never argues for a group
 * its figures contradict.
 */
export type GroupStructure = 'single' | 'weak' | 'moderate' | 'clear';

export const WEAK_SILHOUETTE = 0.1;
export const CLEAR_SILHOUETTE = 0.25;

export function assessGroupStructure(
  input: Pick<RationaleInput, 'posts' | 'shared' | 'cohesion' | 'separation' | 'silhouette'>,
): GroupStructure {
  if (input.posts.length <= 1) return 'single';
  if (input.silhouette < WEAK_SILHOUETTE || input.cohesion <= input.separation || input.shared.length === 0) {
    return 'weak';
  }
  return input.silhouette < CLEAR_SILHOUETTE ? 'moderate' : 'clear';
}

/** The figures in a director's words: what each measures and its scale, rounded to two places. */
export function explainGroupFigures(
  input: Pick<RationaleInput, 'posts' | 'cohesion' | 'separation' | 'silhouette'>,
): BilingualName {
  const fixed = (value: number) => value.toFixed(2);
  if (input.posts.length <= 1) {
    return {
      zh: `此群只有一个岗位，没有群内关联可言；它与最接近的其他专业群的知识关联度为 ${fixed(input.separation)}（0 表示没有共同能力，1 表示能力要求完全相同）。`,
      en: `This group holds a single post, so there is no correlation within it; its knowledge correlation with the nearest other group is ${fixed(input.separation)} (0: nothing in common, 1: identical requirements).`,
    };
  }
  return {
    zh: `群内岗位之间的平均知识关联度为 ${fixed(input.cohesion)}，与最接近的其他专业群为 ${fixed(input.separation)}（0 表示没有共同能力，1 表示能力要求完全相同）；分组清晰度（轮廓系数）为 ${fixed(input.silhouette)}（−1 至 1：0.25 以上界限较清楚，接近 0 表示与相邻专业群界限不清，小于 0 表示部分岗位更接近其他专业群）。`,
    en: `Posts inside the group have a mean knowledge correlation of ${fixed(input.cohesion)}, against ${fixed(input.separation)} with the nearest other group (0: nothing in common, 1: identical requirements); the clarity of the grouping (silhouette) is ${fixed(input.silhouette)} (from −1 to 1: above 0.25 the boundary is fairly clear, near 0 it is blurred, below 0 some posts are closer to another group).`,
  };
}

/** What the committee should know, and what would strengthen the group, when its figures do not clearly support it. */
function adviseOnStructure(input: RationaleInput, strength: GroupStructure): BilingualName | null {
  switch (strength) {
    case 'clear':
      return null;
    case 'single':
      return {
        zh: '单个岗位不足以构成专业群：建议将其并入知识关联最接近的专业群，或补充与其共享能力的岗位后重新分组。',
        en: 'One post does not make a specialty group: merge it into the group it is closest to, or add posts that share its competencies and group again.',
      };
    case 'weak':
      return {
        zh: '数据不支持将这些岗位组成一个专业群：群内关联不高于与相邻专业群的关联，或分组清晰度接近零甚至为负。建议委员会复核：可调整分组（将关联更近的岗位移入或移出）、尝试其他分组数，或导入更多招聘需求数据以使岗位能力画像更准确。',
        en: 'The figures do not support grouping these posts together: they are no closer to each other than to the nearest other group, or the clarity of the grouping is about zero or below. The committee should review it: move posts to the groups they are closer to, try another number of groups, or import more postings so the posts’ competency profiles are more accurate.',
      };
    case 'moderate':
      return {
        zh: `组群结构尚可但界限不够清楚（分组清晰度低于 ${CLEAR_SILHOUETTE}）：补充这些岗位共同需要的能力证据（如招聘需求数据），或将与相邻群关联更近的岗位调出，可使组群依据更充分。`,
        en: `The structure holds but its boundary is not sharp (clarity below ${CLEAR_SILHOUETTE}): more evidence of the competencies these posts share (such as postings), or moving out posts closer to a neighbouring group, would strengthen it.`,
      };
  }
}
