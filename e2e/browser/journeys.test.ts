import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './launch-chromium.js';
import { startZerodockProcess, type ZerodockProcess } from './start-zerodock-process.js';

const PASSWORD = 'zerodock-demo';
const ALL_NAV = ['home', 'organisations', 'members', 'audit', 'account'] as const;

/** What each demo persona must see in the navigation of the organisation they land in. */
const NAVIGATION: Record<string, readonly (typeof ALL_NAV)[number][]> = {
  'admin@demo.zerodock.local': ['home', 'organisations', 'members', 'audit', 'account'],
  'college-admin@demo.zerodock.local': ['home', 'organisations', 'members', 'audit', 'account'],
  'director@demo.zerodock.local': ['home', 'organisations', 'members', 'account'],
  'teacher@demo.zerodock.local': ['home', 'organisations', 'members', 'account'],
  'student@demo.zerodock.local': ['home', 'organisations', 'account'],
  'enterprise-admin@demo.zerodock.local': ['home', 'organisations', 'members', 'audit', 'account'],
  'engineer@demo.zerodock.local': ['home', 'organisations', 'members', 'account'],
  'committee@demo.zerodock.local': ['home', 'organisations', 'members', 'account'],
  'officer@demo.zerodock.local': ['home', 'organisations', 'members', 'account'],
};

let zerodock: ZerodockProcess;
let browser: Browser;

beforeAll(async () => {
  zerodock = await startZerodockProcess();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await zerodock?.stop();
});

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 900 } });
  return context.newPage();
}

async function logIn(page: Page, email: string, password = PASSWORD): Promise<void> {
  await page.goto(`${zerodock.baseUrl}/login`);
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('dashboard-title').waitFor();
}

async function logOut(page: Page): Promise<void> {
  await page.getByTestId('user-menu').click();
  await page.getByTestId('logout').click();
  await page.getByTestId('login-submit').waitFor();
}

describe('browser journeys (Debian chromium, built app served by `zerodock serve`)', () => {
  it('prints the URL and the demo logins on start', () => {
    expect(zerodock.output()).toContain('Demo accounts');
    expect(zerodock.output()).toContain('director@demo.zerodock.local');
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
        const session = await page.request.get(`${zerodock.baseUrl}/api/auth/session`);
        expect(session.status()).toBe(401);
      } finally {
        await page.context().close();
      }
    });
  }

  it('logs in from the demo account list, in Chinese first, and switches to English and back', async () => {
    const page = await newPage();
    try {
      await page.goto(`${zerodock.baseUrl}/`);
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
      await page.goto(`${zerodock.baseUrl}/login`);
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
      const response = await page.request.get(`${zerodock.baseUrl}/api/organisations`);
      expect(response.status()).toBe(401);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('NOT_AUTHENTICATED');
      await logIn(page, 'student@demo.zerodock.local');
      await page.goto(`${zerodock.baseUrl}/no/such/page`);
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
        await page.request.get(`${zerodock.baseUrl}/api/organisations?kind=college`)
      ).json()) as {
        items: { id: string; nameEn: string }[];
      };
      const collegeB = organisations.items.find((item) => item.nameEn.startsWith('Suzhou Modern Services'));
      expect(collegeB).toBeDefined();
      const response = await page.request.get(`${zerodock.baseUrl}/api/organisations/${collegeB?.id}/members`);
      expect(response.status()).toBe(403);

      await page.getByTestId('nav-members').click();
      await page.getByTestId('members-table').waitFor();
      const text = await page.getByTestId('members-table').innerText();
      expect(text).not.toContain('college-b');
    } finally {
      await page.context().close();
    }
  });
  it('shows form errors at their field: a wrong current password, then a server-refused initial password', async () => {
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
      await page.getByTestId('add-member').click();
      const form = page.getByTestId('add-member-form');
      await form.locator('#email').fill('new.student@b.edu.cn');
      await form.locator('#displayName').fill('新学生 王一');
      await form.getByText('学生', { exact: true }).click();
      // Long enough for the browser's check; only the server knows it is too uniform, and says so at the field.
      await form.locator('#initialPassword').fill('aaaaaaaaaaaa');
      await page.getByTestId('add-member-submit').click();
      await form.locator('.ant-form-item-explain-error').first().waitFor();
      expect(await form.locator('.ant-form-item-explain-error').first().innerText()).toMatch(/字符/);
      await form.locator('#initialPassword').fill('a long enough password');
      await page.getByTestId('add-member-submit').click();
      await page.getByTestId('members-search').locator('input').fill('new.student');
      await page.getByTestId('members-search').locator('input').press('Enter');
      await page.getByTestId('members-table').getByText('new.student@b.edu.cn').waitFor();
    } finally {
      await page.context().close();
    }
  });
});
