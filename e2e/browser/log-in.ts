import type { Page } from 'playwright-core';

/** The password of every demo account. */
export const DEMO_PASSWORD = 'zerodock-demo';

/** Signs in through the login page of the Zerodock at `baseUrl` and waits for the dashboard. */
export async function logInAt(baseUrl: string, page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('dashboard-title').waitFor();
}
