/** A share (0–1) as a percentage with one decimal: `0.1234` → `12.3%`. */
export function formatShare(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

/** A p- or q-value: three decimals, or scientific notation when smaller than 0.001. */
export function formatProbability(value: number): string {
  if (value === 0) return '0';
  if (value < 0.001) return value.toExponential(1);
  return value.toFixed(3);
}

/** A signed figure with two decimals (`+2.31`, `−0.50`). */
export function formatSigned(value: number, digits = 2): string {
  const fixed = Math.abs(value).toFixed(digits);
  return value > 0 ? `+${fixed}` : value < 0 ? `−${fixed}` : fixed;
}

/** A whole number from the URL, or undefined when absent or not one. */
export function integerParam(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  return Number.isInteger(parsed) ? parsed : undefined;
}

/** The province and city of a posting or declaration as one place name. */
export function placeName(province: string | null, city: string | null): string | null {
  if (province && city) return province === city ? province : `${province} ${city}`;
  return province ?? city ?? null;
}
