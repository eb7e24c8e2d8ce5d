import type { Browser } from 'playwright-core';
import { launchChromium } from '../e2e/browser/launch-chromium.js';

export interface WebLoadSettings {
  readonly baseUrl: string;
  readonly path: string;
  /** Visible once the page is usable. */
  readonly readySelector: string;
  readonly loads: number;
  readonly executablePath: string;
}

export interface WebLoadFigure {
  readonly path: string;
  readonly loads: number;
  readonly loadEventMs: { readonly median: number; readonly max: number; readonly samples: readonly number[] };
  readonly readyMs: { readonly median: number; readonly max: number; readonly samples: readonly number[] };
}

/** Cold loads of one page in headless Chromium: a new context (empty cache, no cookies) per load. */
export async function measureWebLoad(settings: WebLoadSettings): Promise<WebLoadFigure> {
  const browser: Browser = await launchChromium(settings.executablePath);
  const loadEvent: number[] = [];
  const ready: number[] = [];
  try {
    for (let index = 0; index < settings.loads; index += 1) {
      const context = await browser.newContext();
      try {
        const page = await context.newPage();
        const started = performance.now();
        const readyAt = page
          .locator(settings.readySelector)
          .waitFor({ state: 'visible', timeout: 30_000 })
          .then(() => performance.now());
        // Both clocks start before goto(), in this process, so they include the few ms of CDP round trips.
        const navigation = page
          .goto(`${settings.baseUrl}${settings.path}`, { waitUntil: 'load', timeout: 30_000 })
          .then(() => performance.now());
        const [loadedAt, visibleAt] = await Promise.all([navigation, readyAt]);
        loadEvent.push(loadedAt - started);
        ready.push(visibleAt - started);
      } finally {
        await context.close();
      }
    }
  } finally {
    await browser.close();
  }
  return {
    path: settings.path,
    loads: settings.loads,
    loadEventMs: summarise(loadEvent),
    readyMs: summarise(ready),
  };
}

function summarise(samples: readonly number[]): { median: number; max: number; samples: readonly number[] } {
  const sorted = [...samples].sort((left, right) => left - right);
  const middle = Math.floor(sorted.length / 2);
  const median =
    sorted.length === 0
      ? Number.NaN
      : sorted.length % 2 === 1
        ? (sorted[middle] ?? Number.NaN)
        : ((sorted[middle - 1] ?? Number.NaN) + (sorted[middle] ?? Number.NaN)) / 2;
  return { median, max: sorted[sorted.length - 1] ?? Number.NaN, samples };
}
