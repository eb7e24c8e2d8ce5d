// Regenerates the README screenshots: `npx tsx scripts/screenshot.ts` (after `npm run build`).
import { launchChromium } from '../e2e/browser/launch-chromium.js';
import { startZerodockProcess } from '../e2e/browser/start-zerodock-process.js';

const zerodock = await startZerodockProcess();
const browser = await launchChromium();
try {
  const page = await (await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 760 } })).newPage();
  await page.goto(`${zerodock.baseUrl}/`);
  await page.screenshot({ path: 'docs/screenshot-login.png' });
  await page.getByTestId('login-email').fill('college-admin@demo.zerodock.local');
  await page.getByTestId('login-password').fill('zerodock-demo');
  await page.getByTestId('login-submit').click();
  await page.getByTestId('dashboard-title').waitFor();
  await page.waitForSelector('canvas');
  await page.waitForTimeout(1200);
  await page.screenshot({ path: 'docs/screenshot-dashboard.png' });
} finally {
  await browser.close();
  await zerodock.stop();
}
