import { Flex, Select, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompetencySummary } from '../../../api/contracts.js';
import { searchCompetencies } from '../api/taxonomy-api.js';
import { labelsInOrder } from '../bilingual.js';

const SUGGESTIONS = 20;
const TYPING_PAUSE_MS = 250;

/**
 * Find a competency of the version by label or alias and hand it over; `taken` ones cannot be picked again.
 * Worded for adding a requirement unless `ariaLabel` and `placeholder` say otherwise.
 */
export function CompetencyPicker({
  versionId,
  taken,
  onPick,
  testId,
  id,
  ariaLabel,
  placeholder,
}: {
  versionId: string;
  taken: ReadonlySet<string>;
  onPick: (competency: CompetencySummary) => void;
  testId?: string;
  id?: string;
  ariaLabel?: string;
  placeholder?: string;
}) {
  const { t, i18n } = useTranslation();
  const [text, setText] = useState('');
  const [options, setOptions] = useState<CompetencySummary[]>([]);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    const q = text.trim();
    if (q === '') {
      setOptions([]);
      return;
    }
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      setLoading(true);
      searchCompetencies(versionId, { q, limit: SUGGESTIONS, offset: 0 }, controller.signal).then(
        (page) => {
          setOptions(page.items);
          setLoading(false);
        },
        () => {
          if (!controller.signal.aborted) setLoading(false);
        },
      );
    }, TYPING_PAUSE_MS);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [text, versionId]);

  return (
    <Select<string>
      id={id}
      data-testid={testId}
      aria-label={ariaLabel ?? t('taxonomy.requirementsEditor.add')}
      style={{ width: 420, maxWidth: '100%' }}
      placeholder={placeholder ?? t('taxonomy.requirementsEditor.addPlaceholder')}
      value={null}
      showSearch={{ filterOption: false, onSearch: setText, searchValue: text }}
      notFoundContent={loading ? <Spin size="small" /> : null}
      onSelect={(id) => {
        const picked = options.find((option) => option.id === id);
        if (picked) onPick(picked);
        setText('');
      }}
      options={options.map((competency) => {
        const [primary, secondary] = labelsInOrder(competency.labelZh, competency.labelEn, i18n.language);
        const already = taken.has(competency.id);
        return {
          value: competency.id,
          'data-testid': testId ? `${testId}-option-${competency.id}` : undefined,
          disabled: already,
          title: primary || competency.id,
          label: (
            <Flex vertical>
              <span>
                {primary || competency.id}
                {already && (
                  <Typography.Text type="secondary"> · {t('taxonomy.requirementsEditor.duplicate')}</Typography.Text>
                )}
              </span>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {[secondary, competency.matched !== primary ? competency.matched : null, competency.id]
                  .filter(Boolean)
                  .join(' · ')}
              </Typography.Text>
            </Flex>
          ),
        };
      })}
    />
  );
}
