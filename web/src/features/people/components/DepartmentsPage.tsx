import { Alert, App, Button, Card, Empty, Flex, Form, Input, Modal, Space, Tree, TreeSelect, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DepartmentNode } from '../../../api/contracts.js';
import { useApiQuery } from '../../../api/use-api-query.js';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert.js';
import { ConfirmDeleteButton } from '../../../components/ConfirmDeleteButton.js';
import { PageLoading } from '../../../components/PageLoading.js';
import { useFormSubmit } from '../../../hooks/use-form-submit.js';
import { pickName } from '../../../i18n/pick-name.js';
import { translateError } from '../../../i18n/translate-error.js';
import { createDepartment, deleteDepartment, fetchDepartmentTree, updateDepartment } from '../api/people-api.js';
import { usePeople } from '../hooks/people-context.js';
import { departmentOptions } from './PeopleFilters.js';
import { withoutSubtree } from '../people-format.js';

type Editing =
  | { kind: 'add'; parent: DepartmentNode | null }
  | { kind: 'rename'; node: DepartmentNode }
  | { kind: 'move'; node: DepartmentNode };

interface DepartmentForm {
  nameZh: string;
  nameEn: string;
  parentId: string | null;
}

/** The organisation's departments (二级学院 / 部门) as a tree; admins add, rename, move and delete them. */
export function DepartmentsPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const people = usePeople();
  const tree = useApiQuery(
    (signal) => fetchDepartmentTree(people.organisationId, signal),
    `departments:${people.organisationId}`,
  );
  const [editing, setEditing] = useState<Editing | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  async function remove(node: DepartmentNode) {
    setDeleting(node.id);
    setError(null);
    try {
      await deleteDepartment(people.organisationId, node.id);
      void message.success(
        t('people.departments.deleted', { name: pickName(node.nameZh, node.nameEn, i18n.language) }),
      );
      tree.reload();
    } catch (failure) {
      // DEPARTMENT_IN_USE and the like: said above the tree, where it stays until the next action.
      setError(failure);
    } finally {
      setDeleting(null);
    }
  }

  function title(node: DepartmentNode) {
    const name = pickName(node.nameZh, node.nameEn, i18n.language);
    return (
      <Flex gap={8} align="center" wrap data-testid={`department-${node.nameZh}`} style={{ padding: '2px 0' }}>
        <Typography.Text strong>{name}</Typography.Text>
        <Typography.Text type="secondary">
          {t('people.departments.figures', { classes: node.classes, people: node.people })}
        </Typography.Text>
        {(people.canAddDepartment || people.canEditDepartments || people.canDeleteDepartment) && (
          <Space size={4} wrap onClick={(event) => event.stopPropagation()}>
            {people.canAddDepartment && (
              <Button size="small" onClick={() => setEditing({ kind: 'add', parent: node })}>
                {t('people.departments.addChild')}
              </Button>
            )}
            {people.canEditDepartments && (
              <Button size="small" onClick={() => setEditing({ kind: 'rename', node })}>
                {t('people.departments.rename')}
              </Button>
            )}
            {people.canEditDepartments && (
              <Button size="small" onClick={() => setEditing({ kind: 'move', node })}>
                {t('people.departments.move')}
              </Button>
            )}
            {people.canDeleteDepartment && (
              <ConfirmDeleteButton
                label={t('people.departments.delete')}
                question={t('people.departments.deleteConfirm', { name })}
                help={t('people.departments.deleteHelp')}
                loading={deleting === node.id}
                onConfirm={() => void remove(node)}
                testId={`department-delete-${node.nameZh}`}
              />
            )}
          </Space>
        )}
      </Flex>
    );
  }

  type TreeNode = { key: string; title: ReactNode; children: TreeNode[] };
  const toTree = (nodes: readonly DepartmentNode[]): TreeNode[] =>
    nodes.map((node) => ({ key: node.id, title: title(node), children: toTree(node.children) }));

  const items = tree.data?.items ?? [];
  return (
    <Card
      title={t('people.tabs.departments')}
      extra={
        people.canAddDepartment ? (
          <Button type="primary" onClick={() => setEditing({ kind: 'add', parent: null })} data-testid="department-add">
            {t('people.departments.add')}
          </Button>
        ) : undefined
      }
    >
      <Flex vertical gap={12}>
        {!people.canAddDepartment && !people.canEditDepartments && (
          <Typography.Text type="secondary">{t('people.departments.readOnly')}</Typography.Text>
        )}
        {error !== null && (
          <Alert
            type="error"
            showIcon
            closable={{ onClose: () => setError(null) }}
            data-testid="department-error"
            title={translateError(t, error)}
          />
        )}
        {tree.error ? (
          <ApiErrorAlert error={tree.error} onRetry={tree.reload} />
        ) : !tree.data ? (
          <PageLoading />
        ) : items.length === 0 ? (
          <Empty description={t('people.departments.empty')} />
        ) : (
          <Tree<TreeNode>
            data-testid="department-tree"
            treeData={toTree(items)}
            defaultExpandAll
            selectable={false}
            blockNode
          />
        )}
      </Flex>
      {editing && (
        <DepartmentModal
          editing={editing}
          tree={items}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            setError(null);
            void message.success(t('people.departments.saved'));
            tree.reload();
          }}
        />
      )}
    </Card>
  );
}

