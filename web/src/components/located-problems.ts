/** A problem the importer located in the file. */
export interface Located {
  file: string;
  line: number;
  field: string | null;
  reason: string | null;
}

function located(value: unknown): Located | null {
  if (typeof value !== 'object' || value === null) return null;
  const { file, line, field, reason } = value as Record<string, unknown>;
  if (typeof file !== 'string' || typeof line !== 'number') return null;
  return {
    file,
    line,
    field: typeof field === 'string' ? field : null,
    reason: typeof reason === 'string' ? reason : null,
  };
}

/**
 * The located problems of an error: the list an importer that collects every problem sends (`details.problems`,
 * or `details.errors`), else the details themselves.
 */
export function locatedProblems(details: Record<string, unknown>): Located[] {
  const many = Array.isArray(details.problems)
    ? details.problems
    : Array.isArray(details.errors)
      ? details.errors
      : null;
  const list = many ? many.map(located) : [located(details)];
  return list.filter((problem): problem is Located => problem !== null);
}
