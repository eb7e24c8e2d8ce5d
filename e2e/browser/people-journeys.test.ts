import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useZerodockBrowser } from './use-zerodock-browser.js';

/** Six students of the demo college in two classes of the 2026 cohort, as a student information system exports them. */
const STUDENTS = [
  ['2026510213001', '林晓雨', '女', '510213', '移动应用开发', '移动2601'],
  ['2026510213002', '周子航', '男', '510213', '移动应用开发', '移动2601'],
  ['2026510213003', '吴思琪', '女', '510213', '移动应用开发', '移动2601'],
  ['2026510203001', '郑浩然', '男', '510203', '软件技术（软件测试方向）', '测试2601'],
  ['2026510203002', '王佳怡', '女', '510203', '软件技术（软件测试方向）', '测试2601'],
  ['2026510203003', '陈宇轩', '男', '510203', '软件技术（软件测试方向）', '测试2601'],
] as const;
const STUDENT = STUDENTS[0];
const NEW_PASSWORD = 'Lin-Xiaoyu-2026!';

function rosterCsv(): string {
  const rows = ['学号,姓名,性别,专业代码,专业名称,班级,年级,学制'];
  for (const [id, name, gender, code, specialty, className] of STUDENTS) {
    rows.push([id, name, gender, code, specialty, className, '2026', '3'].join(','));
  }
  return `${rows.join('\n')}\n`;
}

const SCREENSHOTS = process.env.ZERODOCK_SCREENSHOT_DIR;
const harness = useZerodockBrowser({ width: 1366, height: 900 });
const { newPage, logIn } = harness;
let workDir: string;

beforeAll(() => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zerodock-people-e2e-'));
});
afterAll(() => {
  if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
});

async function screenshot(page: Page, name: string): Promise<void> {
  if (!SCREENSHOTS) return;
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `people-${name}.png`), fullPage: true });
}

/** The UI language is the user's own (kept across sign-ins): an earlier journey may have left it in English. */
async function inLanguage(page: Page, locale: 'zh-CN' | 'en'): Promise<void> {
  if ((await page.evaluate(() => document.documentElement.lang)) === locale) return;
  await page.getByTestId('lang-switch').click();
  await page.waitForFunction((wanted) => document.documentElement.lang === wanted, locale);
}

/**
 * Nothing wider than a 390 px screen, measured once the layout has settled after the resize (Ant Design's
 * responsive grid re-renders on the next frames); the desktop size comes back afterwards.
 */
async function expectFitsPhone(page: Page): Promise<void> {
  await page.setViewportSize({ width: 390, height: 844 });
  await page
    .waitForFunction(() => document.documentElement.scrollWidth <= 390, undefined, { timeout: 5000 })
    .catch(() => undefined);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.setViewportSize({ width: 1366, height: 900 });
}

