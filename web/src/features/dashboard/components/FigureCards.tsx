import { Card, Col, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { translateDynamic } from '../../../i18n/translate-dynamic.js';

export interface Figure {
  key: string;
  value: number;
  /** The page where the person works on what the figure counts (shown only when they may open it). */
  link?: string | null;
}

/** One card per figure; a key this client has no translation for is shown as it is. */
export function FigureCards({
  figures,
  keyPrefix,
  testId,
  canOpen = () => true,
}: {
  figures: readonly Figure[];
  keyPrefix: string;
  testId?: string;
  canOpen?: (path: string) => boolean;
}) {
  const { t } = useTranslation();
  if (figures.length === 0) return null;
  return (
    <Row gutter={[16, 16]} data-testid={testId}>
      {figures.map((figure) => {
        const statistic = (
          <Statistic title={translateDynamic(t, `${keyPrefix}.${figure.key}`, figure.key)} value={figure.value} />
        );
        return (
          <Col key={figure.key} xs={12} md={8} xl={6}>
            <Card data-testid={`figure-${figure.key}`} hoverable={Boolean(figure.link && canOpen(figure.link))}>
              {figure.link && canOpen(figure.link) ? (
                <Link to={figure.link} style={{ color: 'inherit' }}>
                  {statistic}
                </Link>
              ) : (
                statistic
              )}
            </Card>
          </Col>
        );
      })}
    </Row>
  );
}
