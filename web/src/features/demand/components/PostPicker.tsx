import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { matchesPostOption, postOptions, type PostOption } from '../post-options.js';
import { useDemandPosts } from '../hooks/use-demand-posts.js';

/** Pick a curated post by its title in either language or its id. */
export function PostPicker({
  value,
  onChange,
  testId,
  id,
  allowClear = true,
  placeholder,
  width = 280,
}: {
  value?: string | undefined;
  onChange?: (postId: string | undefined) => void;
  testId?: string;
  id?: string;
  allowClear?: boolean;
  placeholder?: string;
  width?: number | string;
}) {
  const { t, i18n } = useTranslation();
  const { posts, loading } = useDemandPosts();
  const options = postOptions(posts, i18n.language);
  return (
    <Select<string, PostOption>
      id={id}
      data-testid={testId}
      aria-label={placeholder ?? t('demand.filters.post')}
      placeholder={placeholder ?? t('demand.filters.post')}
      style={{ width, maxWidth: '100%' }}
      value={value}
      loading={loading}
      allowClear={allowClear}
      showSearch={{
        filterOption: matchesPostOption,
      }}
      onChange={(next) => onChange?.(next || undefined)}
      options={options}
      optionRender={(option) => (
        <div data-testid={testId ? `${testId}-option-${String(option.value)}` : undefined}>
          <div>{option.data.label}</div>
          {option.data.secondary && <div style={{ fontSize: 12, opacity: 0.65 }}>{option.data.secondary}</div>}
        </div>
      )}
    />
  );
}