describe('people at a college’s scale (Debian chromium)', () => {
  it('an admin imports a roster, a student sets their password with a one-time code and signs in by 学号', async () => {
    const page = await newPage();
    try {
      await logIn(page, 'college-admin@demo.zerodock.local');
      await inLanguage(page, 'zh-CN');

      // The people area, the import tab: the template in Chinese is a workbook.
      await page.getByTestId('nav-people').click();
      await page.getByTestId('people-title').waitFor();
      await page.getByTestId('people-tab-imports').click();
      await page.getByTestId('roster-import-kind-student').click();
      const [template] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('roster-template-zh').click(),
      ]);
      expect(template.suggestedFilename()).toMatch(/\.xlsx$/);
      const templatePath = path.join(workDir, template.suggestedFilename());
      await template.saveAs(templatePath);
      // An XLSX is a ZIP archive: it starts with PK.
      expect(fs.readFileSync(templatePath).subarray(0, 2).toString('latin1')).toBe('PK');

      // Upload the roster: the preview counts six new students in two new classes, nothing applied yet.
      const file = path.join(workDir, 'students-2026.csv');
      fs.writeFileSync(file, rosterCsv(), 'utf8');
      await page.getByTestId('roster-upload').click();
      await page.getByTestId('roster-import-file').locator('input[type=file]').setInputFiles(file);
      await page.getByTestId('roster-import-submit').click();
      await page.getByTestId('roster-preview').waitFor({ timeout: 60_000 });
      await expect.poll(() => page.getByTestId('roster-count-new').innerText()).toContain('6');
      await expect.poll(() => page.getByTestId('roster-count-newClasses').innerText()).toContain('2');
      await page.getByTestId(`roster-section-table-new`).getByText(STUDENT[1]).waitFor();
      await screenshot(page, 'import-preview-zh');
      await expectFitsPhone(page);

      // Apply, confirmed in the popover.
      await page.getByTestId('roster-apply').click();
      await page.getByTestId('roster-apply-confirm').click();
      await page.getByTestId('roster-apply-result').waitFor({ timeout: 60_000 });
      await expect.poll(() => page.getByTestId('roster-preview-status').innerText()).toBe('已应用');

      // The class page lists its three students, not yet activated.
      await page.getByTestId('people-tab-classes').click();
      await page.getByTestId(`class-link-${STUDENT[5]}`).click();
      await page.getByTestId('class-title').waitFor();
      expect(await page.getByTestId('class-title').innerText()).toBe(STUDENT[5]);
      const row = page.getByTestId(`class-row-${STUDENT[0]}`);
      await row.waitFor();
      await row.getByTestId('roster-status-notActivated').waitFor();
      await expect.poll(() => page.locator('[data-testid^="class-row-"]').count()).toBe(3);
      await screenshot(page, 'class-zh');
      await expectFitsPhone(page);

      // The same page in English, then back.
      await inLanguage(page, 'en');
      await page.getByText('Download activation codes').waitFor();
      await page.getByText('Students (3)').waitFor();
      await screenshot(page, 'class-en');
      await inLanguage(page, 'zh-CN');

      // The student's account: a one-time reset code, shown once (no mail transport in the test).
      await page.getByTestId(`class-student-${STUDENT[0]}`).click();
      await page.getByTestId('person-account-title').waitFor();
      await page.getByTestId('account-action-reset-code').click();
      await page.getByTestId('account-confirm-reset-code').click();
      const codeElement = page.getByTestId('issued-code');
      await codeElement.waitFor();
      const code = (await codeElement.innerText()).trim();
      expect(code.length).toBeGreaterThanOrEqual(6);
      await screenshot(page, 'reset-code-zh');
      await page.getByTestId('issued-code-close').click();

      // Sign out.
      await page.getByTestId('user-menu').click();
      await page.getByTestId('logout').click();
      await page.getByTestId('login-submit').waitFor();

      // The student sets their password with the code and their 学号, and lands on the dashboard signed in.
      await page.getByTestId('login-redeem-link').click();
      await page.getByTestId('redeem-form').waitFor();
      await expectFitsPhone(page);
      await page.getByTestId('redeem-login').fill(STUDENT[0]);
      await page.getByTestId('redeem-code').fill(code);
      await page.getByTestId('redeem-password-new').fill(NEW_PASSWORD);
      await page.getByTestId('redeem-password-confirm').fill(NEW_PASSWORD);
      await screenshot(page, 'redeem-zh');
      await page.getByTestId('redeem-submit').click();
      await page.getByTestId('dashboard-title').waitFor({ timeout: 30_000 });
      // A code sets the person's own password: no forced change follows.
      expect(await page.getByTestId('forced-password').count()).toBe(0);

      // Account → sessions: this device, flagged; the 学号 stands in for the missing e-mail.
      await page.getByTestId('nav-account').click();
      await page.getByTestId('my-sessions').waitFor();
      await page.getByTestId('session-current').waitFor();
      expect(await page.getByTestId('account-login-id').innerText()).toBe(STUDENT[0]);
      await screenshot(page, 'account-sessions-zh');
      await expectFitsPhone(page);

      // Signed out, the student signs in again with the 学号 and the new password.
      await page.getByTestId('user-menu').click();
      await page.getByTestId('logout').click();
      await page.getByTestId('login-submit').waitFor();
      await logIn(page, STUDENT[0], NEW_PASSWORD);
    } finally {
      await page.context().close();
    }
  });
});
