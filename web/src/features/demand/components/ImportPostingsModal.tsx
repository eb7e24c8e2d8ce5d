import { Form, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LinkMode, PostingImport } from '../../../api/contracts.js';
import { ImportDialog } from '../../../components/ImportDialog.js';
import { importPostings } from '../api/demand-api.js';

/** The server's upload limit for posting files. */
const UPLOAD_LIMIT_BYTES = 64 * 1024 * 1024;

/**
 * Upload a file of job postings (CSV, JSONL or XLSX). The server checks the whole file before storing anything;
 * a problem is shown located (file, line, field), which is what the person needs to fix the file.
 */
export function ImportPostingsModal({
  open,
  onClose,
  onImported,
}: {
  open: boolean;
  onClose: () => void;
  onImported: (done: PostingImport) => void;
}) {
  const { t } = useTranslation();
  return (
    <ImportDialog<PostingImport, { mode: LinkMode }>
      open={open}
      onClose={onClose}
      onImported={onImported}
      testId="import-postings"
      title={t('demand.imports.title')}
      help={t('demand.imports.help')}
      submitText={t('demand.imports.submit')}
      accept={['.csv', '.jsonl', '.xlsx']}
      maxBytes={UPLOAD_LIMIT_BYTES}
      fileHelp={t('demand.imports.fileHelp')}
      failedTitle={t('demand.imports.failed')}
      initialValues={{ mode: 'exact' }}
      fields={<LinkModeField />}
      upload={(file, { mode }, onProgress) => importPostings(file, { fileName: file.name, mode }, onProgress)}
      summary={(done) =>
        t('demand.imports.done', { file: done.fileName, stored: done.stored, duplicates: done.duplicates })
      }
    />
  );
}

function LinkModeField() {
  const { t } = useTranslation();
  const mode = (Form.useWatch('mode', Form.useFormInstance()) as LinkMode | undefined) ?? 'exact';
  return (
    <Form.Item name="mode" label={t('demand.imports.mode')} extra={t(`demand.link.modeHelp.${mode}`)}>
      <Radio.Group
        data-testid="import-postings-mode"
        options={[
          { value: 'exact', label: t('demand.link.modes.exact') },
          { value: 'full', label: t('demand.link.modes.full') },
        ]}
      />
    </Form.Item>
  );
}
