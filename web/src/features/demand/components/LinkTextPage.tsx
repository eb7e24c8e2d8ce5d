import { Button, Card, Col, Empty, Flex, Input, InputNumber, Row, Segmented, Statistic, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pickName } from '../../../i18n/pick-name.js';
import type { LinkMode, LinkTextResult } from '../../../api/contracts.js';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert.js';
import { labelsInOrder } from '../../taxonomy/bilingual.js';
import { linkText } from '../api/demand-api.js';
import { GuessedPost } from './GuessedPost.js';
import { EvidenceLegend, HighlightedText, LinkedCompetencyTable, useCompetencyFocus } from './LinkedText.js';

const MAX_TEXT = 100_000;

/**
 * The explanation playground: any text (a posting, a CV, a course outline) → the competencies it mentions, where,
 * how sure, and the post it reads like. `exact` uses the dictionary only; `full` adds implicit mentions.
 */
export function LinkTextPage() {
  const { t, i18n } = useTranslation();
  const [text, setText] = useState(() => t('demand.link.sample'));
  const [mode, setMode] = useState<LinkMode>('full');
  const [top, setTop] = useState(10);
  const [linking, setLinking] = useState(false);
  const [error, setError] = useState<unknown>(null);
  // The text the answer is about: the spans index into it, not into what is being typed now.
  const [answer, setAnswer] = useState<{ text: string; result: LinkTextResult } | null>(null);
  const focus = useCompetencyFocus();

  async function run() {
    setLinking(true);
    setError(null);
    const sent = text;
    try {
      const result = await linkText({ text: sent, mode, top });
      setAnswer({ text: sent, result });
      focus.hover(null);
    } catch (failure) {
      setError(failure);
    } finally {
      setLinking(false);
    }
  }

  const decidedBy = useMemo(() => {
    if (!answer?.result.post) return [];
    const byKey = new Map(answer.result.competencies.map((competency) => [competency.key, competency]));
    return answer.result.post.decidedBy.map((key) => {
      const competency = byKey.get(key);
      return competency
        ? labelsInOrder(competency.labelZh, competency.labelEn, i18n.language)[0] || competency.id
        : key;
    });
  }, [answer, i18n.language]);

  return (
    <Flex vertical gap={16} data-testid="link-text-page">
      <Card>
        <Flex vertical gap={12}>
          <Typography.Text type="secondary">{t('demand.link.help')}</Typography.Text>
          <Input.TextArea
            aria-label={t('demand.link.textLabel')}
            data-testid="link-text-input"
            value={text}
            onChange={(event) => setText(event.target.value)}
            autoSize={{ minRows: 5, maxRows: 16 }}
            maxLength={MAX_TEXT}
            showCount
          />
          <Flex gap={16} wrap align="center">
            <Segmented<LinkMode>
              aria-label={t('demand.link.mode')}
              data-testid="link-mode"
              value={mode}
              onChange={setMode}
              options={[
                { value: 'exact', label: <span data-testid="link-mode-exact">{t('demand.link.modes.exact')}</span> },
                { value: 'full', label: <span data-testid="link-mode-full">{t('demand.link.modes.full')}</span> },
              ]}
            />
            <Flex gap={6} align="center">
              <Typography.Text type="secondary">{t('demand.link.top')}</Typography.Text>
              <InputNumber
                aria-label={t('demand.link.top')}
                min={1}
                max={100}
                value={top}
                onChange={(value) => setTop(value ?? 10)}
                style={{ width: 80 }}
              />
            </Flex>
            <Button
              type="primary"
              data-testid="link-submit"
              loading={linking}
              disabled={text.trim() === ''}
              onClick={() => void run()}
            >
              {t('demand.link.submit')}
            </Button>
          </Flex>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t(`demand.link.modeHelp.${mode}`)}
          </Typography.Text>
        </Flex>
      </Card>
      {error !== null && <ApiErrorAlert error={error} testId="link-error" />}
      {answer ? (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={14}>
            <Card title={t('demand.link.highlighted')} data-testid="link-result">
              <div style={{ marginBottom: 8 }}>
                <EvidenceLegend />
              </div>
              <HighlightedText text={answer.text} competencies={answer.result.competencies} focus={focus} />
              <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8, marginBottom: 0 }}>
                {t('demand.posting.focusHelp')}
              </Typography.Paragraph>
            </Card>
          </Col>
          <Col xs={24} xl={10}>
            <Flex vertical gap={16}>
              <Card title={t('demand.guess.title')}>
                <GuessedPost
                  postId={answer.result.post?.postId ?? null}
                  titleZh={answer.result.post?.titleZh ?? null}
                  titleEn={answer.result.post?.titleEn ?? null}
                  confidence={answer.result.post?.confidence ?? null}
                  decidedBy={decidedBy}
                />
              </Card>
              <Card size="small">
                <Flex gap={24} wrap>
                  <Statistic
                    title={t('demand.link.found')}
                    value={answer.result.competencies.filter((competency) => competency.linked).length}
                  />
                  <Statistic title={t('demand.link.dictionary')} value={answer.result.dictionary.entries} />
                </Flex>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('demand.link.frameworks', {
                    frameworks: answer.result.dictionary.frameworkNames
                      .map((name) => pickName(name.zh, name.en, i18n.language))
                      .join(t('common.listSeparator')),
                  })}
                </Typography.Text>
              </Card>
            </Flex>
          </Col>
          <Col span={24}>
            <Card title={t('demand.link.competencies')}>
              <LinkedCompetencyTable competencies={answer.result.competencies} focus={focus} />
            </Card>
          </Col>
        </Row>
      ) : (
        !linking && (
          <Card>
            <Empty description={t('demand.link.empty')} />
          </Card>
        )
      )}
    </Flex>
  );
}
