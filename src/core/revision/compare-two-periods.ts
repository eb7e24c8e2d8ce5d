import { erfc } from '../demand/trend-test.js';

/** How a share changed between two periods, and how sure we are that it did. */
export interface TwoPeriodTest {
  /** Two-sided p-value of "the share is the same in both periods". */
  readonly p: number;
  /** Cohen's h, 2·asin√p₂ − 2·asin√p₁: the effect size of a difference of proportions (0.2 small, 0.5 medium). */
  readonly h: number;
  /**
   * Fisher's exact test when an expected cell count is below 5, the pooled two-proportion z-test otherwise, or the
   * Cochran–Mantel–Haenszel test over posts (`compareStratified`).
   */
  readonly method: 'fisher' | 'z' | 'cmh';
}

/**
 * Tests whether `a` of `n` postings in the earlier period and `b` of `m` in the later one differ in share.
 * Fisher's exact test (two-sided, summing every table at most as probable as the observed one) where the
 * normal approximation is poor; the two-proportion z-test elsewhere (it is the Cochran–Armitage test with two
 * groups). An undefined test (a period without postings, or no variation at all) has p = 1.
 */
export function compareTwoPeriods(a: number, n: number, b: number, m: number): TwoPeriodTest {
  if (!(a >= 0 && b >= 0 && a <= n && b <= m) || ![a, n, b, m].every(Number.isInteger)) {
    throw new RangeError(`need 0 ≤ a ≤ n and 0 ≤ b ≤ m in whole numbers, got ${a}/${n} and ${b}/${m}`);
  }
  if (n === 0 || m === 0) return { p: 1, h: 0, method: 'z' };
  const h = 2 * Math.asin(Math.sqrt(b / m)) - 2 * Math.asin(Math.sqrt(a / n));
  const successes = a + b;
  const total = n + m;
  if (successes === 0 || successes === total) return { p: 1, h, method: 'z' };
  const expectedSmallest = Math.min(
    (n * successes) / total,
    (m * successes) / total,
    (n * (total - successes)) / total,
    (m * (total - successes)) / total,
  );
  if (expectedSmallest < 5) return { p: fisherExactTwoSided(a, n, b, m), h, method: 'fisher' };
  const pooled = successes / total;
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n + 1 / m));
  const z = (b / m - a / n) / se;
  return { p: Math.min(1, erfc(Math.abs(z) / Math.SQRT2)), h, method: 'z' };
}

/**
 * Fisher's exact test of the 2×2 table [[a, n−a], [b, m−b]], two-sided: the sum of the hypergeometric
 * probabilities of every table with the same margins that is no more probable than the observed one
 * (with a relative tolerance of 1e-7, as R's fisher.test).
 */
export function fisherExactTwoSided(a: number, n: number, b: number, m: number): number {
  const k = a + b;
  const low = Math.max(0, k - m);
  const high = Math.min(k, n);
  const logDenominator = logChoose(n + m, k);
  const logProbability = (x: number) => logChoose(n, x) + logChoose(m, k - x) - logDenominator;
  const observed = logProbability(a);
  const threshold = observed + Math.log1p(1e-7);
  let p = 0;
  for (let x = low; x <= high; x += 1) {
    const logP = logProbability(x);
    if (logP <= threshold) p += Math.exp(logP);
  }
  return Math.min(1, p);
}

function logChoose(n: number, k: number): number {
  return logFactorial(n) - logFactorial(k) - logFactorial(n - k);
}

const SMALL_LOG_FACTORIALS: number[] = [0];
for (let i = 1; i <= 256; i += 1) SMALL_LOG_FACTORIALS.push(SMALL_LOG_FACTORIALS[i - 1]! + Math.log(i));

/** ln(n!) exactly by summation up to 256, by Stirling's series beyond (error far below 1e-12 there). */
export function logFactorial(n: number): number {
  if (n <= 256) return SMALL_LOG_FACTORIALS[n]!;
  const x = n + 1;
  return (
    (x - 0.5) * Math.log(x) -
    x +
    0.5 * Math.log(2 * Math.PI) +
    1 / (12 * x) -
    1 / (360 * x ** 3) +
    1 / (1260 * x ** 5) -
    1 / (1680 * x ** 7)
  );
}

/** One stratum (a post) of a stratified comparison: `a` of `n` postings before, `b` of `m` after. */
export interface Stratum {
  readonly a: number;
  readonly n: number;
  readonly b: number;
  readonly m: number;
}

/**
 * Whether a share changed *within* strata (posts), whatever happened to the strata's sizes: the
 * Cochran–Mantel–Haenszel test over the 2×2 tables of the strata (two-sided, normal form, no continuity
 * correction — as the unstratified z-test). A competency whose share of every post is stable but whose posts
 * shrank is no change of demand for it. The effect size is Cohen's h between the earlier shares weighted by the
 * later period's post mix (direct standardisation) and the later share, so both sides describe the same mix.
 */
export function compareStratified(strata: readonly Stratum[]): TwoPeriodTest & { z: number } {
  let deviation = 0;
  let variance = 0;
  let laterTotal = 0;
  for (const { a, n, b, m } of strata) {
    if (!(a >= 0 && b >= 0 && a <= n && b <= m))
      throw new RangeError(`need 0 ≤ a ≤ n and 0 ≤ b ≤ m, got ${a}/${n}, ${b}/${m}`);
    laterTotal += m;
    const total = n + m;
    if (n === 0 || m === 0 || total < 2) continue;
    const mentions = a + b;
    deviation += b - (m * mentions) / total;
    variance += (n * m * mentions * (total - mentions)) / (total * total * (total - 1));
  }
  let standardisedBefore = 0;
  let after = 0;
  let covered = 0;
  for (const { a, n, b, m } of strata) {
    if (n === 0 || m === 0) continue;
    standardisedBefore += (m / laterTotal) * (a / n);
    after += b / laterTotal;
    covered += m / laterTotal;
  }
  const h =
    covered > 0
      ? 2 * Math.asin(Math.sqrt(after / covered)) - 2 * Math.asin(Math.sqrt(standardisedBefore / covered))
      : 0;
  if (!(variance > 0)) return { p: 1, h, z: 0, method: 'cmh' };
  const z = deviation / Math.sqrt(variance);
  return { p: Math.min(1, erfc(Math.abs(z) / Math.SQRT2)), h, z, method: 'cmh' };
}
