import { Alert, Button, Flex } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../../api/use-api-query.js';
import { pickName } from '../../../i18n/pick-name.js';
import { listSsoProviders, ssoStartUrl } from '../api/auth-api.js';
import { ssoReasonText } from '../sso-reason.js';

/** Where the person was going: the sign-in page answers any URL, and the identity provider brings them back there. */
function returnPath(): string {
  const { pathname, search } = window.location;
  if (pathname === '/login' || pathname === '/redeem') return '/';
  const kept = new URLSearchParams(search);
  kept.delete('sso_error');
  const query = kept.toString();
  return query ? `${pathname}?${query}` : pathname;
}

/**
 * "Sign in with your college": one button per organisation whose identity provider is enabled, each going to the
 * server's start URL (a full page navigation: the identity provider's pages are not ours). Nothing when there are
 * none, or when the list cannot be read (the password form still works).
 */
export function SsoButtons({ divider }: { divider?: ReactNode }) {
  const { t, i18n } = useTranslation();
  const providers = useApiQuery((signal) => listSsoProviders(signal), 'sso-providers');
  const items = providers.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <div data-testid="sso-providers">
      {divider}
      <Flex vertical gap={8}>
        {items.map((provider) => (
          <Button
            key={provider.organisationId}
            block
            size="large"
            data-testid={`sso-start-${provider.organisationId}`}
            style={{ whiteSpace: 'normal', height: 'auto', minHeight: 40 }}
            onClick={() => window.location.assign(ssoStartUrl(provider.organisationId, returnPath()))}
          >
            {provider.displayName ||
              t('auth.sso.button', {
                name: pickName(provider.organisationNameZh, provider.organisationNameEn, i18n.language),
              })}
          </Button>
        ))}
      </Flex>
    </div>
  );
}

/** The reason a unified sign-in failed, as the server's callback named it in `?sso_error=<reason>`. */
export function SsoErrorAlert() {
  const { t } = useTranslation();
  const reason = new URLSearchParams(window.location.search).get('sso_error');
  if (!reason) return null;
  return (
    <Alert
      type="error"
      showIcon
      data-testid="sso-error"
      title={t('auth.sso.failed')}
      description={ssoReasonText(t, reason)}
    />
  );
}
