import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useZerodockBrowser } from './use-zerodock-browser.js';

const ALL_NAV = ['home', 'organisations', 'taxonomy', 'members', 'audit', 'account'] as const;

/** What each demo persona must see in the navigation of the organisation they land in. */
const NAVIGATION: Record<string, readonly (typeof ALL_NAV)[number][]> = {
  'admin@demo.zerodock.local': ['home', 'organisations', 'taxonomy', 'members', 'audit', 'account'],
  'curator@demo.zerodock.local': ['home', 'organisations', 'taxonomy', 'account'],
  'college-admin@demo.zerodock.local': ['home', 'organisations', 'taxonomy', 'members', 'audit', 'account'],
  'director@demo.zerodock.local': ['home', 'organisations', 'taxonomy', 'members', 'account'],
  'teacher@demo.zerodock.local': ['home', 'organisations', 'taxonomy', 'members', 'account'],
  'student@demo.zerodock.local': ['home', 'organisations', 'taxonomy', 'account'],
  'enterprise-admin@demo.zerodock.local': ['home', 'organisations', 'taxonomy', 'members', 'audit', 'account'],
  'engineer@demo.zerodock.local': ['home', 'organisations', 'taxonomy', 'members', 'account'],
  'committee@demo.zerodock.local': ['home', 'organisations', 'taxonomy', 'members', 'account'],
  'officer@demo.zerodock.local': ['home', 'organisations', 'taxonomy', 'members', 'account'],
};

const harness = useZerodockBrowser({ width: 1366, height: 900 });
const { newPage, logIn } = harness;

async function logOut(page: Page): Promise<void> {
  await page.getByTestId('user-menu').click();
  await page.getByTestId('logout').click();
  await page.getByTestId('login-submit').waitFor();
}

