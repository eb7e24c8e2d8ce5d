import { Button, Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useDemand } from '../hooks/use-demand.js';

/** No postings imported yet: says what to do, and offers the import to those who may. */
export function NoPostingsEmpty() {
  const { t } = useTranslation();
  const { canImport } = useDemand();
  const navigate = useNavigate();
  return (
    <Empty
      data-testid="demand-empty"
      description={canImport ? t('demand.empty.canImport') : t('demand.empty.askImporter')}
    >
      {canImport && (
        <Button type="primary" onClick={() => void navigate('/demand/imports?upload=1')}>
          {t('demand.empty.goImport')}
        </Button>
      )}
    </Empty>
  );
}
