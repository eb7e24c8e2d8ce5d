import type { RosterField, RosterKind } from './roster-row.js';

/** One column of a roster file: the template's Chinese and English headers, and other names colleges use. */
export interface RosterColumn {
  readonly field: RosterField;
  readonly zh: string;
  readonly en: string;
  readonly aliases: readonly string[];
  /** The column must be in the file (its value may still be optional). */
  readonly required: boolean;
  readonly example: string;
}

const column = (
  field: RosterField,
  zh: string,
  en: string,
  aliases: readonly string[],
  required: boolean,
  example: string,
): RosterColumn => ({ field, zh, en, aliases, required, example });

const NAME = column('name', '姓名', 'Name', ['名字', 'full name', 'student name'], true, '张三');
const GENDER = (required: boolean) => column('gender', '性别', 'Gender', ['sex'], required, '男');
const PHONE = column(
  'phone',
  '手机',
  'Mobile',
  ['手机号', '手机号码', '联系电话', '电话', 'phone', 'mobile phone'],
  false,
  '13812345678',
);
const EMAIL = column(
  'email',
  '邮箱',
  'E-mail',
  ['电子邮箱', '电子邮件', 'email', 'mail'],
  false,
  'zhangsan@example.edu.cn',
);

/**
 * The columns of each kind of roster, in template order. Students: 学号, 姓名, 性别, 专业代码, 专业名称, 班级, 年级
 * (entry year), 学制, 手机, 邮箱, and optionally 二级学院; teachers: 工号, 姓名, 性别, 院系, 职称, 双师型, 手机, 邮箱;
 * engineers: 工号, 姓名, 部门, 职务, 手机, 邮箱.
 */
export const ROSTER_COLUMNS: Readonly<Record<RosterKind, readonly RosterColumn[]>> = {
  student: [
    column('externalId', '学号', 'Student ID', ['学生学号', 'student number', 'student no'], true, '2024510213101'),
    NAME,
    GENDER(false),
    column('specialtyCode', '专业代码', 'Specialty code', ['专业编码', '专业编号', 'major code'], true, '510213'),
    column('specialtyName', '专业名称', 'Specialty name', ['专业', 'specialty', 'major'], true, '移动应用开发'),
    column('className', '班级', 'Class', ['班级名称', '行政班', 'class name'], true, '移动2401'),
    column(
      'cohortYear',
      '年级',
      'Cohort',
      ['年级/入学年份', '入学年份', '入学年级', 'entry year', 'grade', 'cohort year'],
      true,
      '2024',
    ),
    column('durationYears', '学制', 'Duration (years)', ['学制（年）', '学制年限', 'duration', 'years'], true, '3'),
    PHONE,
    EMAIL,
    column(
      'department',
      '二级学院',
      'Department',
      ['院系', '院系/二级学院', '学院', '系部', '所属学院', 'school', 'faculty'],
      false,
      '信息工程学院',
    ),
  ],
  teacher: [
    column(
      'externalId',
      '工号',
      'Staff ID',
      ['教工号', '职工号', '教师工号', 'staff number', 'employee id'],
      true,
      'T2010001',
    ),
    NAME,
    GENDER(false),
    column(
      'department',
      '院系',
      'Department',
      ['部门', '院系/部门', '二级学院', '学院', '系部', '所属部门', 'school'],
      false,
      '信息工程学院',
    ),
    column('title', '职称', 'Title', ['专业技术职务', '职务', 'job title', 'rank'], false, '副教授'),
    column('doubleQualified', '双师型', 'Double-qualified', ['双师', '双师型教师', 'dual qualified'], false, '是'),
    PHONE,
    EMAIL,
  ],
  engineer: [
    column('externalId', '工号', 'Staff ID', ['员工号', '职工号', 'employee number', 'employee id'], true, 'E100234'),
    NAME,
    column('department', '部门', 'Department', ['所属部门', '事业部', 'division', 'team'], false, '测试部'),
    column('title', '职务', 'Title', ['职务/职称', '职称', '岗位', 'position', 'job title'], false, '高级测试工程师'),
    PHONE,
    EMAIL,
  ],
};

/** Header text compared without case, spaces, `_`, `-`, brackets or a byte-order mark. */
export function columnKey(name: string): string {
  return name
    .replace(/^\ufeff/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s_\-（）()/]/g, '');
}
