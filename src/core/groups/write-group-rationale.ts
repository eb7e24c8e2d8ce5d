/**
 * The 组群逻辑 statement of a specialty group, in Chinese and English, built only from the grouping's data: the
 * posts, the competencies they share (the future platform courses), what is specific to each post (the future
 * modules), the correlation figures, and the leading and supporting specialties with the reasons for the lead.
 * The Chinese text is kept within 800 characters by listing fewer items when needed.
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
  const fixed = (value: number) => value.toFixed(2);
  const zh: string[] = [];
  const en: string[] = [];
  zh.push(
    `“${input.name.zh}”专业群面向${posts.map((post) => post.zh).join('、')}${more(posts.length, size, true)}岗位${size > posts.length ? '' : `（共 ${size} 个）`}。`,
  );
  en.push(
    `The “${input.name.en}” specialty group serves ${size} post${size === 1 ? '' : 's'}: ${posts.map((post) => post.en).join(', ')}${more(posts.length, size, false)}.`,
  );
  const shared = input.shared.slice(0, limit);
  if (shared.length > 0) {
    zh.push(
      `组群依据是岗位之间的内在知识关联：这些岗位共同需要${shared.map((item) => `${item.zh}（${item.posts}/${size}）`).join('、')}${input.shared.length > shared.length ? `等 ${input.shared.length} 项能力` : ''}，可据此建设专业群共享的平台课程。`,
    );
    en.push(
      `They are grouped by the knowledge they share: ${shared.map((item) => `${item.en} (${item.posts}/${size})`).join(', ')}${input.shared.length > shared.length ? `, ${input.shared.length} competencies in all` : ''}; these become the group's shared platform courses.`,
    );
  } else if (size > 1) {
    zh.push('这些岗位没有过半岗位共同需要的能力，组群依据较弱，建议委员会复核。');
    en.push('No competency is needed by half of these posts; the grouping is weak and the committee should review it.');
  }
  zh.push(
    `群内岗位平均知识关联度 ${fixed(input.cohesion)}，与最接近的其他专业群为 ${fixed(input.separation)}，轮廓系数 ${fixed(input.silhouette)}。`,
  );
  en.push(
    `Posts inside the group have a mean knowledge correlation of ${fixed(input.cohesion)}, against ${fixed(input.separation)} with the nearest other group (silhouette ${fixed(input.silhouette)}).`,
  );
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
  if (input.leading) {
    const lead = input.leading;
    const strengthZh = lead.strength === null ? '学院尚未录入办学实力数据' : `办学实力得分 ${percent(lead.strength)}`;
    const strengthEn =
      lead.strength === null
        ? 'the college has not entered its strength figures'
        : `a strength score of ${percent(lead.strength)}`;
    zh.push(`建议以${lead.zh}专业为龙头：它在群知识关联图中的中心度为 ${percent(lead.centrality)}，${strengthZh}。`);
    en.push(
      `${lead.en} is proposed as the leading specialty: its centrality in the group's knowledge graph is ${percent(lead.centrality)} and ${strengthEn}.`,
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