describe('browser journeys (Debian chromium, built app served by `zerodock serve`)', () => {
  it('prints the URL and the demo logins on start', () => {
    expect(harness.zerodock.output()).toContain('Demo accounts');
    expect(harness.zerodock.output()).toContain('director@demo.zerodock.local');
  });

  for (const [email, expected] of Object.entries(NAVIGATION)) {
    it(`${email} logs in, sees only their navigation, and logs out`, async () => {
      const page = await newPage();
      try {
        await logIn(page, email);
        for (const item of ALL_NAV) {
          const visible = await page.getByTestId(`nav-${item}`).isVisible();
          expect({ item, visible }).toEqual({ item, visible: expected.includes(item) });
        }
        await logOut(page);
        const session = await page.request.get(`${harness.zerodock.baseUrl}/api/auth/session`);
        expect(session.status()).toBe(401);
      } finally {
        await page.context().close();
      }
    });
  }

  it('logs in from the demo account list, in Chinese first, and switches to English and back', async () => {
    const page = await newPage();
    try {
      await page.goto(`${harness.zerodock.baseUrl}/`);
      await page.getByTestId('demo-account-director@demo.zerodock.local').click();
      await page.getByTestId('login-submit').click();
      const title = page.getByTestId('dashboard-title');
      await title.waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
      const chineseNav = await page.getByTestId('nav-home').innerText();
      expect(chineseNav).toMatch(/[\u4e00-\u9fff]/);

      await page.getByTestId('lang-switch').click();
      await page.waitForFunction(() => document.documentElement.lang === 'en');
      expect(await page.getByTestId('nav-home').innerText()).toMatch(/^[\x20-\x7e]+$/);
      await page.reload();
      await page.getByTestId('dashboard-title').waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');

      await page.getByTestId('lang-switch').click();
      await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
      // Chinese glyphs are rendered with a real CJK font, not as empty boxes.
      const hasCjkFont = await page.evaluate(async () => {
        await document.fonts.ready;
        const canvas = document.createElement('canvas');
        const context = canvas.getContext('2d');
        if (!context) return false;
        context.font = '32px sans-serif';
        return context.measureText('零距离').width !== context.measureText('\u{10FFFF}\u{10FFFF}\u{10FFFF}').width;
      });
      expect(hasCjkFont).toBe(true);
    } finally {
      await page.context().close();
    }
  });

  it('shows a clear error for a wrong password', async () => {
    const page = await newPage();
    try {
      await page.goto(`${harness.zerodock.baseUrl}/login`);
      await page.getByTestId('login-email').fill('teacher@demo.zerodock.local');
      await page.getByTestId('login-password').fill('not-the-password');
      await page.getByTestId('login-submit').click();
      await page.getByTestId('login-error').waitFor();
      expect(await page.getByTestId('login-error').innerText()).toMatch(/密码|password/i);
    } finally {
      await page.context().close();
    }
  });

  it('answers an anonymous API call with 401 and shows the 404 page for an unknown path', async () => {
    const page = await newPage();
    try {
      const response = await page.request.get(`${harness.zerodock.baseUrl}/api/organisations`);
      expect(response.status()).toBe(401);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('NOT_AUTHENTICATED');
      await logIn(page, 'student@demo.zerodock.local');
      await page.goto(`${harness.zerodock.baseUrl}/no/such/page`);
      await page.getByTestId('not-found').waitFor();
    } finally {
      await page.context().close();
    }
  });

  it('keeps college A’s admin out of college B’s people, in the API and in the UI', async () => {
    const page = await newPage();
    try {
      await logIn(page, 'college-admin@demo.zerodock.local');
      const organisations = (await (
        await page.request.get(`${harness.zerodock.baseUrl}/api/organisations?kind=college`)
      ).json()) as {
        items: { id: string; nameEn: string }[];
      };
      const collegeB = organisations.items.find((item) => item.nameEn.startsWith('Suzhou Modern Services'));
      expect(collegeB).toBeDefined();
      const response = await page.request.get(`${harness.zerodock.baseUrl}/api/organisations/${collegeB?.id}/members`);
      expect(response.status()).toBe(403);

      await page.getByTestId('nav-members').click();
      await page.getByTestId('members-table').waitFor();
      const text = await page.getByTestId('members-table').innerText();
      expect(text).not.toContain('college-b');
    } finally {
      await page.context().close();
    }
  });
  it('invites a new student: a refused grant at its field, the one-time link, the invitee sets a password and is in', async () => {
    const page = await newPage();
    try {
      await logIn(page, 'college-b-admin@demo.zerodock.local');
      await page.getByTestId('nav-account').click();
      await page.getByTestId('password-current').fill('not-the-password');
      await page.getByTestId('password-new').fill('a brand new password');
      await page.getByTestId('password-confirm').fill('a brand new password');
      await page.getByTestId('password-submit').click();
      await page.getByText('当前密码不正确').waitFor();

      await page.getByTestId('nav-members').click();
      await page.getByTestId('invite-member').click();
      const form = page.getByTestId('invite-form');
      // Only the college's own roles are offered: no committee seat, no city or platform role.
      expect(await form.getByText('专业群建设指导委员会委员').count()).toBe(0);
      // Inviting oneself is refused by the server, at the roles field.
      await form.locator('#email').fill('college-b-admin@demo.zerodock.local');
      await form.locator('#displayName').fill('我自己');
      await form.getByText('专业群负责人', { exact: true }).click();
      await page.getByTestId('invite-submit').click();
      await form.locator('.ant-form-item-explain-error').first().waitFor();
      expect(await form.locator('.ant-form-item-explain-error').first().innerText()).toContain('不能修改自己的角色');

      await form.locator('#email').fill('new.student@b.edu.cn');
      await form.locator('#displayName').fill('新学生 王一');
      await form.getByText('专业群负责人', { exact: true }).click();
      await form.getByText('学生', { exact: true }).click();
      await page.getByTestId('invite-submit').click();
      const link = await page.getByTestId('invite-link').innerText();
      expect(link).toMatch(/\/invitation#code=[A-Za-z0-9_-]{32}$/);
      await page.getByTestId('invite-done').click();
      await page.getByTestId('invitations-table').getByText('new.student@b.edu.cn').waitFor();

      // The invitee, in a browser of their own: a password the server finds too uniform is refused at its field.
      const invitee = await newPage();
      try {
        await invitee.goto(link);
        await invitee.getByTestId('invitation-card').waitFor();
        expect(await invitee.getByTestId('invitation-card').innerText()).toContain('苏州现代服务职业学院');
        const accept = invitee.getByTestId('invitation-form');
        await accept.locator('#password').fill('aaaaaaaaaaaa');
        await invitee.getByTestId('invitation-accept').click();
        await accept.locator('.ant-form-item-explain-error').first().waitFor();
        expect(await accept.locator('.ant-form-item-explain-error').first().innerText()).toMatch(/字符/);
        await accept.locator('#password').fill('a long enough password');
        await invitee.getByTestId('invitation-accept').click();
        await invitee.getByTestId('dashboard-title').waitFor();
        expect(await invitee.getByTestId('dashboard-title').innerText()).toContain('新学生 王一');
        // The link is spent.
        await invitee.goto(link);
        await invitee.getByTestId('invitation-invalid').waitFor();
      } finally {
        await invitee.context().close();
      }

      await page.getByTestId('members-search').locator('input').fill('new.student');
      await page.getByTestId('members-search').locator('input').press('Enter');
      await page.getByTestId('members-table').getByText('new.student@b.edu.cn').waitFor();
    } finally {
      await page.context().close();
    }
  });

  it('platform curator: finds a competency, reads a post by dimension, derives a draft, edits a label, diffs', async () => {
    const page = await newPage();
    try {
      await logIn(page, 'curator@demo.zerodock.local');
      await page.getByTestId('nav-taxonomy').click();
      // The newest version of the curated Zerodock framework is shown by default.
      expect(await page.getByTestId('version-picker').innerText()).toContain(
        'Zerodock 生产性服务外包岗位能力框架 2026.1',
      );

      const search = page.getByTestId('competency-search').locator('input');
      await search.fill('自动化测试');
      await search.press('Enter');
      const row = page.getByTestId('competency-row-automated-testing');
      await row.waitFor();
      expect(await row.innerText()).toContain('automated testing');
      expect(await page.getByTestId('competency-match-automated-testing').innerText()).toContain('1.00');

      await page.getByTestId('taxonomy-tab-posts').click();
      await page.getByTestId('post-list').waitFor();
      await page.getByTestId('post-card-ito-industrial-software-testing').click();
      await page.getByTestId('post-detail').waitFor();
      expect(await page.getByTestId('post-title').innerText()).toBe('工业软件测试工程师');
      const requirements = page.getByTestId('post-requirements');
      const subSector = requirements.getByTestId('requirement-group-sub-sector');
      await subSector.waitFor();
      expect(await subSector.innerText()).toContain('细分领域专业能力');
      expect(await requirements.getByTestId('requirement-group-quality').innerText()).toContain('职业素养');
      // Essential requirements come first within a dimension.
      const flags = await subSector
        .locator('tbody tr')
        .evaluateAll((rows) => rows.map((tableRow) => tableRow.textContent?.includes('必备') ?? false));
      expect(flags.indexOf(false)).toBeGreaterThan(0);
      expect(flags.slice(flags.indexOf(false))).not.toContain(true);
      // A released version cannot be edited: the editor is not offered, a hint says to derive a draft.
      await page.getByTestId('draft-hint').waitFor();
      expect(await page.getByTestId('requirements-edit').count()).toBe(0);

      await page.getByTestId('taxonomy-tab-versions').click();
      await page.getByTestId('versions-table').waitFor();
      // The exports are plain links the signed-in browser can follow.
      for (const [testId, type] of [
        ['export-case', 'application/json'],
        ['export-xlsx', 'spreadsheetml'],
      ] as const) {
        const exported = await page.request.get(
          `${harness.zerodock.baseUrl}${await page.getByTestId(testId).getAttribute('href')}`,
        );
        expect(exported.status()).toBe(200);
        expect(exported.headers()['content-type']).toContain(type);
      }
      await page.getByTestId('derive-draft').click();
      await page.getByTestId('derive-draft-label').fill('2026.2');
      await page.getByTestId('derive-draft-notes').fill('按 2026 年企业调研修订');
      await page.getByTestId('derive-draft-submit').click();
      await page
        .getByTestId('current-version')
        .filter({ hasText: 'Zerodock 生产性服务外包岗位能力框架 2026.2' })
        .waitFor();
      expect(await page.getByTestId('version-picker').innerText()).toContain('草稿');

      await page.getByTestId('taxonomy-tab-competencies').click();
      await search.fill('自动化测试');
      await search.press('Enter');
      await page.getByTestId('competency-row-automated-testing').click();
      const detail = page.getByTestId('competency-detail');
      await detail.waitFor();
      const form = page.getByTestId('competency-edit');
      await form.locator('#labelZh').fill('自动化测试（含持续集成）');
      await page.getByTestId('competency-edit-reason').fill('与企业岗位说明书的用语保持一致');
      await page.getByTestId('competency-edit-submit').click();
      await page.getByTestId('competency-history').getByText('与企业岗位说明书的用语保持一致').waitFor();
      expect(await page.getByTestId('competency-title').innerText()).toBe('自动化测试（含持续集成）');
      expect(await page.getByTestId('competency-history').innerText()).toContain('平台标准编辑 孟悦');
      await page.keyboard.press('Escape');
      await detail.waitFor({ state: 'detached' });

      // A new competency in the draft, below automated testing; its id is suggested from the English label.
      await page.getByTestId('competency-create').click();
      const createForm = page.getByTestId('competency-create-form');
      await createForm.locator('#competency-create_labelZh').fill('数字孪生测试');
      await createForm.locator('#competency-create_labelEn').fill('Digital twin testing');
      const createId = page.getByTestId('competency-create-id');
      expect(await createId.inputValue()).toBe('digital-twin-testing');
      await page.getByTestId('competency-create-broader').click();
      await page.keyboard.type('automated testing');
      await page.getByTestId('competency-create-broader-option-automated-testing').click();
      expect(await page.getByTestId('competency-create-broader-value').innerText()).toContain(
        '自动化测试（含持续集成）',
      );
      await page.getByTestId('competency-create-reason').fill('企业调研：数字孪生产线需要专门的测试能力');
      await page.getByTestId('competency-create-submit').click();
      // The new competency's drawer opens on the list.
      await page.getByTestId('competency-title').filter({ hasText: '数字孪生测试' }).waitFor();
      await createForm.waitFor({ state: 'detached' });
      const created = await detail.innerText();
      expect(created).toContain('digital-twin-testing');
      expect(created).toContain('Digital twin testing');
      expect(created).toContain('自动化测试（含持续集成）');
      await page.getByTestId('competency-history').getByText('企业调研：数字孪生产线需要专门的测试能力').waitFor();
      await page.keyboard.press('Escape');
      await detail.waitFor({ state: 'detached' });
      await search.fill('数字孪生测试');
      await search.press('Enter');
      expect(await page.getByTestId('competency-row-digital-twin-testing').innerText()).toContain('数字孪生测试');

      // The same id again: refused, and said at the id field.
      await page.getByTestId('competency-create').click();
      await createForm.locator('#competency-create_labelZh').fill('数字孪生测试自动化');
      await createForm.locator('#competency-create_labelEn').fill('Digital twin test automation');
      expect(await createId.inputValue()).toBe('digital-twin-test-automation');
      await createId.fill('digital-twin-testing');
      await page.getByTestId('competency-create-reason').fill('再次添加');
      await page.getByTestId('competency-create-submit').click();
      const idError = createForm
        .locator('.ant-form-item', { has: page.locator('#competency-create_id') })
        .locator('.ant-form-item-explain-error');
      await idError.waitFor();
      expect(await idError.innerText()).toBe('该版本中已有相同编号的能力。');
      await page.keyboard.press('Escape');
      await createForm.waitFor({ state: 'detached' });

      await page.getByTestId('taxonomy-tab-versions').click();
      const diff = page.getByTestId('diff-view');
      await diff.getByTestId('diff-counts').waitFor();
      // By default the shown draft is compared with the version it was derived from.
      expect(await diff.getByTestId('diff-from').innerText()).toContain('Zerodock 生产性服务外包岗位能力框架 2026.1');
      expect(await diff.getByTestId('diff-to').innerText()).toContain('Zerodock 生产性服务外包岗位能力框架 2026.2');
      const count = (name: string) =>
        diff.getByTestId(`diff-count-${name}`).locator('.ant-statistic-content-value').innerText();
      expect(await count('relabelled')).toBe('1');
      expect(await count('added')).toBe('1');
      expect(await count('removed')).toBe('0');
      const labels = await diff.getByTestId('diff-labels-automated-testing').innerText();
      expect(labels).toContain('自动化测试');
      expect(labels).toContain('自动化测试（含持续集成）');
    } finally {
      await page.context().close();
    }
  });

  it('platform curator: imports a workbook as a draft, sees a broken file refused, finds no references yet', async () => {
    const page = await newPage();
    try {
      await logIn(page, 'curator@demo.zerodock.local');
      await page.getByTestId('nav-taxonomy').click();
      await page.getByTestId('taxonomy-tab-versions').click();
      await page.getByTestId('versions-table').waitFor();
      // The workbook of the shown release, exported by the signed-in browser.
      const exported = await page.request.get(
        `${harness.zerodock.baseUrl}${await page.getByTestId('export-xlsx').getAttribute('href')}`,
      );
      expect(exported.status()).toBe(200);
      const workbook = await exported.body();

      const fileInput = () => page.getByTestId('import-version-file').locator('input[type=file]');
      await page.getByTestId('import-version').click();
      await fileInput().setInputFiles({
        name: 'zerodock.xlsx',
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        buffer: workbook,
      });
      await page.getByTestId('import-version-key').fill('college-edit');
      await page.getByTestId('import-version-label').fill('v1');
      await page.getByTestId('import-version-submit').click();
      await page.getByTestId('current-version').filter({ hasText: 'Zerodock 生产性服务外包岗位能力框架 v1' }).waitFor();
      expect(await page.getByTestId('version-picker').innerText()).toContain('草稿');
      expect(new URL(page.url()).searchParams.get('version')).toMatch(/^[0-9a-f-]{36}$/);
      await page.getByTestId('import-version-form').waitFor({ state: 'detached' });

      // Not a workbook: refused, and the server's FILE:LINE:FIELD message names the file.
      await page.getByTestId('import-version').click();
      await fileInput().setInputFiles({
        name: 'bad.xlsx',
        mimeType: 'text/plain',
        buffer: Buffer.from('not a workbook'),
      });
      await page.getByTestId('import-version-submit').click();
      const failure = page.getByTestId('import-version-error');
      await failure.waitFor();
      expect(await failure.innerText()).toContain('bad.xlsx');
      await page.keyboard.press('Escape');
      await page.getByTestId('import-version-form').waitFor({ state: 'detached' });

      // The e2e server has no reference occupations or specialties imported.
      await page.getByTestId('taxonomy-tab-references').click();
      await page.getByTestId('references-page').waitFor();
      const empty = page.getByTestId('references-empty');
      await empty.waitFor();
      expect(await empty.innerText()).toContain('zerodock import esco|onet|occupations-cn|specialties');
    } finally {
      await page.context().close();
    }
  });

  it('shows the taxonomy in English, read-only for a teacher', async () => {
    const page = await newPage();
    try {
      await logIn(page, 'teacher@demo.zerodock.local');
      await page.getByTestId('lang-switch').click();
      await page.waitForFunction(() => document.documentElement.lang === 'en');
      expect(await page.getByTestId('nav-taxonomy').innerText()).toBe('Competencies & posts');
      await page.getByTestId('nav-taxonomy').click();

      const search = page.getByTestId('competency-search').locator('input');
      await search.fill('automated testing');
      await search.press('Enter');
      const row = page.getByTestId('competency-row-automated-testing');
      await row.waitFor();
      const rowText = await row.innerText();
      // The English label comes first in English; the dimension and type are named in English.
      expect(rowText.trim().startsWith('automated testing')).toBe(true);
      expect(rowText).toContain('Sub-sector specialised');
      expect(rowText).toContain('Skill');

      await row.click();
      await page.getByTestId('competency-detail').waitFor();
      expect(await page.getByTestId('competency-title').innerText()).toBe('automated testing');
      // Teachers read; they are offered neither the edit form nor the hint about drafts.
      expect(await page.getByTestId('competency-edit').count()).toBe(0);
      expect(await page.getByTestId('draft-hint').count()).toBe(0);
      await page.keyboard.press('Escape');

      await page.getByTestId('taxonomy-tab-posts').click();
      const card = page.getByTestId('post-card-ito-industrial-software-testing');
      expect((await card.innerText()).trim().startsWith('Industrial Software Test Engineer')).toBe(true);
      await card.click();
      await page.getByTestId('post-detail').waitFor();
      expect(await page.getByTestId('post-title').innerText()).toBe('Industrial Software Test Engineer');
      const requirements = await page.getByTestId('post-requirements').innerText();
      expect(requirements).toContain('Requirements by dimension');
      expect(requirements).toContain('Sub-sector specialised');
      expect(requirements).toContain('Professional quality');
      expect(requirements).toContain('Proficient');
      expect(await page.getByTestId('requirements-edit').count()).toBe(0);

      await page.getByTestId('taxonomy-tab-versions').click();
      await page.getByTestId('versions-table').waitFor();
      expect(await page.getByTestId('derive-draft').count()).toBe(0);
      expect(await page.getByTestId('import-version').count()).toBe(0);

      // Leave the account in Chinese for the other journeys.
      await page.getByTestId('lang-switch').click();
      await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
    } finally {
      await page.context().close();
    }
  });
});
