import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from './launch-chromium.js';
import { logInAt } from './log-in.js';
import { startZerodockProcess, type ZerodockProcess } from './start-zerodock-process.js';

export interface ZerodockBrowser {
  /** The running platform (valid inside tests). */
  readonly zerodock: ZerodockProcess;
  /** A fresh browser context (zh-CN) and page. */
  newPage: () => Promise<Page>;
  logIn: (page: Page, email: string, password?: string) => Promise<void>;
}

/**
 * For one spec file: starts the built platform (`zerodock serve` on a fresh data directory) and Debian's chromium
 * before its tests, and stops both afterwards.
 */
export function useZerodockBrowser(viewport: { width: number; height: number }): ZerodockBrowser {
  let zerodock: ZerodockProcess | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    zerodock = await startZerodockProcess();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await zerodock?.stop();
  });
  return {
    get zerodock() {
      if (!zerodock) throw new Error('Zerodock is not started yet (use it inside a test)');
      return zerodock;
    },
    newPage: async () => {
      const context = await browser!.newContext({ locale: 'zh-CN', viewport });
      return context.newPage();
    },
    logIn: (page, email, password) => logInAt(zerodock!.baseUrl, page, email, password),
  };
}
