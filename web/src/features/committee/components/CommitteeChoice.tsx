import { Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommitteeChoiceListDto } from '../../../api/contracts.js';
import { pickName } from '../../../i18n/pick-name.js';
import { listCommitteeChoices } from '../api/committee-api.js';

type Choices = CommitteeChoiceListDto['items'];

/**
 * Which steering committee a director puts a matter before: nothing to choose while the platform has one (the
 * server takes it); with several, the director picks one (`chosen` stays undefined until then).
 */
export function useCommitteeChoice(organisationId: string | null, enabled: boolean) {
  const [choices, setChoices] = useState<Choices>([]);
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  useEffect(() => {
    if (!enabled || !organisationId) return;
    const controller = new AbortController();
    listCommitteeChoices(organisationId, controller.signal)
      .then((list) => setChoices(list.items))
      .catch(() => setChoices([])); // the server names the problem when the director submits
    return () => controller.abort();
  }, [organisationId, enabled]);
  const needed = choices.length > 1;
  return {
    choices,
    chosen,
    setChosen,
    /** Ready to submit: one committee, or one chosen among several. */
    ready: !needed || chosen !== undefined,
    /** The request body's committee (undefined: the server takes the only one). */
    committeeId: needed ? chosen : undefined,
  };
}

/** The picker shown in the submit confirmation when there is more than one committee. */
export function CommitteeChoiceSelect({ choice }: { choice: ReturnType<typeof useCommitteeChoice> }) {
  const { t, i18n } = useTranslation();
  if (choice.choices.length <= 1) return null;
  return (
    <div style={{ marginTop: 8 }}>
      <Typography.Text type="secondary">{t('vote.chooseCommittee')}</Typography.Text>
      <Select
        style={{ display: 'block', marginTop: 4, minWidth: 240 }}
        value={choice.chosen}
        onChange={choice.setChosen}
        placeholder={t('vote.chooseCommitteePlaceholder')}
        data-testid="committee-choice"
        options={choice.choices.map((item) => ({
          value: item.id,
          label: pickName(item.nameZh, item.nameEn, i18n.language),
        }))}
      />
    </div>
  );
}
