import { ROSTER_COLUMNS } from '../../core/rosters/roster-columns.js';
import type { RosterKind, RosterRow } from '../../core/rosters/roster-row.js';
import { mulberry32 } from '../postings/generate-postings.js';

/** 二级学院 and the specialties each teaches (the demo college's specialties, 2021 catalogue codes). */
export const GENERATED_DEPARTMENTS: readonly {
  name: string;
  specialties: readonly { code: string; name: string; short: string }[];
}[] = [
  {
    name: '信息工程学院',
    specialties: [
      { code: '510213', name: '移动应用开发', short: '移动' },
      { code: '510203', name: '软件技术', short: '软件' },
      { code: '510202', name: '计算机网络技术', short: '网络' },
    ],
  },
  {
    name: '智能技术学院',
    specialties: [
      { code: '510209', name: '人工智能技术应用', short: '智能' },
      { code: '510212', name: '区块链技术应用', short: '区块' },
      { code: '510208', name: '虚拟现实技术应用', short: '虚拟' },
    ],
  },
  {
    name: '数字商务学院',
    specialties: [{ code: '510201', name: '计算机应用技术', short: '计应' }],
  },
];

const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '黄',
  '赵',
  '吴',
  '周',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
  '何',
  '高',
  '林',
  '罗',
  '郑',
  '梁',
  '谢',
  '宋',
  '唐',
  '许',
  '韩',
  '冯',
  '邓',
  '曹',
  '彭',
  '曾',
  '肖',
  '田',
  '董',
  '袁',
  '潘',
  '于',
  '蒋',
  '蔡',
  '欧阳',
  '司马',
];
const GIVEN_MALE = [
  '伟',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '杰',
  '涛',
  '明',
  '超',
  '浩',
  '宇',
  '博',
  '鑫',
  '俊',
  '凯',
  '子轩',
  '浩然',
  '宇航',
  '志强',
  '建华',
  '晨阳',
  '一鸣',
];
const GIVEN_FEMALE = [
  '芳',
  '娜',
  '敏',
  '静',
  '丽',
  '艳',
  '婷',
  '雪',
  '琳',
  '颖',
  '慧',
  '欣怡',
  '雨涵',
  '梓涵',
  '诗琪',
  '佳怡',
  '思雨',
  '晓燕',
  '梦瑶',
  '可馨',
];
const TITLES = ['助教', '讲师', '讲师', '副教授', '教授', '高级实验师', '实验师'];
const ENGINEER_TITLES = ['工程师', '高级工程师', '测试工程师', '项目经理', '技术总监'];
const ENGINEER_DEPARTMENTS = ['研发中心', '测试部', '运维部', '产品部'];

export interface GenerateRosterOptions {
  readonly kind: RosterKind;
  readonly count: number;
  readonly seed: number;
  /** Entry years of the students (default the last three years before 2025). */
  readonly cohorts?: readonly number[];
  /** Students per class (default 45). */
  readonly classSize?: number;
  /** The 二级学院 and specialties to spread over (default all of `GENERATED_DEPARTMENTS`). */
  readonly departments?: typeof GENERATED_DEPARTMENTS;
  /** Leave out phone and e-mail for about this share of the people (default 0.3). */
  readonly missingContactShare?: number;
}

/**
 * A deterministic roster (the same rows for the same options) for the bench, the demo and tests: realistic Chinese
 * names, 学号 like 2024 + specialty code + class number + sequence (`2024510213` `02` `031`), classes named like
 * 移动2402, spread over several 二级学院 and the demo college's specialties, 学制 3 years; teachers with 工号 T…,
 * engineers with E….
 */
export function generateRoster(options: GenerateRosterOptions): RosterRow[] {
  const random = mulberry32(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const person = (index: number) => {
    const female = random() < 0.45;
    const name = pick(SURNAMES) + pick(female ? GIVEN_FEMALE : GIVEN_MALE);
    const contact = random() >= (options.missingContactShare ?? 0.3);
    const phone = contact
      ? `1${pick(['3', '5', '7', '8', '9'])}${String(Math.floor(random() * 1e9)).padStart(9, '0')}`
      : null;
    return { name, gender: female ? ('female' as const) : ('male' as const), phone, index };
  };
  const rows: RosterRow[] = [];
  if (options.kind === 'student') {
    const cohorts = options.cohorts ?? [2022, 2023, 2024];
    const classSize = options.classSize ?? 45;
    const specialties = (options.departments ?? GENERATED_DEPARTMENTS).flatMap((department) =>
      department.specialties.map((specialty) => ({ ...specialty, department: department.name })),
    );
    // Round-robin over cohort × specialty, filling a class of `classSize` before opening the next.
    const slots = cohorts.flatMap((cohort) => specialties.map((specialty) => ({ cohort, specialty })));
    const perSlot = Math.ceil(options.count / slots.length);
    for (const { cohort, specialty } of slots) {
      for (let seq = 0; seq < perSlot && rows.length < options.count; seq++) {
        const classNumber = Math.floor(seq / classSize) + 1;
        const classCode = String(classNumber).padStart(2, '0');
        const externalId = `${cohort}${specialty.code}${classCode}${String((seq % classSize) + 1).padStart(3, '0')}`;
        const { name, gender, phone } = person(rows.length);
        rows.push({
          externalId,
          name,
          gender,
          specialtyCode: specialty.code,
          specialtyName: specialty.name,
          className: `${specialty.short}${String(cohort).slice(2)}${classCode}`,
          cohortYear: cohort,
          durationYears: 3,
          department: specialty.department,
          title: null,
          doubleQualified: null,
          phone,
          email: phone ? `${externalId}@stu.example.edu.cn` : null,
        });
      }
    }
    return rows;
  }
  for (let index = 0; index < options.count; index++) {
    const { name, gender, phone } = person(index);
    const teacher = options.kind === 'teacher';
    const externalId = `${teacher ? 'T' : 'E'}${String(100001 + index)}`;
    rows.push({
      externalId,
      name,
      gender,
      specialtyCode: null,
      specialtyName: null,
      className: null,
      cohortYear: null,
      durationYears: null,
      department: teacher ? pick(options.departments ?? GENERATED_DEPARTMENTS).name : pick(ENGINEER_DEPARTMENTS),
      title: teacher ? pick(TITLES) : pick(ENGINEER_TITLES),
      doubleQualified: teacher ? random() < 0.4 : null,
      phone,
      email: phone ? `${externalId.toLowerCase()}@staff.example.edu.cn` : null,
    });
  }
  return rows;
}

/** Rows as the cells of a roster file (the template's Chinese or English headers and column order). */
export function rosterCells(kind: RosterKind, rows: readonly RosterRow[], lang: 'zh-CN' | 'en' = 'zh-CN') {
  const columns = ROSTER_COLUMNS[kind];
  const cell = (row: RosterRow, field: keyof RosterRow): string => {
    const value = row[field];
    if (value === null) return '';
    if (typeof value === 'boolean') return value ? '是' : '否';
    if (field === 'gender') return value === 'male' ? '男' : '女';
    return String(value);
  };
  return {
    headers: columns.map((column) => (lang === 'en' ? column.en : column.zh)),
    rows: rows.map((row) => columns.map((column) => cell(row, column.field))),
  };
}
