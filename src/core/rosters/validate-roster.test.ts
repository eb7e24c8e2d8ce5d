import { describe, expect, it } from 'vitest';
import { validateRoster } from './validate-roster.js';

const HEADER = ['学号', '姓名', '性别', '专业代码', '专业名称', '班级', '年级', '学制', '手机', '邮箱'];
const table = (...rows: string[][]) => [HEADER, ...rows].map((cells, index) => ({ line: index + 1, cells }));
const ok = ['2024001', '张三', '男', '510213', '移动应用开发', '移动2401', '2024级', '3', '138 1234 5678', 'zs@x.cn'];

describe('validateRoster', () => {
  it('reads a valid student file into canonical rows with their lines', () => {
    const result = validateRoster('student', table(ok));
    expect(result.problems).toEqual([]);
    expect(result.rows).toEqual([
      {
        line: 2,
        externalId: '2024001',
        name: '张三',
        gender: 'male',
        specialtyCode: '510213',
        specialtyName: '移动应用开发',
        className: '移动2401',
        cohortYear: 2024,
        durationYears: 3,
        department: null,
        title: null,
        doubleQualified: null,
        phone: '13812345678',
        email: 'zs@x.cn',
      },
    ]);
    expect(result.fields).not.toContain('department');
  });

  it('accepts the English headers', () => {
    const header = [
      'Student ID',
      'Name',
      'Gender',
      'Specialty code',
      'Specialty name',
      'Class',
      'Cohort',
      'Duration (years)',
    ];
    const result = validateRoster('student', [
      { line: 1, cells: header },
      { line: 2, cells: ['S1', 'Li Si', 'F', '510213', 'Mobile', 'M2401', '2024', '3'] },
    ]);
    expect(result.problems).toEqual([]);
    expect(result.rows[0]!.gender).toBe('female');
  });

  it('collects every problem with its line and field', () => {
    const result = validateRoster(
      'student',
      table(
        ok,
        ['2024001', '李四', 'x', '510213', '移动应用开发', '移动2401', '2024', '3', '', ''],
        ['2024003', '=HYPERLINK("x")', '女', '', '', '移动2402', '1800', '9', 'abc', 'not-mail'],
        ['2024004', '王五', '女', '510214', '软件技术', '移动2401', '2025', '3', '', ''],
      ),
    );
    const found = result.problems.map((problem) => `${problem.line}:${problem.field}`);
    expect(found).toEqual([
      '3:externalId',
      '3:gender',
      '4:name',
      '4:cohortYear',
      '4:durationYears',
      '4:specialtyCode',
      '4:specialtyName',
      '4:phone',
      '4:email',
      '5:specialtyCode',
      '5:cohortYear',
    ]);
    expect(result.problems[0]!.reason).toContain('line 2');
    expect(result.rows).toEqual([]);
  });

  it('names the missing columns of a file of the wrong kind', () => {
    const result = validateRoster('student', [{ line: 1, cells: ['工号', '姓名', '院系'] }]);
    expect(result.problems.map((problem) => problem.field)).toEqual([
      'externalId',
      'specialtyCode',
      'specialtyName',
      'className',
      'cohortYear',
      'durationYears',
    ]);
  });

  it('refuses an empty file and a header without rows', () => {
    expect(validateRoster('teacher', []).problems[0]!.reason).toContain('empty');
    expect(validateRoster('teacher', [{ line: 1, cells: ['工号', '姓名'] }]).problems[0]!.reason).toContain(
      'no people',
    );
  });

  it('stops listing at the cap and says so', () => {
    const rows = Array.from({ length: 80 }, (_, index) => [`T${index}`, '', '', '', '', '', 'maybe']);
    const result = validateRoster(
      'teacher',
      [
        { line: 1, cells: ['工号', '姓名', '性别', '院系', '职称', '双师型'] },
        ...rows.map((cells, index) => ({ line: index + 2, cells })),
      ],
      10,
    );
    expect(result.problems).toHaveLength(10);
    expect(result.truncated).toBe(true);
  });

  it('reads teachers with 双师型 and engineers with 职务', () => {
    const teachers = validateRoster('teacher', [
      { line: 1, cells: ['工号', '姓名', '院系/部门', '职称', '双师型'] },
      { line: 2, cells: ['T1', '赵老师', '信息工程学院', '讲师', '是'] },
    ]);
    expect(teachers.rows[0]).toMatchObject({ department: '信息工程学院', title: '讲师', doubleQualified: true });
    const engineers = validateRoster('engineer', [
      { line: 1, cells: ['工号', '姓名', '部门', '职务/职称'] },
      { line: 2, cells: ['E1', '钱工', '测试部', '工程师'] },
    ]);
    expect(engineers.rows[0]).toMatchObject({ department: '测试部', title: '工程师', className: null });
  });
});
