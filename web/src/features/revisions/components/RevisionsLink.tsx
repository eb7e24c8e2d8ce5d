import { Button, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCanReadRevisions } from '../hooks/use-can-read-revisions.js';
import { groupRevisionsPath, type GroupRevisionsState } from './revision-paths.js';

/** The way from a course system (the group as planned) to its yearly revisions, for those who may read them. */
export function RevisionsLink({
  organisationId,
  courseSystemId,
  groupName,
}: {
  organisationId: string;
  courseSystemId: string;
  groupName: GroupRevisionsState['groupName'];
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  if (!useCanReadRevisions(organisationId)) return null;
  const state: GroupRevisionsState = { groupName };
  return (
    <Tooltip title={t('revisions.entryHelp')}>
      <Button data-testid="revisions-open" onClick={() => void navigate(groupRevisionsPath(courseSystemId), { state })}>
        {t('revisions.entry')}
      </Button>
    </Tooltip>
  );
}
