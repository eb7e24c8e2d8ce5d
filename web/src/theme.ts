import type { ThemeConfig } from 'antd';

const CJK_FONTS = '"PingFang SC","Microsoft YaHei","Noto Sans CJK SC","WenQuanYi Micro Hei"';
const LATIN_FONTS =
  '-apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,"Helvetica Neue",Arial,"Noto Sans","Liberation Sans","DejaVu Sans"';

/** Fonts that render Chinese on macOS, Windows and Linux, before the generic fallbacks (same as index.html). */
export const FONT_STACK = `${CJK_FONTS},system-ui,sans-serif`;

/**
 * The English UI sets its text in a Latin font first: a Chinese font draws ’ and “” full width, so “college’s”
 * would read “college’ s”. Chinese characters still fall through to the Chinese fonts.
 */
const ENGLISH_FONT_STACK = `${LATIN_FONTS},${CJK_FONTS},system-ui,sans-serif`;

const baseToken = { colorPrimary: '#1f5fbf', borderRadius: 6 };

const chineseTheme: ThemeConfig = { token: { fontFamily: FONT_STACK, ...baseToken } };
const englishTheme: ThemeConfig = { token: { fontFamily: ENGLISH_FONT_STACK, ...baseToken } };

/** The antd theme of the UI language (its font stack). */
export function themeFor(language: string): ThemeConfig {
  return language === 'en' ? englishTheme : chineseTheme;
}
