import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useZerodockBrowser } from './use-zerodock-browser.js';

/** Every demo account (one per role, and the people holding several). */
const DEMO_ACCOUNTS = [
  'admin',
  'curator',
  'college-admin',
  'director',
  'teacher',
  'student',
  'enterprise-admin',
  'committee',
  'engineer',
  'officer',
] as const;

/**
 * The UI's own words (menus, headings, buttons, table headers, labels, card titles), without what people typed or
 * imported: elements marked `data-user-data`, and names of people and organisations in the header.
 */
const CHROME_SELECTOR = [
  'nav .ant-menu-title-content',
  'main h1',
  'main h2',
  'main h3',
  'main h4',
  'main h5',
  'main button',
  'main th',
  'main label',
  'main .ant-card-head-title',
  'main .ant-statistic-title',
  'main .ant-tabs-tab',
  'main .ant-alert-title',
].join(',');

const HAN = /\p{Script=Han}/u;
/** A slug with two hyphens or more (ito-cloud-operations) or a bare group id (g1). */
const RAW_ID = /\b[a-z0-9]+(?:-[a-z0-9]+){2,}\b|\bg\d{1,3}\b/;
const UNFINISHED = /being built|under construction|coming soon|正在建设|建设中|敬请期待/i;
const SCREENSHOTS = process.env.ZERODOCK_SCREENSHOT_DIR;

const harness = useZerodockBrowser({ width: 1280, height: 900 });

async function openAs(email: string, locale: 'zh-CN' | 'en', viewport = { width: 1280, height: 900 }): Promise<Page> {
  const page = await harness.newPage();
  await page.setViewportSize(viewport);
  await page.goto(`${harness.zerodock.baseUrl}/login`);
  const toggle = page.getByTestId('lang-switch');
  if ((await toggle.getAttribute('data-locale')) !== locale) await toggle.click();
  await page.waitForFunction((wanted) => document.documentElement.lang === wanted, locale);
  await harness.logIn(page, email);
  return page;
}

/** Waits for the page's data: no spinner and no skeleton left. */
async function settle(page: Page): Promise<void> {
  // A page shows a spinner or skeleton until its data is in (the route's code chunk too): two frames for React to
  // render the route just navigated to, then none of either left.
  await page.waitForLoadState('load');
  await page.evaluate(
    () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))),
  );
  await page
    .waitForFunction(
      () =>
        document.querySelector('main') !== null &&
        document.querySelectorAll('.ant-spin-spinning, .ant-skeleton-active').length === 0,
      null,
      { timeout: 15_000, polling: 100 },
    )
    .catch(() => undefined);
}

/** What is wrong with what the page shows now, as readable findings (empty when nothing is). */
async function findProblems(page: Page, locale: 'zh-CN' | 'en', where: string): Promise<string[]> {
  const problems: string[] = [];
  const visible = await page.evaluate(() => {
    const copy = document.body.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('[data-user-data], script, style').forEach((element) => element.remove());
    return copy.innerText;
  });
  const bodyText = await page.locator('body').innerText();
  if (UNFINISHED.test(bodyText)) problems.push(`${where}: unfinished-page text`);
  const rawId = RAW_ID.exec(visible);
  if (rawId) problems.push(`${where}: raw id "${rawId[0]}"`);
  if (locale === 'en') {
    const chrome = await page.$$eval(CHROME_SELECTOR, (elements) =>
      elements
        .filter((element) => !element.closest('[data-user-data]'))
        .map((element) => {
          // Without the person's own data inside the element (a name in a heading).
          const copy = element.cloneNode(true) as HTMLElement;
          copy.querySelectorAll('[data-user-data]').forEach((inner) => inner.remove());
          return (copy.textContent ?? '').trim();
        })
        .filter(Boolean),
    );
    const chinese = chrome.filter((text) => /\p{Script=Han}/u.test(text));
    if (chinese.length > 0) problems.push(`${where}: Chinese in English chrome: ${chinese.slice(0, 3).join(' | ')}`);
  } else {
    const menu = await page.$$eval('nav .ant-menu-title-content', (elements) =>
      elements.map((element) => (element as HTMLElement).innerText.trim()),
    );
    const english = menu.filter((text) => !HAN.test(text));
    if (english.length > 0) problems.push(`${where}: English in the Chinese menu: ${english.join(' | ')}`);
  }
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  if (overflow > 1) problems.push(`${where}: clipped horizontally by ${overflow} px`);
  return problems;
}

describe('every screen of every demo role, in both languages (Debian chromium)', () => {
  for (const locale of ['zh-CN', 'en'] as const) {
    for (const account of DEMO_ACCOUNTS) {
      it(`${account} (${locale}): dashboard and every page of the menu`, async () => {
        const page = await openAs(`${account}@demo.zerodock.local`, locale);
        try {
          await settle(page);
          // The dashboard names what the role works on, with figures.
          await page.getByTestId('dashboard-figures').or(page.getByTestId('platform-figures')).first().waitFor();
          if (SCREENSHOTS) {
            fs.mkdirSync(SCREENSHOTS, { recursive: true });
            await page.screenshot({
              path: path.join(SCREENSHOTS, `dashboard-${account}-${locale}.png`),
              fullPage: true,
            });
          }
          const problems = await findProblems(page, locale, `${account} /`);
          const links = await page.$$eval('nav a[href]', (anchors) =>
            anchors.map((anchor) => anchor.getAttribute('href') ?? '/'),
          );
          for (const href of links.filter((link) => link !== '/')) {
            // Through the menu, as a person does (the app stays loaded; a full reload per page doubles the time).
            await page.locator(`nav a[href="${href}"]`).first().click();
            await page.waitForURL((url) => url.pathname === href);
            await settle(page);
            problems.push(...(await findProblems(page, locale, `${account} ${href}`)));
          }
          expect(problems).toEqual([]);
        } finally {
          await page.context().close();
        }
      });
    }
  }

  it('the college admin sees the college’s real figures (7 specialties, not 0) and the platform admin the totals', async () => {
    const college = await openAs('college-admin@demo.zerodock.local', 'zh-CN');
    try {
      await settle(college);
      const specialties = Number(
        await college.getByTestId('figure-specialties').locator('.ant-statistic-content-value').innerText(),
      );
      expect(specialties).toBeGreaterThan(0);
      await college.getByTestId('figure-specialties').click();
      await college.waitForURL(/\/specialties$/);
      await college.locator('main tbody tr.ant-table-row').first().waitFor();
      const rows = await college.locator('main tbody tr.ant-table-row').count();
      expect(rows).toBe(specialties);
    } finally {
      await college.context().close();
    }
    const admin = await openAs('admin@demo.zerodock.local', 'zh-CN');
    try {
      await settle(admin);
      const total = Number(
        await admin.getByTestId('figure-collegeSpecialties').locator('.ant-statistic-content-value').innerText(),
      );
      expect(total).toBeGreaterThanOrEqual(7);
    } finally {
      await admin.context().close();
    }
  });

  it('is usable on a 390 px phone: the menu collapses and the page does not scroll sideways', async () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      const page = await openAs('director@demo.zerodock.local', locale, { width: 390, height: 844 });
      try {
        await settle(page);
        expect(await page.getByTestId('nav-home').isVisible()).toBe(false);
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(overflow).toBeLessThanOrEqual(1);
        if (SCREENSHOTS) {
          await page.screenshot({ path: path.join(SCREENSHOTS, `mobile-director-${locale}.png`), fullPage: true });
        }
      } finally {
        await page.context().close();
      }
    }
  });
});
