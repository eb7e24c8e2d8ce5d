import { Flex, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UploadProgress } from '../../../api/api-client.js';
import type { FrameworkVersion, ImportResult } from '../../../api/contracts.js';
import { ImportDialog } from '../../../components/ImportDialog.js';
import { fetchFrameworkVersion, importFrameworkFile } from '../api/taxonomy-api.js';
import { importFormatOf, versionName } from '../taxonomy-versions.js';

interface ImportValues {
  key?: string;
  label?: string;
}

/** The server's upload limit for framework files (32 MiB). */
const UPLOAD_LIMIT_BYTES = 32 * 1024 * 1024;
const KEY_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Upload an XLSX workbook or a CASE package as a new draft version (taxonomy releasers). A problem in the file is
 * shown located (file, line, field), which is what the person needs to fix the file.
 */
export function ImportVersionModal({
  open,
  onClose,
  onImported,
}: {
  open: boolean;
  onClose: () => void;
  onImported: (version: FrameworkVersion) => void;
}) {
  const { t, i18n } = useTranslation();

  async function upload(file: File, values: ImportValues, onProgress: UploadProgress) {
    // The dialog accepts only .xlsx and .json, which both have a format.
    const format = importFormatOf(file.name) ?? 'xlsx';
    const key = values.key?.trim();
    const label = values.label?.trim();
    const result = await importFrameworkFile(
      file,
      { format, fileName: file.name, ...(key ? { key } : {}), ...(label ? { label } : {}) },
      onProgress,
    );
    return { result, version: await fetchFrameworkVersion(result.versionId) };
  }

  return (
    <ImportDialog<{ result: ImportResult; version: FrameworkVersion }, ImportValues>
      open={open}
      onClose={onClose}
      onImported={({ version }) => onImported(version)}
      testId="import-version"
      title={t('taxonomy.versions.import.title')}
      help={t('taxonomy.versions.import.help')}
      submitText={t('taxonomy.versions.import.submit')}
      accept={['.xlsx', '.json']}
      maxBytes={UPLOAD_LIMIT_BYTES}
      fileHelp={t('taxonomy.versions.import.fileHelp')}
      failedTitle={t('taxonomy.versions.import.failed')}
      fieldNames={['key', 'label']}
      upload={upload}
      summary={({ result, version }) =>
        t(`taxonomy.versions.import.done.${result.status}`, {
          version: versionName(version, i18n.language),
          competencies: result.counts.competencies,
          posts: result.counts.posts,
          requirements: result.counts.postRequirements,
        })
      }
      fields={
        <Flex gap={12} wrap>
          <Form.Item
            name="key"
            label={t('taxonomy.versions.import.key')}
            extra={t('taxonomy.versions.import.keyHelp')}
            style={{ flex: '1 1 200px' }}
            rules={[{ pattern: KEY_PATTERN, message: t('taxonomy.versions.import.keyPattern') }]}
          >
            <Input maxLength={80} placeholder="college-edit" data-testid="import-version-key" />
          </Form.Item>
          <Form.Item
            name="label"
            label={t('taxonomy.versions.import.label')}
            extra={t('taxonomy.versions.import.labelHelp')}
            style={{ flex: '1 1 160px' }}
          >
            <Input maxLength={40} placeholder="2026.2" data-testid="import-version-label" />
          </Form.Item>
        </Flex>
      }
    />
  );
}
