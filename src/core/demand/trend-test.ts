/**
 * Statistics for "is this competency's share of postings rising or falling?": the Cochran–Armitage test for a
 * linear trend in proportions across ordered groups (years), and the Benjamini–Hochberg adjustment when many
 * competencies are tested at once. Pure functions.
 */

export interface TrendStatistic {
  /** Positive: the share rises with the score (year); negative: it falls. 0 when the test is undefined. */
  readonly z: number;
  /** Two-sided p-value (1 when undefined: no variation in totals or a share of 0 or 1 everywhere). */
  readonly p: number;
}

/**
 * Cochran–Armitage test of trend. `successes[i]` of `totals[i]` postings in group i mention the competency;
 * `scores[i]` orders the groups (e.g. the year). Groups with a total of 0 contribute nothing.
 */
export function cochranArmitage(
  successes: readonly number[],
  totals: readonly number[],
  scores: readonly number[],
): TrendStatistic {
  if (successes.length !== totals.length || totals.length !== scores.length) {
    throw new RangeError('successes, totals and scores must have the same length');
  }
  let n = 0;
  let r = 0;
  for (let i = 0; i < totals.length; i += 1) {
    const total = totals[i]!;
    const success = successes[i]!;
    if (total < 0 || success < 0 || success > total) throw new RangeError(`group ${i}: need 0 ≤ successes ≤ totals`);
    n += total;
    r += success;
  }
  if (n === 0 || r === 0 || r === n) return { z: 0, p: 1 };
  const pBar = r / n;
  let meanScore = 0;
  for (let i = 0; i < totals.length; i += 1) meanScore += totals[i]! * scores[i]!;
  meanScore /= n;
  let statistic = 0;
  let sumSquares = 0;
  for (let i = 0; i < totals.length; i += 1) {
    const centred = scores[i]! - meanScore;
    statistic += centred * (successes[i]! - totals[i]! * pBar);
    sumSquares += totals[i]! * centred * centred;
  }
  const variance = pBar * (1 - pBar) * sumSquares;
  if (!(variance > 0)) return { z: 0, p: 1 };
  const z = statistic / Math.sqrt(variance);
  return { z, p: Math.min(1, erfc(Math.abs(z) / Math.SQRT2)) };
}

/** Benjamini–Hochberg adjusted p-values (q-values), in the input order. */
export function benjaminiHochberg(pValues: readonly number[]): number[] {
  const m = pValues.length;
  const order = pValues.map((p, index) => ({ p, index })).sort((a, b) => a.p - b.p || a.index - b.index);
  const q = new Array<number>(m);
  let running = 1;
  for (let rank = m; rank >= 1; rank -= 1) {
    const { p, index } = order[rank - 1]!;
    running = Math.min(running, (p * m) / rank);
    q[index] = running;
  }
  return q;
}

/**
 * The complementary error function, erfc(x) = 1 − erf(x), with relative error below 1.2e-7 everywhere
 * (Chebyshev fit from Numerical Recipes, 3rd ed., §6.2.2).
 */
export function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 2 / (2 + z);
  const ty = 4 * t - 2;
  const coefficients = [
    -1.3026537197817094, 6.419697923564902e-1, 1.9476473204185836e-2, -9.56151478680863e-3, -9.46595344482036e-4,
    3.66839497852761e-4, 4.2523324806907e-5, -2.0278578112534e-5, -1.624290004647e-6, 1.30365583558e-6, 1.5626441722e-8,
    -8.5238095915e-8, 6.529054439e-9, 5.059343495e-9, -9.91364156e-10, -2.27365122e-10, 9.6467911e-11, 2.394038e-12,
    -6.886027e-12, 8.94487e-13, 3.13092e-13, -1.12708e-13, 3.81e-16, 7.106e-15, -1.523e-15, -9.4e-17, 1.21e-16,
    -2.8e-17,
  ];
  let d = 0;
  let dd = 0;
  for (let j = coefficients.length - 1; j > 0; j -= 1) {
    const previous = d;
    d = ty * d - dd + coefficients[j]!;
    dd = previous;
  }
  const result = t * Math.exp(-z * z + 0.5 * (coefficients[0]! + ty * d) - dd);
  return x >= 0 ? result : 2 - result;
}
