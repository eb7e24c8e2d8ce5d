import { Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UrlFilters } from '../../../hooks/use-url-filters.js';
import { PostPicker } from './PostPicker.js';

/** Province and post filters kept in the URL (`?province=&post=`), shared by overview, trends and postings. */
export function ProvinceAndPostFilters({ filters }: { filters: UrlFilters }) {
  const { t } = useTranslation();
  const province = filters.get('province');
  return (
    <>
      <Input.Search
        key={province ?? ''}
        aria-label={t('demand.filters.province')}
        data-testid="demand-filter-province"
        placeholder={t('demand.filters.provincePlaceholder')}
        defaultValue={province}
        allowClear
        maxLength={40}
        style={{ width: 200 }}
        onSearch={(value) => filters.setFilters({ province: value.trim() || undefined })}
      />
      <PostPicker
        testId="demand-filter-post"
        value={filters.get('post')}
        onChange={(post) => filters.setFilters({ post })}
      />
    </>
  );
}
