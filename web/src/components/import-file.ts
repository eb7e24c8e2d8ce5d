/** Why a picked file cannot be uploaded: not one of the accepted types, or larger than the server takes. */
export type ImportFileProblem = 'type' | 'tooLarge';

/**
 * Checks a picked file against the dialog's accepted extensions (`.csv`, …; case-insensitive) and the server's
 * upload limit, before anything is sent.
 */
export function checkImportFile(
  file: { name: string; size: number },
  accept: readonly string[],
  maxBytes: number,
): ImportFileProblem | null {
  const name = file.name.toLowerCase();
  if (!accept.some((extension) => name.endsWith(extension.toLowerCase()))) return 'type';
  if (file.size > maxBytes) return 'tooLarge';
  return null;
}

const UNITS = ['B', 'KB', 'MB', 'GB'] as const;

/** A byte count as people read it (binary units, at most one decimal): `512 B`, `1.5 KB`, `32 MB`. */
export function formatFileSize(bytes: number): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const rounded = unit === 0 ? Math.round(value) : Math.round(value * 10) / 10;
  return `${rounded} ${UNITS[unit]}`;
}

/** The accepted extensions as a list in the UI language: `.xlsx or .json`, `.xlsx或.json`. */
export function formatAcceptList(accept: readonly string[], language: string): string {
  return new Intl.ListFormat(language, { type: 'disjunction' }).format(accept);
}
