import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useZerodockBrowser } from './use-zerodock-browser.js';

/**
 * Two years of postings for the demo's software-testing post: in 2025 functional testing only, in 2026 Python
 * scripts and machine learning as well, so the revision finds rising competencies. Every posting differs (enterprise,
 * date, batch) so none is dropped as a duplicate.
 */
function postingsCsv(): string {
  const rows = ['id,title,text,enterprise,province,city,date,post'];
  for (let index = 1; index <= 60; index += 1) {
    const day = String((index % 27) + 1).padStart(2, '0');
    rows.push(
      `a${index},软件测试工程师,"负责工业软件的功能测试，编写测试用例，执行回归测试（第 ${index} 批）。",无锡测试服务${index}有限公司,江苏省,无锡市,2025-03-${day},ito-industrial-software-testing`,
      `b${index},软件测试工程师,"负责工业软件的自动化测试，使用 Python 编写测试脚本，了解机器学习基本概念（第 ${index} 批）。",苏州智测科技${index}有限公司,江苏省,苏州市,2026-03-${day},ito-industrial-software-testing`,
    );
  }
  return rows.join('\n');
}

const harness = useZerodockBrowser({ width: 1366, height: 900 });
const { newPage, logIn } = harness;
let workDir: string;

beforeAll(() => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zerodock-revision-e2e-'));
});
afterAll(() => {
  if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
});

async function importPostings(page: Page): Promise<void> {
  const file = path.join(workDir, 'postings-2025-2026.csv');
  fs.writeFileSync(file, postingsCsv(), 'utf8');
  await page.getByTestId('nav-demand').click();
  await page.getByTestId('demand-title').waitFor();
  await page.getByTestId('demand-tab-imports').click();
  await page.getByTestId('import-postings').click();
  await page.getByTestId('import-postings-file').locator('input[type=file]').setInputFiles(file);
  await page.getByTestId('import-postings-submit').click();
  const row = page.getByTestId('import-row-postings-2025-2026.csv');
  await row.waitFor();
  await page.waitForFunction(
    () => document.querySelector('[data-testid="import-row-postings-2025-2026.csv"]')?.textContent?.includes('已完成'),
    undefined,
    { timeout: 120_000 },
  );
}

async function openRevisions(page: Page): Promise<void> {
  await page.getByTestId('nav-courseSystems').click();
  await page.getByTestId('course-systems-title').waitFor();
  await page.getByTestId('course-systems-table').getByText('工业信息系统开发与运维专业群 课程体系').click();
  await page.getByTestId('revisions-open').click();
  await page.getByTestId('revisions-title').waitFor();
}

/**
 * NEEDS THE REVISION BACKEND (routes `…/specialty-groups/:groupId/revisions`, `…/revisions/:revisionId…`) merged to
 * pass: the web side was written against `src/contracts/revisions-api.ts` alone.
 */
