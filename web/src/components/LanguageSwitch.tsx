import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../api/contracts.js';
import { changeLocale } from '../i18n/i18n.js';
import { isLocale, otherLocale } from '../i18n/locale.js';

/**
 * Shows the current language; a click switches to the other one. `onChanged` lets a logged-in page save the
 * choice on the account as well.
 */
export function LanguageSwitch({ onChanged }: { onChanged?: (locale: Locale) => void }) {
  const { t, i18n } = useTranslation();
  const current: Locale = isLocale(i18n.language) ? i18n.language : 'zh-CN';
  const next = otherLocale(current);
  const label = t('language.switchTo', { current: t(`language.${current}`), other: t(`language.${next}`) });

  return (
    <Button
      data-testid="lang-switch"
      data-locale={current}
      aria-label={label}
      title={label}
      onClick={() => {
        void changeLocale(next).then(() => onChanged?.(next));
      }}
    >
      <span aria-hidden="true">文A&nbsp;</span>
      {t(`language.${current}`)}
    </Button>
  );
}
