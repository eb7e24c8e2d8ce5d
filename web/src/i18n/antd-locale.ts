import type { ConfigProviderProps } from 'antd';
import enUSModule from 'antd/es/locale/en_US.js';
import zhCNModule from 'antd/es/locale/zh_CN.js';
import type { Locale } from '../api/contracts.js';

type AntdLocale = NonNullable<ConfigProviderProps['locale']>;

/**
 * antd's package.json has no "exports", so under NodeNext TypeScript types these ESM files as CommonJS and
 * their default export as `{ default: Locale }`, while the bundler hands over the Locale itself. Accept both.
 */
function unwrap(module: AntdLocale | { default: AntdLocale }): AntdLocale {
  return 'locale' in module ? module : module.default;
}

const ANTD_LOCALES: Record<Locale, AntdLocale> = { 'zh-CN': unwrap(zhCNModule), en: unwrap(enUSModule) };

export function antdLocaleFor(language: string): AntdLocale {
  return language === 'en' ? ANTD_LOCALES.en : ANTD_LOCALES['zh-CN'];
}