function DepartmentModal({
  editing,
  tree,
  onClose,
  onSaved,
}: {
  editing: Editing;
  tree: readonly DepartmentNode[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t, i18n } = useTranslation();
  const people = usePeople();
  const [form] = Form.useForm<DepartmentForm>();
  const { submit, submitting, error } = useFormSubmit(
    form,
    ['nameZh', 'nameEn', 'parentId'] as const,
    async (values: DepartmentForm) => {
      if (editing.kind === 'add') {
        await createDepartment(people.organisationId, {
          nameZh: values.nameZh.trim(),
          nameEn: values.nameEn.trim(),
          parentId: editing.parent?.id ?? null,
        });
      } else if (editing.kind === 'rename') {
        await updateDepartment(people.organisationId, editing.node.id, {
          nameZh: values.nameZh.trim(),
          nameEn: values.nameEn.trim(),
        });
      } else {
        await updateDepartment(people.organisationId, editing.node.id, { parentId: values.parentId ?? null });
      }
      onSaved();
    },
  );
  const node = editing.kind === 'add' ? editing.parent : editing.node;
  const name = node ? pickName(node.nameZh, node.nameEn, i18n.language) : '';
  const modalTitle =
    editing.kind === 'add'
      ? editing.parent
        ? t('people.departments.addChildTitle', { name })
        : t('people.departments.addTitle')
      : editing.kind === 'rename'
        ? t('people.departments.renameTitle', { name })
        : t('people.departments.moveTitle', { name });

  return (
    <Modal
      open
      title={modalTitle}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ 'data-testid': 'department-save' }}
      confirmLoading={submitting}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {error !== null && <Alert type="error" showIcon title={translateError(t, error)} style={{ marginBottom: 16 }} />}
      <Form<DepartmentForm>
        form={form}
        layout="vertical"
        initialValues={
          editing.kind === 'add'
            ? { nameZh: '', nameEn: '', parentId: null }
            : { nameZh: editing.node.nameZh, nameEn: editing.node.nameEn, parentId: editing.node.parentId }
        }
        onFinish={(values) => void submit(values)}
      >
        {editing.kind === 'move' ? (
          <Form.Item name="parentId" label={t('people.departments.parent')}>
            <TreeSelect
              allowClear
              placeholder={t('people.departments.root')}
              treeDefaultExpandAll
              data-testid="department-parent"
              treeData={departmentOptions(withoutSubtree(tree, editing.node.id), i18n.language)}
            />
          </Form.Item>
        ) : (
          <>
            <Form.Item
              name="nameZh"
              label={t('people.departments.nameZh')}
              rules={[{ required: true, whitespace: true, message: t('people.departments.nameRequired') }]}
            >
              <Input maxLength={100} data-testid="department-name-zh" />
            </Form.Item>
            <Form.Item name="nameEn" label={t('people.departments.nameEn')}>
              <Input maxLength={200} data-testid="department-name-en" />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
