/**
 * The polyline of a share series inside a `width` × `height` box (SVG coordinates, y down), with `padding` kept
 * free around it. The vertical scale runs from 0 to the series' highest share, so a flat line at a low share
 * stays low and rising and falling lines compare by eye; years are spaced evenly in their order.
 */
export function sparklinePoints(
  series: readonly { year: number; share: number }[],
  width: number,
  height: number,
  padding = 2,
): { x: number; y: number }[] {
  if (series.length === 0) return [];
  const ordered = [...series].sort((a, b) => a.year - b.year);
  const highest = Math.max(...ordered.map((point) => point.share), 0);
  const innerWidth = width - 2 * padding;
  const innerHeight = height - 2 * padding;
  return ordered.map((point, index) => {
    const x = ordered.length === 1 ? width / 2 : padding + (innerWidth * index) / (ordered.length - 1);
    const y = highest > 0 ? padding + innerHeight * (1 - point.share / highest) : height - padding;
    return { x: round(x), y: round(y) };
  });
}

/** `x,y x,y …` for an SVG polyline. */
export function pointsAttribute(points: readonly { x: number; y: number }[]): string {
  return points.map((point) => `${point.x},${point.y}`).join(' ');
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
