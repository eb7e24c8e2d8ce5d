import { Drawer } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useParams } from 'react-router';
import { CompetencyDetailView } from './CompetencyDetailView.js';

/** `/taxonomy/competencies/:competencyId`: the detail over the list it was opened from. */
export function CompetencyDrawer() {
  const { t } = useTranslation();
  const { competencyId = '' } = useParams();
  const navigate = useNavigate();
  const { search } = useLocation();
  return (
    <Drawer
      open
      size={760}
      styles={{ wrapper: { maxWidth: '100vw' } }}
      title={t('taxonomy.competency.title')}
      onClose={() => void navigate({ pathname: '/taxonomy/competencies', search })}
    >
      <CompetencyDetailView key={competencyId} competencyId={competencyId} />
    </Drawer>
  );
}
