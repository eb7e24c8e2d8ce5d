import { describe, expect, it } from 'vitest';
import { demandTextOf, nonDemandReason } from './demand-text.js';

describe('nonDemandReason', () => {
  it.each([
    ['五险一金', 'benefit'],
    ['公司提供五险一金、带薪年假', 'benefit'],
    ['周末双休，包吃住', 'benefit'],
    ['年终奖', 'benefit'],
    ['8000-12000元/月', 'pay'],
    ['薪资面议', 'pay'],
    ['Salary: CNY 8,000 a month', 'pay'],
    ['We offer social insurance and paid annual leave', 'benefit'],
    ['工作时间：9:00-18:00', 'schedule'],
    ['大专及以上学历', 'degree'],
    ['计算机相关专业', 'degree'],
    ['专业不限', 'degree'],
    ['3年以上相关工作经验', 'experience'],
    ['年龄35周岁以下', 'person'],
    ['完成领导交办的其他工作', 'catch-all'],
    ['上级安排的其它临时性任务', 'catch-all'],
    ['公司成立于2005年', 'company'],
    ['JAM Recruitment is acting as an Employment Business in relation to this vacancy', 'company'],
    ['我司受知名企业委托招聘测试工程师', 'company'],
    ['简历请发至hr@example.com', 'contact'],
    ['提供完善的培训', 'benefit'],
    ['面试地点：苏州工业园区', 'contact'],
  ])('%s is not demand (%s)', (clause, reason) => {
    expect(nonDemandReason(clause)).toBe(reason);
  });

  it.each([
    '熟悉Java、Spring Boot',
    '负责员工五险一金的办理与核算',
    '跟踪薪酬、社保、个税政策，确保核算合规',
    '3年以上Java开发经验',
    '负责新员工培训的组织与实施',
    '负责安排候选人面试',
    'Build REST APIs in Python',
  ])('%s may be demand', (clause) => {
    expect(nonDemandReason(clause)).toBeNull();
  });
});

describe('demandTextOf', () => {
  const posting = [
    'Java开发工程师（双休）',
    '岗位职责：',
    '1. 负责后端接口开发；',
    '2. 完成领导交办的其他工作。',
    '任职要求：',
    '1、本科及以上学历，计算机相关专业；',
    '2、熟悉Java，3年以上工作经验；',
    '福利待遇：五险一金、带薪年假',
    '工作地点：无锡市',
  ].join('\n');

  it('keeps the offsets: same length, line breaks in place', () => {
    const demand = demandTextOf(posting);
    expect(demand.length).toBe(posting.length);
    expect([...demand].filter((character) => character === '\n').length).toBe(posting.split('\n').length - 1);
  });

  it('keeps duties and requirements, blanks benefits, schedule, degree, catch-all and headings', () => {
    const demand = demandTextOf(posting);
    expect(demand).toContain('Java开发工程师');
    expect(demand).toContain('负责后端接口开发');
    expect(demand).toContain('熟悉Java');
    for (const gone of [
      '双休',
      '五险一金',
      '带薪年假',
      '无锡市',
      '本科',
      '计算机相关专业',
      '领导交办',
      '岗位职责',
      '工作经验',
    ])
      expect(demand).not.toContain(gone);
  });

  it('keeps surrogate pairs aligned when blanking', () => {
    const text = '福利：𠀀五险一金\n任职要求：熟悉Java';
    expect(demandTextOf(text).length).toBe(text.length);
    expect(demandTextOf(text).endsWith('熟悉Java')).toBe(true);
  });
});
