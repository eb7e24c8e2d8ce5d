/**
 * True when making `parentId` the parent of `departmentId` would close a loop in the department tree (the new
 * parent is the department itself or one of its descendants). `parents` maps every department to its parent.
 */
export function departmentCycle(
  parents: ReadonlyMap<string, string | null>,
  departmentId: string,
  parentId: string | null,
): boolean {
  const visited = new Set<string>();
  for (let current = parentId; current !== null; current = parents.get(current) ?? null) {
    if (current === departmentId || visited.has(current)) return true;
    visited.add(current);
  }
  return false;
}
