import { Button, Card, Flex, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ORGANISATION_KINDS } from '../../../access/roles.js';
import type { OrganisationKind } from '../../../api/contracts.js';
import { useApiQuery } from '../../../api/use-api-query.js';
import { useUrlFilters } from '../../../hooks/use-url-filters.js';
import { useSession } from '../../auth/hooks/use-session.js';
import { listOrganisations } from '../api/organisations-api.js';
import { CreateOrganisationModal } from './CreateOrganisationModal.js';
import { OrganisationsTable } from './OrganisationsTable.js';

export function OrganisationsPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const filters = useUrlFilters();
  const kind = filters.get<OrganisationKind>('kind', ORGANISATION_KINDS);
  const [creating, setCreating] = useState(false);
  const query = { kind, limit: filters.pageSize, offset: filters.offset };
  const organisations = useApiQuery((signal) => listOrganisations(query, signal), JSON.stringify(query));
  const canCreate = can('POST /api/organisations');

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('organisations.title')}
        </Typography.Title>
        {canCreate && (
          <Button type="primary" data-testid="create-organisation" onClick={() => setCreating(true)}>
            {t('organisations.create')}
          </Button>
        )}
      </Flex>
      <Card>
        <OrganisationsTable
          query={organisations}
          paging={filters}
          filters={
            <Select<OrganisationKind | ''>
              aria-label={t('organisations.kindFilter')}
              data-testid="organisations-kind-filter"
              style={{ width: 220 }}
              value={kind ?? ''}
              onChange={(value) => filters.setFilters({ kind: value || undefined })}
              options={[
                { value: '', label: t('organisations.allKinds') },
                ...ORGANISATION_KINDS.map((value) => ({ value, label: t(`kinds.${value}`) })),
              ]}
            />
          }
        />
      </Card>
      {canCreate && (
        <CreateOrganisationModal
          open={creating}
          onClose={() => setCreating(false)}
          onCreated={() => {
            setCreating(false);
            organisations.reload();
          }}
        />
      )}
    </Flex>
  );
}
