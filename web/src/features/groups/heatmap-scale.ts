/** One heatmap cell: column, row, and the value (`'-'` for a cell left blank). */
export type HeatmapCell = [number, number, number | '-'];

/**
 * The cells of a square similarity matrix for an ECharts heatmap, with the diagonal (every post's similarity to
 * itself, always 1) left blank, and the colour range of the off-diagonal values: the scale starts and ends at the
 * data, so the differences between pairs show instead of a pale square under a dark diagonal.
 */
export function similarityHeatmap(values: readonly (readonly number[])[]): {
  cells: HeatmapCell[];
  min: number;
  max: number;
} {
  const cells: HeatmapCell[] = [];
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  values.forEach((row, y) =>
    row.forEach((value, x) => {
      if (x === y) {
        cells.push([x, y, '-']);
        return;
      }
      cells.push([x, y, value]);
      min = Math.min(min, value);
      max = Math.max(max, value);
    }),
  );
  if (min > max) return { cells, min: 0, max: 1 };
  // A flat matrix still needs a range for the colour scale.
  if (max - min < 1e-9) return { cells, min: Math.max(0, min - 0.01), max: max + 0.01 };
  return { cells, min, max };
}
