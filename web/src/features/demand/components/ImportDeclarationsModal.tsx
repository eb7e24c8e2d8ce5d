import { useTranslation } from 'react-i18next';
import type { DeclarationImportResult } from '../../../api/contracts.js';
import { ImportDialog } from '../../../components/ImportDialog.js';
import { importDeclarations } from '../api/demand-api.js';

/** The server's upload limit for declaration files. */
const UPLOAD_LIMIT_BYTES = 64 * 1024 * 1024;

/** Import many declarations from an XLSX or CSV file, all or nothing (enterprise admins). */
export function ImportDeclarationsModal({
  open,
  organisationId,
  onClose,
  onImported,
}: {
  open: boolean;
  organisationId: string;
  onClose: () => void;
  onImported: () => void;
}) {
  const { t } = useTranslation();
  return (
    <ImportDialog<DeclarationImportResult>
      open={open}
      onClose={onClose}
      onImported={onImported}
      testId="declaration-import"
      title={t('demand.declarations.import.title')}
      help={t('demand.declarations.import.help')}
      submitText={t('demand.declarations.import.submit')}
      accept={['.xlsx', '.csv']}
      maxBytes={UPLOAD_LIMIT_BYTES}
      fileHelp={t('demand.declarations.import.fileHelp')}
      failedTitle={t('demand.imports.failed')}
      upload={(file, _values, onProgress) => importDeclarations(organisationId, file, onProgress)}
      summary={(result) => t('demand.declarations.import.done', { created: result.created })}
    />
  );
}
