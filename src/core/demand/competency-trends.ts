import { benjaminiHochberg, cochranArmitage } from './trend-test.js';

export interface CompetencyYearCounts {
  readonly key: string;
  /** Postings mentioning the competency, aligned with `years`. */
  readonly counts: readonly number[];
}

export interface CompetencyTrendFigure {
  readonly key: string;
  readonly counts: readonly number[];
  readonly shares: readonly number[];
  /** (last share − first share) × 100, over the years that have postings. */
  readonly changePoints: number;
  readonly z: number;
  readonly p: number;
  readonly q: number;
  readonly significant: boolean;
}

export interface CompetencyTrendReport {
  readonly tested: number;
  readonly rising: CompetencyTrendFigure[];
  readonly falling: CompetencyTrendFigure[];
}

export interface TrendOptions {
  /** False-discovery rate for Benjamini–Hochberg. */
  readonly fdr: number;
  /** Competencies mentioned by fewer postings over all years are not tested (too little evidence). */
  readonly minPostings: number;
  /** At most this many rising and this many falling. */
  readonly limit: number;
}

/**
 * Which competencies' share of postings rises or falls over the years, with a Cochran–Armitage test per
 * competency and Benjamini–Hochberg control of the false-discovery rate over all competencies tested. Rising and
 * falling lists hold significant trends first (by |z|), then the strongest non-significant ones, so a user sees
 * candidates without mistaking them for findings.
 */
export function competencyTrends(
  years: readonly number[],
  totals: readonly number[],
  rows: readonly CompetencyYearCounts[],
  options: TrendOptions,
): CompetencyTrendReport {
  if (years.length !== totals.length) throw new RangeError('years and totals must have the same length');
  const tested = rows.filter((row) => row.counts.reduce((sum, value) => sum + value, 0) >= options.minPostings);
  const statistics = tested.map((row) => cochranArmitage(row.counts, totals, years));
  const q = benjaminiHochberg(statistics.map((statistic) => statistic.p));
  const firstYear = totals.findIndex((total) => total > 0);
  const lastYear = totals.length - 1 - [...totals].reverse().findIndex((total) => total > 0);
  const figures: CompetencyTrendFigure[] = tested.map((row, index) => {
    const shares = row.counts.map((count, year) => (totals[year]! > 0 ? count / totals[year]! : 0));
    const changePoints = firstYear >= 0 && lastYear >= 0 ? (shares[lastYear]! - shares[firstYear]!) * 100 : 0;
    const statistic = statistics[index]!;
    return {
      key: row.key,
      counts: row.counts,
      shares,
      changePoints,
      z: statistic.z,
      p: statistic.p,
      q: q[index]!,
      significant: q[index]! <= options.fdr && statistic.z !== 0,
    };
  });
  const byStrength = (a: CompetencyTrendFigure, b: CompetencyTrendFigure) =>
    Number(b.significant) - Number(a.significant) || Math.abs(b.z) - Math.abs(a.z) || a.key.localeCompare(b.key);
  return {
    tested: tested.length,
    rising: figures
      .filter((figure) => figure.z > 0)
      .sort(byStrength)
      .slice(0, options.limit),
    falling: figures
      .filter((figure) => figure.z < 0)
      .sort(byStrength)
      .slice(0, options.limit),
  };
}
