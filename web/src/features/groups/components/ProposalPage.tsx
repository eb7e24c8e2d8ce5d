import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { ProposalDetailDto } from '../../../api/contracts.js';
import { useCollege, type College } from '../hooks/use-college.js';
import { NotCollegeNotice } from './NotCollegeNotice.js';
import { ProposalDetailView, type ProposalPermissions } from './ProposalDetailView.js';

/** One of the active college's proposals: writers edit and submit a draft; everything else is read-only. */
export function ProposalPage() {
  const college = useCollege();
  const { proposalId = '' } = useParams();
  if (!college) return <NotCollegeNotice />;
  return <CollegeProposal key={`${college.organisationId}:${proposalId}`} college={college} proposalId={proposalId} />;
}

function CollegeProposal({ college, proposalId }: { college: College; proposalId: string }) {
  const { t } = useTranslation();
  const permissions = (detail: ProposalDetailDto): ProposalPermissions => {
    const editable = college.canWrite && detail.status === 'draft';
    return { move: editable, editDraft: editable, decide: false };
  };
  const readOnlyNote = (detail: ProposalDetailDto): string | null => {
    if (detail.status === 'submitted') return t('groups.proposal.submittedNote');
    if (detail.status === 'approved' || detail.status === 'rejected') return t('groups.proposal.decidedNote');
    return college.canWrite ? null : t('groups.proposal.readerNote');
  };
  return (
    <ProposalDetailView
      scope={{ kind: 'college', organisationId: college.organisationId }}
      proposalId={proposalId}
      backTo="/specialty-groups"
      backLabel={t('groups.proposals.title')}
      permissions={permissions}
      readOnlyNote={readOnlyNote}
    />
  );
}
