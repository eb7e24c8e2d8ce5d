import { pointsAttribute, sparklinePoints } from '../sparkline-points.js';

const WIDTH = 84;
const HEIGHT = 24;

/** A share's yearly series as a tiny line (inline SVG: no chart library for a table cell). */
export function Sparkline({
  series,
  colour,
  label,
}: {
  series: readonly { year: number; share: number }[];
  colour: string;
  label: string;
}) {
  const points = sparklinePoints(series, WIDTH, HEIGHT);
  const last = points.at(-1);
  return (
    <svg width={WIDTH} height={HEIGHT} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={label}>
      <title>{label}</title>
      <line x1={2} x2={WIDTH - 2} y1={HEIGHT - 2} y2={HEIGHT - 2} stroke="#d9d9d9" strokeWidth={1} />
      {points.length > 1 && <polyline points={pointsAttribute(points)} fill="none" stroke={colour} strokeWidth={1.5} />}
      {last && <circle cx={last.x} cy={last.y} r={2} fill={colour} />}
    </svg>
  );
}
