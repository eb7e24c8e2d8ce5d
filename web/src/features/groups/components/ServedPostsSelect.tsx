import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { matchesPostOption, postOptions, type PostOption } from '../../demand/post-options.js';
import { useDemandPosts } from '../../demand/hooks/use-demand-posts.js';

/** Pick the curated posts a specialty serves, by title in either language or by id. */
export function ServedPostsSelect({
  value,
  onChange,
  id,
}: {
  value?: string[];
  onChange?: (posts: string[]) => void;
  id?: string;
}) {
  const { t, i18n } = useTranslation();
  const { posts, loading } = useDemandPosts();
  const options = postOptions(posts, i18n.language);
  return (
    <Select<string[], PostOption>
      id={id}
      mode="multiple"
      data-testid="specialty-posts"
      aria-label={t('groups.specialties.fields.posts')}
      placeholder={t('groups.specialties.fields.postsPlaceholder')}
      style={{ width: '100%' }}
      value={value ?? []}
      loading={loading}
      allowClear
      showSearch={{
        filterOption: matchesPostOption,
      }}
      onChange={(next) => onChange?.(next)}
      options={options}
      optionRender={(option) => (
        <div data-testid={`specialty-posts-option-${String(option.value)}`}>
          <div>{option.data.label}</div>
          {option.data.secondary && <div style={{ fontSize: 12, opacity: 0.65 }}>{option.data.secondary}</div>}
        </div>
      )}
    />
  );
}
