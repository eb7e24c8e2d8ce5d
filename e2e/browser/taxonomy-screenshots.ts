// Regenerates the taxonomy screenshots of the docs: `npx tsx e2e/browser/taxonomy-screenshots.ts` (after
// `npm run build`). Same set-up as scripts/screenshot.ts: a fresh server with the demo data and the curated catalogue.
import { launchChromium } from './launch-chromium.js';
import { startZerodockProcess } from './start-zerodock-process.js';

const zerodock = await startZerodockProcess();
const browser = await launchChromium();
try {
  const page = await (await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 1000 } })).newPage();
  await page.goto(`${zerodock.baseUrl}/`);
  await page.getByTestId('login-email').fill('curator@demo.zerodock.local');
  await page.getByTestId('login-password').fill('zerodock-demo');
  await page.getByTestId('login-submit').click();
  await page.getByTestId('dashboard-title').waitFor();

  // The post page of the released curated version: requirements by dimension and the weight chart.
  await page.getByTestId('nav-taxonomy').click();
  await page.getByTestId('taxonomy-tab-posts').click();
  await page.getByTestId('post-card-ito-industrial-software-testing').click();
  await page.getByTestId('post-requirements').waitFor();
  await page.getByTestId('post-weight-chart').locator('canvas').waitFor();
  await page.waitForTimeout(1200);
  await page.screenshot({ path: 'docs/screenshot-post.png' });

  // A committee's revision: derive a draft, relabel a competency, drop a requirement, then diff.
  await page.getByTestId('taxonomy-tab-versions').click();
  await page.getByTestId('derive-draft').click();
  await page.getByTestId('derive-draft-label').fill('2026.2');
  await page.getByTestId('derive-draft-notes').fill('按 2026 年企业调研修订');
  await page.getByTestId('derive-draft-submit').click();
  await page.getByTestId('current-version').filter({ hasText: 'Zerodock 生产性服务外包岗位能力框架 2026.2' }).waitFor();

  await page.getByTestId('taxonomy-tab-competencies').click();
  await page.getByTestId('competency-search').locator('input').fill('自动化测试');
  await page.getByTestId('competency-search').locator('input').press('Enter');
  await page.getByTestId('competency-row-automated-testing').click();
  await page.getByTestId('competency-edit').locator('#labelZh').fill('自动化测试（含持续集成）');
  await page.getByTestId('competency-edit-reason').fill('与企业岗位说明书的用语保持一致');
  await page.getByTestId('competency-edit-submit').click();
  await page.getByTestId('competency-history').getByText('与企业岗位说明书的用语保持一致').waitFor();
  await page.keyboard.press('Escape');

  await page.getByTestId('taxonomy-tab-posts').click();
  await page.getByTestId('post-card-ito-industrial-software-testing').click();
  await page.getByTestId('requirements-remove-technical-english').click();
  await page.getByTestId('requirements-reason').fill('专业英语改由公共课程覆盖');
  await page.getByTestId('requirements-submit').click();
  await page.getByTestId('post-history').getByText('专业英语改由公共课程覆盖').waitFor();

  await page.getByTestId('taxonomy-tab-versions').click();
  const diff = page.getByTestId('diff-view');
  await diff.getByTestId('diff-counts').waitFor();
  await diff.getByTestId('diff-post-ito-industrial-software-testing').click();
  await diff.getByTestId('diff-post-requirements-ito-industrial-software-testing').getByText('专业英语').waitFor();
  await page.waitForTimeout(600);
  await diff.screenshot({ path: 'docs/screenshot-diff.png' });
} finally {
  await browser.close();
  await zerodock.stop();
}
