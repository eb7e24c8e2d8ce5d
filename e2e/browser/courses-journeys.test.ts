import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useZerodockBrowser } from './use-zerodock-browser.js';

const harness = useZerodockBrowser({ width: 1440, height: 1000 });
const { newPage, logIn } = harness;

async function openDemoCourseSystem(page: Page): Promise<void> {
  await page.getByTestId('nav-courseSystems').click();
  await page.getByTestId('course-systems-title').waitFor();
  await page.getByTestId('course-systems-table').getByText('工业信息系统开发与运维专业群 课程体系').click();
  await page.getByTestId('course-system-ok').waitFor();
}

describe('course-system journeys (Debian chromium, built app served by `zerodock serve`)', () => {
  it('group director: reads the solved plan, re-plans with a tighter cap, reviews the course list against the posts', async () => {
    const page = await newPage();
    try {
      await logIn(page, 'director@demo.zerodock.local');
      await openDemoCourseSystem(page);
      expect(await page.getByTestId('course-system-solver').innerText()).toMatch(/HiGHS .*最优解.*0\.00%/);
      await page.getByTestId('course-matrix').locator('tbody tr.ant-table-row').first().waitFor();

      // The semester board, then a tighter credit cap: re-planned, every semester within it.
      await page.getByTestId('tab-semesters').click();
      await page.getByTestId('semester-board').waitFor();
      expect(await page.getByTestId('semester-course').count()).toBeGreaterThan(20);
      // The busiest student's load under the demo's cap of 30 becomes the cap: the tightest one the current plan
      // already shows to be feasible, so the re-plan must succeed (a solver that proves it, not a timing race).
      const before = await page.getByTestId('course-system-busiest').innerText();
      const cap = Number(before.split('/')[0]!.replace(/[^\d.]/g, ''));
      expect(cap).toBeGreaterThan(0);
      expect(cap).toBeLessThanOrEqual(30);
      await page.getByTestId('replan-max-credits').fill(String(cap));
      await page.getByTestId('replan-submit').click();
      await page.getByText('已重新排课').waitFor();
      await page.waitForFunction(
        (limit) => document.querySelector('[data-testid="course-system-busiest"]')?.textContent?.includes(`/ ${limit}`),
        cap,
      );
      const busiest = Number(
        (await page.getByTestId('course-system-busiest').innerText()).split('/')[0]!.replace(/[^\d.]/g, ''),
      );
      expect(busiest).toBeLessThanOrEqual(cap);

      // The existing course list: coverage, courses to retire, a teacher's confirmation.
      await page.getByTestId('tab-coverage').click();
      await page.getByTestId('coverage-percent').waitFor();
      expect(await page.getByTestId('coverage-retire').innerText()).toContain('RJ401');
      await page.getByTestId('confirm-RJ301-test-case-design').click();
      await page.getByTestId('confirm-RJ301-test-case-design').waitFor({ state: 'detached' });

      // A malformed list is refused with file, line and field; the list stays as it was.
      await page.getByTestId('course-list-import').click();
      await page
        .getByTestId('course-list-import-file')
        .locator('input[type=file]')
        .setInputFiles({
          name: 'broken.csv',
          mimeType: 'text/csv',
          buffer: Buffer.from('课程代码,课程名称,学分,学时,课程类型,课程描述\nA1,甲,2,32,必修课,x\n'),
        });
      await page.getByTestId('course-list-import-submit').click();
      const error = page.getByTestId('course-list-import-error');
      await error.waitFor();
      expect(await page.getByTestId('course-list-import-error-where').innerText()).toMatch(
        /文件 broken\.csv 第 2 行，\S/,
      );
      expect(await error.innerText()).toContain('必修课');
      await page.keyboard.press('Escape');
      await page.getByTestId('course-list-import-form').waitFor({ state: 'detached' });
      expect(await page.getByTestId('college-courses').locator('tbody tr.ant-table-row').count()).toBe(17);
    } finally {
      await page.context().close();
    }
  });

  it('teacher: renames a course on the semester board; the name stays after a re-plan and in English (screenshots)', async () => {
    const page = await newPage();
    try {
      await logIn(page, 'teacher@demo.zerodock.local');
      await openDemoCourseSystem(page);
      await page.getByTestId('tab-semesters').click();
      await page.getByTestId('semester-board').waitFor();
      await page.screenshot({ path: join(tmpdir(), 'zerodock-course-board-zh.png'), fullPage: true });
      const titles = await page.locator('[data-testid^="course-title-"]').allInnerTexts();
      // Course names a teacher recognises: no competency lists ("A与B等"), no ids.
      for (const title of titles) {
        expect(title).not.toMatch(/与.+等/);
        expect(title).not.toMatch(/[a-z]+-[a-z]+/);
      }
      expect(titles).toContain('软件测试基础');
      const rename = page.locator('[data-testid^="rename-course-P"]').first();
      const courseId = (await rename.getAttribute('data-testid'))!.replace('rename-course-', '');
      await rename.click();
      await page.getByTestId('rename-course-zh').fill('专业群基础课程（校本）');
      await page.getByTestId('rename-course-en').fill('Group Foundations (college edition)');
      await page.getByTestId('rename-course-submit').click();
      await page.getByText('课程已重命名').waitFor();
      await page.getByTestId(`course-title-${courseId}`).getByText('专业群基础课程（校本）').waitFor();

      await page.getByTestId('lang-switch').click();
      await page.waitForFunction(() => document.documentElement.lang === 'en');
      await page.getByTestId(`course-title-${courseId}`).getByText('Group Foundations (college edition)').waitFor();
      await page.screenshot({ path: join(tmpdir(), 'zerodock-course-board-en.png'), fullPage: true });
      await page.getByTestId('lang-switch').click();
      await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');

      await page.getByTestId(`rename-course-${courseId}`).click();
      await page.getByTestId('rename-course-restore').click();
      await page.getByText('已恢复原名称').waitFor();
      await page
        .getByTestId(`course-title-${courseId}`)
        .getByText('专业群基础课程（校本）')
        .waitFor({ state: 'detached' });
    } finally {
      await page.context().close();
    }
  });

  it('student: plans a pathway to a target post and is warned when a free choice leaves it uncovered', async () => {
    const page = await newPage();
    try {
      await logIn(page, 'student@demo.zerodock.local');
      await openDemoCourseSystem(page);
      expect(await page.getByTestId('tab-coverage').count()).toBe(0);
      await page.getByTestId('tab-pathway').click();
      await page.getByTestId('pathway-plan').click();
      const result = page.getByTestId('pathway-result');
      await result.waitFor();
      expect(await result.innerText()).toMatch(/推荐 \d+ 门课程，共 [\d.]+ 学分/);
      // One elective alone (electives are listed last): the target post's essential competencies are not covered.
      await page.getByTestId('pathway-chosen').locator('label').last().click();
      await page.getByTestId('pathway-check').click();
      const warning = page.getByTestId('pathway-choice-warning');
      await warning.waitFor();
      expect(await warning.innerText()).toContain('未覆盖目标岗位');
    } finally {
      await page.context().close();
    }
  });

  it('group director: edits the drafted training plan, submits it to the committee (read-only while it votes), downloads the PDF; a committee member votes on it', async () => {
    const page = await newPage();
    try {
      await logIn(page, 'director@demo.zerodock.local');
      await page.getByTestId('nav-trainingPlans').click();
      await page.getByTestId('training-plans-table').getByText('软件技术（软件测试方向）专业人才培养方案').click();
      await page.getByTestId('training-plan-sections').waitFor();
      for (const title of ['一、专业名称及代码', '四、职业面向', '七、教学进程总体安排', '九、毕业要求'])
        await page.getByText(title, { exact: true }).waitFor();

      // The rule panel: every rule of 教职成〔2019〕13号 the platform decides is met; the college's fill-ins remain.
      const rules = page.getByTestId('plan-rules');
      await rules.waitFor();
      expect(await page.getByTestId('plan-rules-summary').innerText()).toMatch(/^符合 [0-7] \/ 8 项$/);
      for (const id of ['internship', 'hours-per-credit', 'practice-share', 'text-sums'])
        expect(await page.getByTestId(`plan-rule-${id}`).innerText()).toMatch(/\t符合\t|\s符合\s/);
      expect(await page.getByTestId('plan-rule-total-hours').innerText()).toContain('不低于2500学时');
      expect(await page.getByTestId('plan-rule-college-fill').innerText()).toContain('不符合');
      if (process.env.ZERODOCK_SCREENSHOTS) {
        await rules.screenshot({ path: `${process.env.ZERODOCK_SCREENSHOTS}/plan-rules-zh.png` });
        await page.getByTestId('lang-switch').click();
        await page.waitForFunction(() => document.documentElement.lang === 'en');
        expect(await page.getByTestId('plan-rules-summary').innerText()).toMatch(/^[0-7] of 8 rules met$/);
        expect(await page.getByTestId('plan-rule-total-hours').innerText()).toContain('at least 2500 hours');
        expect(await page.getByTestId('plan-rules').innerText()).not.toMatch(/[\u4e00-\u9fff]/);
        await rules.screenshot({ path: `${process.env.ZERODOCK_SCREENSHOTS}/plan-rules-en.png` });
        await page.getByTestId('lang-switch').click();
        await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
      }
      await page
        .getByTestId('section-text-admission')
        .fill('普通高级中学毕业、中等职业学校毕业或具备同等学力；招收中高职贯通学生。');
      await page.getByTestId('training-plan-save').click();
      await page.getByText('草稿已保存').waitFor();
      // The director submits; the committee votes (the director, who wrote it, may not).
      await page.getByTestId('training-plan-submit').click();
      await page.getByRole('button', { name: /确\s*定|OK/ }).click();
      await page.getByTestId('training-plan-under-review').waitFor();
      await page.locator('[data-testid="committee-vote"][data-outcome="pending"]').waitFor();
      expect(await page.getByTestId('vote-why-not').innerText()).toContain('回避');
      // The director takes it back before the vote, then puts it before the committee again (a new round).
      await page.getByTestId('training-plan-withdraw').click();
      await page.getByRole('button', { name: /确\s*定|OK/ }).click();
      await page.locator('[data-testid="committee-vote"][data-outcome="withdrawn"]').waitFor();
      await page.getByTestId('section-text-admission').waitFor();
      await page.getByTestId('training-plan-submit').click();
      await page.getByRole('button', { name: /确\s*定|OK/ }).click();
      await page.locator('[data-testid="committee-vote"][data-outcome="pending"]').waitFor();
      await page.getByTestId('training-plan-under-review').waitFor();
      expect(await page.getByTestId('section-text-admission').count()).toBe(0);
      expect(await page.getByTestId('training-plan-submit').count()).toBe(0);
      expect(await page.getByTestId('section-admission').innerText()).toContain('中高职贯通');

      await page.getByTestId('training-plan-export').hover();
      const pdfLink = page.getByTestId('training-plan-export-pdf');
      await pdfLink.waitFor();
      const url = new URL((await pdfLink.getAttribute('href'))!, harness.zerodock.baseUrl).toString();
      const response = await page.request.get(url);
      expect(response.status()).toBe(200);
      expect(response.headers()['content-type']).toBe('application/pdf');
      expect((await response.body()).subarray(0, 5).toString()).toBe('%PDF-');
    } finally {
      await page.context().close();
    }

    // A seated member of the committee (not of the plan's college) finds the plan on the committee desk and votes.
    const member = await newPage();
    try {
      await logIn(member, 'committee@demo.zerodock.local');
      await member.getByTestId('nav-committee').click();
      const desk = member.getByTestId('committee-plans');
      await desk.getByText('软件技术（软件测试方向）专业人才培养方案').waitFor();
      const row = desk.locator('tr', { hasText: '软件技术（软件测试方向）专业人才培养方案' });
      expect(await row.innerText()).toContain('审议中');
      await row.getByRole('link').click();
      await member.getByTestId('committee-plan-title').waitFor();
      expect(await member.getByTestId('committee-plan-title').innerText()).toBe(
        '软件技术（软件测试方向）专业人才培养方案',
      );
      await member.getByTestId('committee-plan-college').waitFor();
      expect(await member.getByTestId('section-admission').innerText()).toContain('中高职贯通');
      await member.getByTestId('plan-rules-summary').waitFor();
      expect(await member.getByTestId('vote-tally').innerText()).toBe('赞成 0 · 反对 0 · 弃权 0');
      await member.getByTestId('vote-comment').fill('课程结构合理，同意。');
      await member.getByTestId('vote-approve').click();
      await member.getByTestId('vote-mine').waitFor();
      expect(await member.getByTestId('vote-tally').innerText()).toBe('赞成 1 · 反对 0 · 弃权 0');
      expect(await member.getByTestId('vote-list').innerText()).toContain('课程结构合理，同意。');
      // One vote is short of the quorum: the plan stays before the committee.
      expect(await member.getByTestId('committee-vote').getAttribute('data-outcome')).toBe('pending');
      const shots = process.env.ZERODOCK_SCREENSHOT_DIR ?? tmpdir();
      await member.screenshot({ path: join(shots, 'zerodock-committee-plan-zh.png') });
      await member.getByTestId('lang-switch').click();
      await member.waitForFunction(() => document.documentElement.lang === 'en');
      expect(await member.getByTestId('vote-tally').innerText()).toBe('1 for · 0 against · 0 abstaining');
      expect(await member.getByTestId('committee-plan-version').innerText()).toBe('Version 1 · Under review');
      await member.locator('.ant-message-notice').waitFor({ state: 'detached' });
      await member.screenshot({ path: join(shots, 'zerodock-committee-plan-en.png') });
      await member.getByText('Back to the committee desk').click();
      await member.getByTestId('committee-plans').getByText('Under review').waitFor();
      await member.screenshot({ path: join(shots, 'zerodock-committee-desk-en.png'), fullPage: true });
      await member.getByTestId('lang-switch').click();
      await member.waitForFunction(() => document.documentElement.lang === 'zh-CN');
      await member.screenshot({ path: join(shots, 'zerodock-committee-desk-zh.png'), fullPage: true });
    } finally {
      await member.context().close();
    }
  });
});
