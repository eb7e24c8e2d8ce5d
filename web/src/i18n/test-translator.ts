import i18next, { type TFunction } from 'i18next';
import type { Locale } from '../api/contracts.js';
import { en } from './en.js';
import { zhCN } from './zh-CN.js';

/** The app's real resources in one language, for tests of helpers that translate (no React, no DOM). */
export function testTranslator(locale: Locale): TFunction {
  const instance = i18next.createInstance();
  void instance.init({
    resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
    lng: locale,
    fallbackLng: 'zh-CN',
    initAsync: false,
    interpolation: { escapeValue: false },
  });
  return instance.t;
}
