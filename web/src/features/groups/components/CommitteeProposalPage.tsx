import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { ProposalDetailDto } from '../../../api/contracts.js';
import { ProposalDetailView, type ProposalPermissions } from './ProposalDetailView.js';

/** A submitted proposal before the steering committee: move with a reason, comment, approve or reject. */
export function CommitteeProposalPage() {
  const { t } = useTranslation();
  const { proposalId = '' } = useParams();
  const permissions = (detail: ProposalDetailDto): ProposalPermissions => {
    const open = detail.status === 'submitted';
    return { move: open, editDraft: false, decide: open };
  };
  const readOnlyNote = (detail: ProposalDetailDto): string | null =>
    detail.status === 'submitted' ? null : t('groups.committee.decidedNote');
  return (
    <ProposalDetailView
      key={proposalId}
      scope={{ kind: 'committee' }}
      proposalId={proposalId}
      backTo="/committee"
      backLabel={t('groups.committee.title')}
      permissions={permissions}
      readOnlyNote={readOnlyNote}
    />
  );
}
