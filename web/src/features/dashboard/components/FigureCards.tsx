import { Card, Col, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { translateDynamic } from '../../../i18n/translate-dynamic.js';

export interface Figure {
  key: string;
  value: number;
}

/** One card per figure; a key this client has no translation for is shown as it is. */
export function FigureCards({
  figures,
  keyPrefix,
  testId,
}: {
  figures: readonly Figure[];
  keyPrefix: string;
  testId?: string;
}) {
  const { t } = useTranslation();
  if (figures.length === 0) return null;
  return (
    <Row gutter={[16, 16]} data-testid={testId}>
      {figures.map((figure) => (
        <Col key={figure.key} xs={12} md={8} xl={6}>
          <Card data-testid={`figure-${figure.key}`}>
            <Statistic title={translateDynamic(t, `${keyPrefix}.${figure.key}`, figure.key)} value={figure.value} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}
