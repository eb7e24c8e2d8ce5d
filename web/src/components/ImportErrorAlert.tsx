import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/api-error.js';
import { fieldLabel, translateError } from '../i18n/translate-error.js';
import { locatedProblems, type Located } from './located-problems.js';

/** Codes whose details locate the problem in the file (file, line, field, reason), one or a list (`errors`). */
const FILE_PROBLEM_CODES: readonly string[] = ['IMPORT_FAILED', 'ROSTER_FILE_INVALID'];

/** How many located problems a list shows; the rest are counted. */
const MAX_LISTED = 50;

/**
 * A file problem: where it is (file, line, field) in the person's language, and the importer's own reason, which is
 * worded in English, labelled as such on a Chinese page. Several problems are a list. Anything else in the person's
 * language.
 */
export function ImportErrorAlert({
  error,
  testId,
  failedTitle,
}: {
  error: unknown;
  testId: string;
  /** The title over a file problem (default: 导入失败). */
  failedTitle?: string;
}) {
  const { t } = useTranslation();
  if (!(isApiError(error) && FILE_PROBLEM_CODES.includes(error.code))) {
    return (
      <Alert type="error" showIcon data-testid={testId} style={{ marginBottom: 16 }} title={translateError(t, error)} />
    );
  }
  const problems = locatedProblems(error.details);
  const where = (problem: Located) =>
    t('importErrors.where', {
      file: problem.file,
      line: problem.line,
      field:
        problem.field !== null && problem.field !== '(file)'
          ? fieldLabel(t, problem.field)
          : t('importErrors.wholeFile'),
    });
  return (
    <Alert
      type="error"
      showIcon
      data-testid={testId}
      style={{ marginBottom: 16 }}
      title={failedTitle ?? t('demand.imports.failed')}
      description={
        problems.length > 1 ? (
          <ol
            data-testid={`${testId}-list`}
            style={{ margin: 0, paddingInlineStart: 20, maxHeight: 320, overflow: 'auto' }}
          >
            {problems.slice(0, MAX_LISTED).map((problem, index) => (
              <li key={index} data-testid={`${testId}-where`}>
                <div>{where(problem)}</div>
                {problem.reason && (
                  <Typography.Text
                    code
                    style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}
                    data-user-data="server"
                  >
                    {problem.reason}
                  </Typography.Text>
                )}
              </li>
            ))}
            {problems.length > MAX_LISTED && <li>{t('importErrors.more', { count: problems.length - MAX_LISTED })}</li>}
            {error.details.truncated === true && problems.length <= MAX_LISTED && (
              <li>{t('importErrors.truncated')}</li>
            )}
          </ol>
        ) : (
          <>
            {problems[0] && <div data-testid={`${testId}-where`}>{where(problems[0])}</div>}
            <Typography.Text type="secondary">{t('importErrors.reason')}</Typography.Text>
            <Typography.Text code style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }} data-user-data="server">
              {problems[0]?.reason ?? (typeof error.details.detail === 'string' ? error.details.detail : error.message)}
            </Typography.Text>
          </>
        )
      }
    />
  );
}
