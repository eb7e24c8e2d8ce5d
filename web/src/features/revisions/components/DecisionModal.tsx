import { Form, Input, InputNumber, Modal, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { DecideProposalInput, RevisionProposalView } from '../../../api/contracts.js';
import { formatWeight, takesWeight } from '../revision-format.js';

interface DecisionValues {
  comment?: string;
  weight?: number | null;
}

/**
 * Rejecting (with an optional reason) or amending (with a comment, and a weight for weight changes and new
 * requirements) one proposal. Accepting needs no form.
 */
export function DecisionModal({
  proposal,
  decision,
  busy,
  onCancel,
  onDecide,
}: {
  proposal: RevisionProposalView | null;
  decision: 'rejected' | 'amended';
  busy: boolean;
  onCancel: () => void;
  onDecide: (body: DecideProposalInput) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<DecisionValues>();
  const weighted = proposal !== null && decision === 'amended' && takesWeight(proposal.kind);
  const suggested = proposal?.evidence.suggestedWeight ?? null;

  useEffect(() => {
    if (!proposal) return;
    const earlier = proposal.decision?.decision === decision ? proposal.decision : null;
    form.setFieldsValue({
      comment: earlier?.comment ?? '',
      weight: earlier?.amendedWeight ?? suggested ?? proposal.evidence.currentWeight ?? null,
    });
  }, [proposal, decision]);

  return (
    <Modal
      open={proposal !== null}
      title={
        proposal
          ? t(decision === 'rejected' ? 'revisions.decide.rejectTitle' : 'revisions.decide.amendTitle', {
              rank: proposal.rank,
            })
          : ''
      }
      okText={decision === 'rejected' ? t('revisions.proposals.reject') : t('common.save')}
      okButtonProps={{ danger: decision === 'rejected', loading: busy, 'data-testid': 'revision-decision-ok' }}
      cancelText={t('common.cancel')}
      onCancel={onCancel}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form<DecisionValues>
        form={form}
        layout="vertical"
        onFinish={(values) =>
          onDecide({
            decision,
            comment: values.comment?.trim() ?? '',
            ...(weighted && typeof values.weight === 'number' ? { amendedWeight: values.weight } : {}),
          })
        }
      >
        <Form.Item
          name="comment"
          label={decision === 'rejected' ? t('revisions.decide.reason') : t('revisions.decide.comment')}
          rules={
            decision === 'amended'
              ? [{ required: true, whitespace: true, message: t('revisions.decide.commentRequired') }]
              : []
          }
        >
          <Input.TextArea
            rows={3}
            maxLength={2000}
            data-testid="revision-decision-comment"
            placeholder={
              decision === 'rejected'
                ? t('revisions.decide.reasonPlaceholder')
                : t('revisions.decide.commentPlaceholder')
            }
          />
        </Form.Item>
        {weighted && (
          <Form.Item
            name="weight"
            label={t('revisions.decide.weight')}
            extra={
              suggested !== null ? (
                <Typography.Text type="secondary">
                  {t('revisions.decide.weightHelp', { weight: formatWeight(suggested) })}
                </Typography.Text>
              ) : undefined
            }
            rules={[
              {
                validator: (_, value: unknown) =>
                  value === null || value === undefined || (typeof value === 'number' && value > 0 && value <= 1)
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('revisions.decide.weightRange'))),
              },
            ]}
          >
            <InputNumber min={0.01} max={1} step={0.05} style={{ width: 160 }} data-testid="revision-decision-weight" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
