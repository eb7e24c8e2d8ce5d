import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useTaxonomy } from '../hooks/use-taxonomy.js';

/** For editors looking at a released version: edits happen in a new draft. */
export function DraftHint() {
  const { t } = useTranslation();
  const { href, canDerive } = useTaxonomy();
  return (
    <Alert
      type="info"
      showIcon
      data-testid="draft-hint"
      title={t('taxonomy.draftHint.title')}
      description={canDerive ? t('taxonomy.draftHint.description') : t('taxonomy.draftHint.askReleaser')}
      action={<Link to={href('/taxonomy/versions')}>{t('taxonomy.draftHint.action')}</Link>}
    />
  );
}
