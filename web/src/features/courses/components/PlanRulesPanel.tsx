import { Alert, Card, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PlanRuleResultDto } from '../../../api/contracts.js';

/**
 * The rules of 教职成〔2019〕13号 checked on a plan version (computed by the server from the version's figures and
 * saved texts): each rule with what it requires, what the plan has, met or not, and why — in the UI language.
 */
export function PlanRulesPanel({ rules, dirty }: { rules: readonly PlanRuleResultDto[] | null; dirty: boolean }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  if (rules === null) {
    return (
      <Card size="small" title={t('courses.plans.rules.title')} data-testid="plan-rules">
        <Alert type="info" showIcon title={t('courses.plans.rules.notRecorded')} />
      </Card>
    );
  }
  const passed = rules.filter((rule) => rule.passed).length;
  const failed = rules.length - passed;
  return (
    <Card
      size="small"
      title={t('courses.plans.rules.title')}
      extra={
        <Tag color={failed === 0 ? 'green' : 'orange'} data-testid="plan-rules-summary">
          {t('courses.plans.rules.summary', { passed, total: rules.length })}
        </Tag>
      }
      data-testid="plan-rules"
    >
      <Alert
        type={failed === 0 ? 'success' : 'warning'}
        showIcon
        title={failed === 0 ? t('courses.plans.rules.allPassed') : t('courses.plans.rules.failed', { count: failed })}
        description={dirty ? t('courses.plans.rules.savedText') : undefined}
        style={{ marginBottom: 8 }}
      />
      <Table
        size="small"
        bordered
        pagination={false}
        tableLayout="fixed"
        rowKey="id"
        dataSource={[...rules]}
        onRow={(rule) => ({ 'data-testid': `plan-rule-${rule.id}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            key: 'rule',
            title: t('courses.plans.rules.columns.rule'),
            render: (_: unknown, rule: PlanRuleResultDto) => (en ? rule.labelEn : rule.labelZh),
          },
          {
            key: 'required',
            title: t('courses.plans.rules.columns.required'),
            render: (_: unknown, rule: PlanRuleResultDto) => (en ? rule.requiredEn : rule.requiredZh),
          },
          {
            key: 'actual',
            title: t('courses.plans.rules.columns.actual'),
            render: (_: unknown, rule: PlanRuleResultDto) => (en ? rule.actualEn : rule.actualZh),
          },
          {
            key: 'result',
            title: t('courses.plans.rules.columns.result'),
            render: (_: unknown, rule: PlanRuleResultDto) => (
              <Tag color={rule.passed ? 'green' : 'red'}>
                {rule.passed ? t('courses.plans.rules.passed') : t('courses.plans.rules.notPassed')}
              </Tag>
            ),
          },
          {
            key: 'explanation',
            title: t('courses.plans.rules.columns.explanation'),
            render: (_: unknown, rule: PlanRuleResultDto) => (
              <Typography.Text style={{ display: 'block', maxWidth: 360, whiteSpace: 'normal' }}>
                {en ? rule.explanationEn : rule.explanationZh}
              </Typography.Text>
            ),
          },
        ]}
      />
    </Card>
  );
}
