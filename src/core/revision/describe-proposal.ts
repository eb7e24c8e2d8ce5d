import type { RevisionProposal } from './derive-revision-proposals.js';

export interface ProposalNames {
  competency(id: string): { zh: string; en: string };
  post(id: string): { zh: string; en: string };
  course(id: string): { zh: string; en: string };
}

const percent = (share: number) => `${(share * 100).toFixed(share < 0.1 ? 1 : 0)}%`;

/**
 * One sentence per proposal in each language, as it reads in the revision's release notes ("新增：…"): what changes
 * and the evidence in postings (share before → after). Pure; the names come from the caller.
 */
export function describeProposal(proposal: RevisionProposal, names: ProposalNames): { zh: string; en: string } {
  const list = (lang: 'zh' | 'en') =>
    proposal.competencies.map((id) => names.competency(id)[lang]).join(lang === 'zh' ? '、' : ', ');
  const post = proposal.post ? names.post(proposal.post) : { zh: '专业群', en: 'the group' };
  const course = proposal.course ? names.course(proposal.course) : null;
  const change = proposal.evidence.changes[0];
  const shares = change ? `${percent(change.before.share)} → ${percent(change.after.share)}` : '';
  const weight = (value: number | null | undefined) => (value === null || value === undefined ? '—' : value.toFixed(2));
  switch (proposal.kind) {
    case 'new-requirement':
      return {
        zh: `新增：${post.zh}岗位要求「${list('zh')}」（招聘需求占比 ${shares}，建议权重 ${weight(proposal.evidence.suggestedWeight)}）`,
        en: `New: ${post.en} requires “${list('en')}” (share of postings ${shares}, suggested weight ${weight(proposal.evidence.suggestedWeight)})`,
      };
    case 'weight-change':
      return proposal.action === 'raise'
        ? {
            zh: `提高：${post.zh}对「${list('zh')}」的要求权重 ${weight(proposal.evidence.currentWeight)} → ${weight(proposal.evidence.suggestedWeight)}（占比 ${shares}）`,
            en: `Raised: ${post.en}'s weight for “${list('en')}” ${weight(proposal.evidence.currentWeight)} → ${weight(proposal.evidence.suggestedWeight)} (share ${shares})`,
          }
        : {
            zh: `降低：${post.zh}对「${list('zh')}」的要求权重 ${weight(proposal.evidence.currentWeight)} → ${weight(proposal.evidence.suggestedWeight)}（占比 ${shares}）`,
            en: `Lowered: ${post.en}'s weight for “${list('en')}” ${weight(proposal.evidence.currentWeight)} → ${weight(proposal.evidence.suggestedWeight)} (share ${shares})`,
          };
    case 'requirement-dropped':
      return {
        zh: `删除：${post.zh}岗位不再要求「${list('zh')}」（占比 ${shares}）`,
        en: `Dropped: ${post.en} no longer requires “${list('en')}” (share ${shares})`,
      };
    case 'course-content-update':
      return {
        zh: `更新：课程《${course?.zh ?? ''}》调整「${list('zh')}」相关内容与课程目标`,
        en: `Updated: course “${course?.en ?? ''}” revises its content and objectives on “${list('en')}”`,
      };
    case 'course-retired':
      return {
        zh: `停开：课程《${course?.zh ?? ''}》（所授「${list('zh')}」已不再被岗位要求）`,
        en: `Retired: course “${course?.en ?? ''}” (no post requires “${list('en')}” any more)`,
      };
    case 'new-course':
      return {
        zh: `新开：为${post.zh}岗位开设讲授「${list('zh')}」的课程（现有课程未覆盖）`,
        en: `New course: for ${post.en}, teaching “${list('en')}” (no current course covers it)`,
      };
    case 'enrolment-signal': {
      const volume = proposal.evidence.volume;
      const figures = volume ? `${percent(volume.before.share)} → ${percent(volume.after.share)}` : '';
      return proposal.action === 'grow'
        ? {
            zh: `招生信号：${post.zh}岗位需求上升（占本群招聘 ${figures}），可考虑扩大招生或订单班`,
            en: `Enrolment signal: demand for ${post.en} rises (share of the group's postings ${figures}); consider more places`,
          }
        : {
            zh: `招生信号：${post.zh}岗位需求下降（占本群招聘 ${figures}），可考虑压缩招生`,
            en: `Enrolment signal: demand for ${post.en} falls (share of the group's postings ${figures}); consider fewer places`,
          };
    }
  }
}
