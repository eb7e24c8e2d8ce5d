/**
 * Valid BIO for one layer: anything but `B`/`I` becomes `O`, and an `I` that does not follow `B` or `I` becomes `B`.
 */
export function repairBio(tags: readonly string[]): string[] {
  const repaired: string[] = [];
  for (const tag of tags) {
    const previous = repaired.at(-1);
    if (tag === 'I') repaired.push(previous === 'B' || previous === 'I' ? 'I' : 'B');
    else repaired.push(tag === 'B' ? 'B' : 'O');
  }
  return repaired;
}