describe('yearly revision journeys (Debian chromium, built app served by `zerodock serve`)', () => {
  it('group director: starts the 2026 revision, reads the changes, decides every proposal, submits and withdraws', async () => {
    const officer = await newPage();
    try {
      await logIn(officer, 'officer@demo.zerodock.local');
      await importPostings(officer);
    } finally {
      await officer.context().close();
    }

    const page = await newPage();
    try {
      await logIn(page, 'director@demo.zerodock.local');
      await openRevisions(page);
      expect(await page.getByTestId('revisions-title').innerText()).toContain('年度动态调整');
      // The last two years with postings by default.
      expect(await page.getByTestId('revision-before-year').inputValue()).toBe('2025');
      expect(await page.getByTestId('revision-after-year').inputValue()).toBe('2026');
      await page.getByTestId('revision-start').click();

      const impact = page.getByTestId('revision-impact');
      await impact.waitFor();
      expect(await impact.innerText()).toMatch(/^\d+ 项变化 → \d+ 项能力 → \d+ 门课程、\d+ 个方案$/);
      expect(await page.getByTestId('revision-title').innerText()).toBe('2027 年度动态调整');
      const changes = page.getByTestId('revision-changes').locator('tbody tr.ant-table-row');
      await changes.first().waitFor();
      expect(await changes.first().innerText()).toMatch(/q (<|=) 0\.\d+/);
      expect(await page.getByTestId('revision-changes').innerText()).toContain('↑ 上升');
      // Labels, never ids or slugs.
      const text = await page.locator('body').innerText();
      expect(text).not.toMatch(/\bito-[a-z-]+/);
      expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);

      // Every proposal decided: the first amended, the last rejected with a reason, the others accepted.
      const proposals = page.getByTestId('revision-proposal');
      const count = await proposals.count();
      expect(count).toBeGreaterThan(0);
      expect(await page.getByTestId('revision-submit').isDisabled()).toBe(true);
      for (let index = 0; index < count; index += 1) {
        const proposal = proposals.nth(index);
        if (index === 0) {
          await proposal.getByTestId('revision-proposal-amend').click();
          await page.getByTestId('revision-decision-comment').fill('先在选修课中试点');
          await page.getByTestId('revision-decision-ok').click();
        } else if (index === count - 1) {
          await proposal.getByTestId('revision-proposal-reject').click();
          await page.getByTestId('revision-decision-comment').fill('样本太少，明年再看');
          await page.getByTestId('revision-decision-ok').click();
        } else {
          await proposal.getByTestId('revision-proposal-accept').click();
        }
        await proposal.getByTestId('revision-proposal-decision').waitFor();
      }
      expect(await proposals.first().getByTestId('revision-proposal-decision-detail').innerText()).toContain(
        '先在选修课中试点',
      );

      await page.getByTestId('revision-submit').click();
      await page.locator('.ant-popconfirm .ant-btn-primary').click();
      await page.getByTestId('revision-under-review').waitFor();
      expect(await page.getByTestId('revision-status').getAttribute('data-status')).toBe('submitted');
      // Decisions are kept: after a reload they are still there and can no longer be changed.
      await page.reload();
      await page.getByTestId('revision-under-review').waitFor();
      expect(await page.getByTestId('revision-proposal-decision').count()).toBe(count);
      expect(await page.getByTestId('revision-proposal-accept').count()).toBe(0);

      // A second revision of the group while this one is open: refused, in Chinese.
      await page.getByText('返回本专业群的动态调整').click();
      await page.getByTestId('revision-link').first().waitFor();
      await page.getByTestId('revision-start').click();
      const refused = page.getByTestId('revision-start-error');
      await refused.waitFor();
      expect(await refused.innerText()).toMatch(/\p{Script=Han}/u);
      expect(await refused.innerText()).not.toContain('REVISION_OPEN');

      // Withdrawn, then in English on a phone: no Chinese chrome, nothing wider than the screen.
      await page.getByTestId('revision-link').first().click();
      await page.getByTestId('revision-withdraw').click();
      await page.locator('.ant-popconfirm .ant-btn-primary').click();
      await page.locator('[data-testid="revision-status"][data-status="withdrawn"]').waitFor();
      await page.setViewportSize({ width: 390, height: 844 });
      await page.getByTestId('lang-switch').click();
      await page.waitForFunction(() => document.documentElement.lang === 'en');
      expect(await page.getByTestId('revision-title').innerText()).toBe('2027 yearly revision');
      expect(await page.getByTestId('revision-impact').innerText()).toMatch(
        /^\d+ changes? → \d+ competenc(y|ies) → \d+ courses?, \d+ plans?$/,
      );
      expect(await page.getByTestId('revision-changes').locator('thead').innerText()).not.toMatch(/\p{Script=Han}/u);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    } finally {
      await page.context().close();
    }
  });

  /**
   * NEEDS THE APPLY BACKEND (`POST …/revisions/:revisionId/apply`, `result` on the view, `revisedBy` /
   * `supersededBy` on the course system) to pass. The web has no committee page for revisions yet, so the members'
   * votes go through the HTTP API from their own signed-in pages (`POST /api/committee/revisions/:id/votes`).
   */
  it('group director: the committee approves the revision, the director applies it; the new course system version says why it is like this', async () => {
    const page = await newPage();
    try {
      await logIn(page, 'director@demo.zerodock.local');
      await openRevisions(page);
      await page.getByTestId('revision-start').click();
      await page.getByTestId('revision-impact').waitFor();
      const proposals = page.getByTestId('revision-proposal');
      const count = await proposals.count();
      expect(count).toBeGreaterThan(0);
      for (let index = 0; index < count; index += 1) {
        const proposal = proposals.nth(index);
        await proposal.getByTestId('revision-proposal-accept').click();
        await proposal.getByTestId('revision-proposal-decision').waitFor();
      }
      await page.getByTestId('revision-submit').click();
      await page.locator('.ant-popconfirm .ant-btn-primary').click();
      await page.getByTestId('revision-under-review').waitFor();
      const revisionId = new URL(page.url()).pathname.split('/').at(-1) ?? '';
      expect(revisionId).toMatch(/^[0-9a-f-]{36}$/);

      // Five seats, quorum three; the director (of the revising college) may not vote.
      for (const email of [
        'committee@demo.zerodock.local',
        'officer@demo.zerodock.local',
        'expert@demo.zerodock.local',
      ]) {
        const member = await newPage();
        try {
          await logIn(member, email);
          expect(await voteOnRevision(member, revisionId, 'approve')).toBe(200);
        } finally {
          await member.context().close();
        }
      }

      await page.reload();
      await page.locator('[data-testid="revision-status"][data-status="approved"]').waitFor();
      await page.getByTestId('revision-approved').waitFor();
      await page.getByTestId('revision-apply').click();
      await page.getByTestId('revision-apply-confirm').click();
      const result = page.getByTestId('revision-result');
      await result.waitFor();
      expect(await page.getByTestId('revision-apply').count()).toBe(0);
      expect(await page.getByTestId('revision-release-notes').locator('li').count()).toBe(count);
      expect(await page.getByTestId('revision-result-open').innerText()).toContain('打开新版课程体系');
      expect(await page.getByTestId('revision-result-credits').innerText()).toMatch(
        /\d+(\.\d)? → \d+(\.\d)?（[+−]?[\d.]+）/,
      );
      const resultText = await result.innerText();
      expect(resultText).not.toMatch(/\bito-[a-z-]+/);
      expect(resultText).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
      // Applied once only: after a reload the result is there and nothing offers to apply it again.
      await page.reload();
      await result.waitFor();
      expect(await page.getByTestId('revision-apply').count()).toBe(0);

      // The new version says which revision built it from which version; the old one points to the new one.
      await page.getByTestId('revision-result-open').click();
      const revisedBy = page.getByTestId('course-system-revised-by');
      await revisedBy.waitFor();
      const newVersionUrl = page.url();
      expect(await revisedBy.innerText()).toMatch(/\d{4}→\d{4} 年度动态调整生成/);
      expect(await page.getByTestId('course-system-superseded').count()).toBe(0);
      await page.getByTestId('course-system-previous').click();
      await page.getByTestId('course-system-superseded').waitFor();
      expect(await page.getByTestId('course-system-revised-by').count()).toBe(0);
      await page.getByTestId('course-system-newer').click();
      await page.waitForURL(newVersionUrl);
      await page.getByTestId('course-system-revision').click();
      await result.waitFor();

      // In English on a phone: no Chinese chrome in the result, nothing wider than the screen.
      await page.setViewportSize({ width: 390, height: 844 });
      await page.getByTestId('lang-switch').click();
      await page.waitForFunction(() => document.documentElement.lang === 'en');
      expect(await page.getByTestId('revision-result-open').innerText()).toContain('Open the new course system');
      expect(await page.getByTestId('revision-result-requirements').locator('thead').innerText()).not.toMatch(
        /\p{Script=Han}/u,
      );
      expect(await page.getByTestId('revision-result-credits').innerText()).toMatch(/\d+(\.\d)? → \d+(\.\d)? \(/);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    } finally {
      await page.context().close();
    }
  });
});

/** A committee member's vote through the HTTP API, from their signed-in page (its session and CSRF token). */
async function voteOnRevision(
  page: Page,
  revisionId: string,
  choice: 'approve' | 'reject' | 'abstain',
): Promise<number> {
  return page.evaluate(
    async ({ revisionId, choice }) => {
      const session = (await (await fetch('/api/auth/session')).json()) as { csrfToken: string };
      const response = await fetch(`/api/committee/revisions/${encodeURIComponent(revisionId)}/votes`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
        body: JSON.stringify({ choice, comment: '' }),
      });
      return response.status;
    },
    { revisionId, choice },
  );
}
