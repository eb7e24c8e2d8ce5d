import { App as AntApp, ConfigProvider } from 'antd';
import { useTranslation } from 'react-i18next';
import { RouterProvider } from 'react-router';
import { appRouter } from './app-router.js';
import { ErrorBoundary } from './components/ErrorBoundary.js';
import { antdLocaleFor } from './i18n/antd-locale.js';
import { themeFor } from './theme.js';

export function App() {
  const { i18n } = useTranslation();
  return (
    <ConfigProvider locale={antdLocaleFor(i18n.language)} theme={themeFor(i18n.language)}>
      <AntApp>
        <ErrorBoundary>
          <RouterProvider router={appRouter} />
        </ErrorBoundary>
      </AntApp>
    </ConfigProvider>
  );
}
