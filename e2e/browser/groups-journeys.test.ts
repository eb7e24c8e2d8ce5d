import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useZerodockBrowser } from './use-zerodock-browser.js';

const harness = useZerodockBrowser({ width: 1440, height: 1000 });
const { newPage, logIn } = harness;

/** Picks `value` in the antd Select with this test id (options carry `${prefix}-${value}` test ids). */
async function choose(page: Page, selectTestId: string, optionTestId: string): Promise<void> {
  await page.getByTestId(selectTestId).click();
  await page.getByTestId(optionTestId).click();
}

describe('specialty-group journeys (Debian chromium, built app served by `zerodock serve`)', () => {
  it('group director: sees the specialties and the seeded example, drafts a proposal, moves a post with a previewed quality, submits', async () => {
    const page = await newPage();
    try {
      await logIn(page, 'director@demo.zerodock.local');

      // The college's specialties with the posts they serve (the demo seeds seven from the 2021 catalogue).
      await page.getByTestId('nav-specialties').click();
      await page.getByTestId('specialties-title').waitFor();
      const mobile = page.getByTestId('specialty-row-510213');
      await mobile.waitFor();
      expect(await mobile.innerText()).toContain('移动应用开发');
      await mobile.getByTestId('specialty-post-ito-mobile-app-development').waitFor();
      expect(await page.locator('[data-testid^="specialty-row-"]').count()).toBe(7);

      // A new specialty: a malformed code is refused at its field; the posts are suggested from the catalogue.
      await page.getByTestId('specialty-add').click();
      await page.getByTestId('specialty-code').fill('51020');
      await page.getByTestId('specialty-name-zh').fill('云计算技术应用');
      await page.getByTestId('specialty-submit').click();
      await page.getByText('专业代码为 6 位数字').waitFor();
      await page.getByTestId('specialty-code').fill('510206');
      await page.getByTestId('specialty-suggest').click();
      await page.getByTestId('suggestion-ito-cloud-operations').waitFor();
      await page.getByTestId('suggestion-add-ito-cloud-operations').click();
      await page.getByTestId('specialty-form').locator('#specialty_enrolment').fill('120');
      await page.getByTestId('specialty-submit').click();
      const cloud = page.getByTestId('specialty-row-510206');
      await cloud.waitFor();
      await cloud.getByTestId('specialty-post-ito-cloud-operations').waitFor();
      expect(await cloud.innerText()).toContain('120');

      // The scheme's own example (§3.1), as the demo submitted it.
      await page.getByTestId('nav-specialtyGroups').click();
      await page.getByTestId('proposals-title').waitFor();
      await page.getByText('2026 级专业群组建方案').click();
      await page.getByTestId('proposal-detail').waitFor();
      const example = page.locator('[data-testid^="group-card-"]').filter({ hasText: '工业信息系统开发与运维专业群' });
      const leading = example.locator('[data-leading="true"]');
      expect(await leading.innerText()).toContain('移动应用开发');
      for (const code of ['510203', '510202', '510201']) {
        expect(await example.getByTestId(`group-specialty-${code}`).getAttribute('data-leading')).toBe('false');
      }
      expect(await example.locator('[data-testid^="group-rationale-"]').innerText()).toMatch(/组群逻辑|专业群/);
      // Submitted: the college only reads it now.
      await page.getByTestId('proposal-read-only').waitFor();
      expect(await page.getByTestId('move-editor').count()).toBe(0);

      // A new draft, two groups, grouped by the system.
      await page.getByTestId('nav-specialtyGroups').click();
      await page.getByTestId('proposal-create').click();
      await page.getByTestId('proposal-create-title-zh').fill('2027 级专业群方案（试行）');
      await page.getByTestId('proposal-create-k').fill('2');
      await page.getByTestId('proposal-create-submit').click();
      const detail = page.getByTestId('proposal-detail');
      await detail.waitFor();
      expect(await detail.getAttribute('data-status')).toBe('draft');
      expect(await page.getByTestId('proposal-title').innerText()).toBe('2027 级专业群方案（试行）');
      expect(await page.locator('[data-testid^="group-card-"]').count()).toBe(2);

      // Move a post to a new group: the preview shows the silhouette before and after before anything is saved.
      await choose(page, 'move-item', 'move-item-option-ito-vr-ar-development');
      await choose(page, 'move-target', 'move-target-option-new');
      await page.getByTestId('move-preview').waitFor();
      const before = await page.getByTestId('move-preview-before').innerText();
      const after = await page.getByTestId('move-preview-after').innerText();
      expect(before).toMatch(/^−?\d\.\d{3}$/);
      expect(after).toMatch(/^−?\d\.\d{3}$/);
      expect(await page.getByTestId('move-submit').isDisabled()).toBe(true);
      await page.getByTestId('move-reason').fill('VR/AR 开发面向虚拟仿真实训，单独成群便于建设实训基地。');
      await page.getByTestId('move-submit').click();
      await page.locator('[data-testid^="group-card-"]').nth(2).waitFor();
      expect(await page.locator('[data-testid^="group-card-"]').count()).toBe(3);
      const moved = page.getByTestId('trail-event-moved_post');
      await moved.waitFor();
      expect(await moved.innerText()).toContain('单独成群');
      expect(await page.getByTestId('proposal-quality-value').innerText()).toContain(after);

      // Submit to the steering committee.
      await page.getByTestId('proposal-submit').click();
      await page.getByTestId('proposal-submit-confirm').click();
      await page.locator('[data-testid="proposal-detail"][data-status="submitted"]').waitFor();
      await page.getByTestId('trail-event-submitted').first().waitFor();
      expect(await page.getByTestId('move-editor').count()).toBe(0);
    } finally {
      await page.context().close();
    }
  });

  it('committee member of an enterprise: reads why two posts are alike, moves a post, comments and casts the deciding vote', async () => {
    const page = await newPage();
    try {
      await logIn(page, 'committee@demo.zerodock.local');
      // An enterprise membership: no college pages, but the committee's.
      expect(await page.getByTestId('nav-specialties').count()).toBe(0);
      await page.getByTestId('nav-committee').click();
      await page.getByTestId('committee-title').waitFor();
      await page.getByText('2026 级专业群组建方案').click();
      await page.locator('[data-testid="proposal-detail"][data-status="submitted"]').waitFor();

      // Why are two posts alike: the shared competencies, each with both weights.
      await page.getByTestId('pair-open-ito-industrial-software-testing').click();
      const pair = page.getByTestId('pair-explanation');
      await pair.waitFor();
      await pair.locator('tbody tr.ant-table-row').first().waitFor();
      expect(await page.getByTestId('pair-similarity').innerText()).toMatch(/\d\.\d{3}/);
      expect(await pair.locator('tbody tr.ant-table-row').count()).toBeGreaterThan(0);
      await page.keyboard.press('Escape');
      await pair.waitFor({ state: 'detached' });

      // A specialty only joins a group holding a post it serves: 510201 serves one post, in its own group.
      await page.getByTestId('move-kind-specialty').click();
      await choose(page, 'move-item', 'move-item-option-510201');
      await page.getByTestId('move-no-target').waitFor();
      // The committee moves a post instead, with its reason; the trail keeps it with the quality before and after.
      await page.getByTestId('move-kind-post').click();
      await choose(page, 'move-item', 'move-item-option-ito-information-system-operations');
      await page.getByTestId('move-target').click();
      await page.locator('[data-testid^="move-target-option-"]').first().click();
      await page.getByTestId('move-preview').waitFor();
      await page.getByTestId('move-reason').fill('信息系统运维与区块链应用共享数据管理能力，委员会建议调整。');
      await page.getByTestId('move-submit').click();
      const moved = page.getByTestId('trail-event-moved_post').filter({ hasText: '委员会建议调整' });
      await moved.waitFor();
      expect(await moved.innerText()).toMatch(/→/);

      // A comment, then the decision.
      await page.getByTestId('committee-reason').fill('同意按知识关联组群，请补充实训基地安排。');
      await page.getByTestId('committee-comment').click();
      await page.getByTestId('trail-event-commented').filter({ hasText: '实训基地安排' }).waitFor();
      // The seeded comment and this one.
      expect(await page.getByTestId('trail-event-commented').count()).toBe(2);
      // The vote: two members approved already (seeded); five seats, quorum three, so this vote decides.
      const vote = page.getByTestId('committee-vote');
      expect(await vote.getByTestId('vote-tally').innerText()).toContain('赞成 2');
      expect(await vote.getByTestId('vote-row').count()).toBe(2);
      await page.getByTestId('vote-comment').fill('组群逻辑清楚，牵头专业实力最强，赞成。');
      await page.getByTestId('vote-approve').click();
      await page.locator('[data-testid="proposal-detail"][data-status="approved"]').waitFor();
      await page.locator('[data-testid="committee-vote"][data-outcome="approved"]').waitFor();
      expect(await vote.getByTestId('vote-row').count()).toBe(3);
      expect(await vote.getByTestId('vote-why-not').innerText()).toContain('已形成决议');
      await page.screenshot({ path: '/tmp/committee-vote-zh.png', fullPage: true });
      await page.getByTestId('trail-event-approved').waitFor();
      expect(await page.getByTestId('committee-actions').count()).toBe(0);
      expect(await page.getByTestId('move-editor').count()).toBe(0);
    } finally {
      await page.context().close();
    }
  });

  it('teacher reads in English without edit rights; an enterprise admin is refused the college pages', async () => {
    const page = await newPage();
    try {
      await logIn(page, 'teacher@demo.zerodock.local');
      await page.getByTestId('lang-switch').click();
      await page.waitForFunction(() => document.documentElement.lang === 'en');
      await page.getByTestId('nav-specialtyGroups').click();
      await page.getByTestId('proposals-title').waitFor();
      expect(await page.getByTestId('proposals-title').innerText()).toBe('Specialty-group proposals');
      expect(await page.getByTestId('proposal-create').count()).toBe(0);
      await page.locator('[data-testid^="proposal-link-"]').first().click();
      await page.getByTestId('proposal-detail').waitFor();
      await page.getByTestId('proposal-read-only').waitFor();
      expect(await page.locator('[data-leading="true"]').first().innerText()).toContain('Leading');
      expect(await page.locator('[data-testid^="group-rename-"]').count()).toBe(0);
      await page.getByTestId('nav-specialties').click();
      await page.getByTestId('specialty-row-510213').waitFor();
      expect(await page.getByTestId('specialty-add').count()).toBe(0);
    } finally {
      await page.context().close();
    }

    const other = await newPage();
    try {
      await logIn(other, 'enterprise-admin@demo.zerodock.local');
      expect(await other.getByTestId('nav-specialtyGroups').count()).toBe(0);
      await other.goto(`${harness.zerodock.baseUrl}/specialty-groups`);
      await other.getByTestId('forbidden').waitFor();
      await other.goto(`${harness.zerodock.baseUrl}/committee`);
      await other.getByTestId('forbidden').waitFor();
    } finally {
      await other.context().close();
    }
  });
});
