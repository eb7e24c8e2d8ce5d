import type { ThemeConfig } from 'antd';

/** Fonts that render Chinese on macOS, Windows and Linux, before the generic fallbacks (same as index.html). */
export const FONT_STACK =
  '"PingFang SC","Microsoft YaHei","Noto Sans CJK SC","WenQuanYi Micro Hei",system-ui,sans-serif';

export const theme: ThemeConfig = {
  token: { fontFamily: FONT_STACK, colorPrimary: '#1f5fbf', borderRadius: 6 },
};
