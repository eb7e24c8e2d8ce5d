import { ConfirmDeleteButton } from '../../../components/ConfirmDeleteButton.js';
import { App, Button, Card, Empty, Flex, Table, Tag, Tooltip, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CollegeSpecialtyDto } from '../../../api/contracts.js';
import { useApiQuery } from '../../../api/use-api-query.js';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert.js';
import { translateError } from '../../../i18n/translate-error.js';
import { labelsInOrder } from '../../taxonomy/bilingual.js';
import { useDemandPosts } from '../../demand/hooks/use-demand-posts.js';
import { deleteSpecialty, listSpecialties } from '../api/groups-api.js';
import { formatPercent } from '../groups-format.js';
import { useCollege, type College } from '../hooks/use-college.js';
import { NotCollegeNotice } from './NotCollegeNotice.js';
import { SpecialtyFormModal } from './SpecialtyFormModal.js';

/**
 * The specialties the active college runs (codes of the national catalogue), the posts each serves and its
 * strength: what the specialty groups are built from. Group directors and college admins edit; teachers read.
 */
export function SpecialtiesPage() {
  const { t } = useTranslation();
  const college = useCollege();
  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={2} style={{ margin: 0 }} data-testid="specialties-title">
          {t('groups.specialties.title')}
        </Typography.Title>
        <Typography.Text type="secondary">
          {college ? t('groups.specialties.subtitle', { name: college.name }) : t('groups.specialties.subtitleNone')}
        </Typography.Text>
      </div>
      {college ? <SpecialtiesPanel key={college.organisationId} college={college} /> : <NotCollegeNotice />}
    </Flex>
  );
}

type Editing = { specialty: CollegeSpecialtyDto | null } | null;

function SpecialtiesPanel({ college }: { college: College }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { byId, loading: postsLoading } = useDemandPosts();
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  const list = useApiQuery((signal) => listSpecialties(college.organisationId, signal), college.organisationId);
  const items = list.data?.items ?? [];

  async function remove(specialty: CollegeSpecialtyDto) {
    setDeleting(specialty.code);
    try {
      await deleteSpecialty(college.organisationId, specialty.code);
      void message.success(t('groups.specialties.deleted'));
      list.reload();
    } catch (failure) {
      void message.error(translateError(t, failure));
    } finally {
      setDeleting(null);
    }
  }

  const columns: TableProps<CollegeSpecialtyDto>['columns'] = [
    { key: 'code', title: t('groups.specialties.columns.code'), dataIndex: 'code', width: 100 },
    {
      key: 'name',
      title: t('groups.specialties.columns.name'),
      render: (_, specialty) => {
        const [primary, secondary] = labelsInOrder(specialty.nameZh, specialty.nameEn, i18n.language);
        return (
          <Flex vertical gap={2}>
            <span>{primary}</span>
            {secondary && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {secondary}
              </Typography.Text>
            )}
          </Flex>
        );
      },
    },
    {
      key: 'posts',
      title: t('groups.specialties.columns.posts'),
      render: (_, specialty) =>
        specialty.posts.length === 0 ? (
          <Typography.Text type="secondary">{t('groups.specialties.noPosts')}</Typography.Text>
        ) : (
          <Flex gap={4} wrap style={{ maxWidth: 420 }}>
            {specialty.posts.map((postId) => {
              const post = byId.get(postId);
              const [title, secondary] = post
                ? labelsInOrder(post.titleZh, post.titleEn, i18n.language)
                : [postsLoading ? '…' : t('groups.specialties.postNotInCatalogue'), null];
              return (
                <Tooltip key={postId} title={secondary}>
                  <Tag style={{ marginInlineEnd: 0 }} data-testid={`specialty-post-${postId}`}>
                    {title}
                  </Tag>
                </Tooltip>
              );
            })}
          </Flex>
        ),
    },
    {
      key: 'enrolment',
      title: t('groups.specialties.columns.enrolment'),
      align: 'right',
      render: (_, specialty) => specialty.enrolment ?? t('common.none'),
    },
    {
      key: 'employmentRate',
      title: t('groups.specialties.columns.employmentRate'),
      align: 'right',
      render: (_, specialty) => formatPercent(specialty.employmentRate, 1),
    },
    {
      key: 'employerRating',
      title: t('groups.specialties.columns.employerRating'),
      align: 'right',
      render: (_, specialty) =>
        specialty.employerRating === null ? t('common.none') : `${specialty.employerRating.toFixed(1)} / 5`,
    },
  ];
  if (college.canWrite) {
    columns.push({
      key: 'actions',
      title: t('groups.specialties.columns.actions'),
      render: (_, specialty) => (
        <Flex gap={8}>
          <Button
            size="small"
            onClick={() => setEditing({ specialty })}
            data-testid={`specialty-edit-${specialty.code}`}
          >
            {t('groups.specialties.edit')}
          </Button>
          <ConfirmDeleteButton
            label={t('groups.specialties.delete')}
            question={t('groups.specialties.deleteConfirm')}
            loading={deleting === specialty.code}
            onConfirm={() => void remove(specialty)}
            testId={`specialty-delete-${specialty.code}`}
            confirmTestId="specialty-delete-confirm"
          />
        </Flex>
      ),
    });
  }

  return (
    <Card>
      <Flex vertical gap={16}>
        <Flex justify="space-between" align="center" wrap gap={12}>
          <Typography.Text type="secondary" data-testid="specialties-total">
            {college.canWrite ? t('groups.specialties.intro') : t('groups.specialties.readOnly')}
          </Typography.Text>
          {college.canWrite && (
            <Button type="primary" data-testid="specialty-add" onClick={() => setEditing({ specialty: null })}>
              {t('groups.specialties.add')}
            </Button>
          )}
        </Flex>
        {list.error ? <ApiErrorAlert error={list.error} onRetry={list.reload} /> : null}
        <Table<CollegeSpecialtyDto>
          data-testid="specialties-table"
          rowKey="code"
          size="middle"
          columns={columns}
          dataSource={items}
          loading={list.loading}
          scroll={{ x: 'max-content' }}
          pagination={items.length > 20 ? { pageSize: 20 } : false}
          onRow={(specialty) => ({ 'data-testid': `specialty-row-${specialty.code}` }) as object}
          locale={{ emptyText: <Empty description={t('groups.specialties.empty')} /> }}
        />
      </Flex>
      {college.canWrite && (
        <SpecialtyFormModal
          open={editing !== null}
          // A different specialty starts a fresh form.
          key={editing?.specialty?.code ?? 'new'}
          organisationId={college.organisationId}
          specialty={editing?.specialty ?? null}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            list.reload();
          }}
        />
      )}
    </Card>
  );
}
