/**
 * 尾数误差 (rounding tolerance). Disclosures print amounts converted from 元 and rounded to the
 * printed precision (usually 万元 with 2 decimals), so each printed figure is within half a unit of
 * its last digit (0.005 万元) of the exact value. A sum of n printed terms compared with a printed
 * total can therefore be off by less than (n + 1) half-units: at most floor(n / 2) units of the last
 * digit (n = 1: exact; n = 2 or 3: 0.01; n = 7: 0.03). Printed zeros are not counted as terms: in
 * practice they are exact, and counting them would let a wrong non-zero figure hide. Within this tolerance a difference is reported
 * as `info` (rounding); beyond it as an error.
 */
export const ROUNDING_TOLERANCE_NAME = '尾数误差 rounding tolerance';

/** Fen in one unit of the last printed digit, e.g. 0.01 万元 = 10,000 fen. */
export function lastDigitFen(unit: '元' | '万元', decimals: number): number {
  const perUnit = unit === '万元' ? 1_000_000 : 100;
  return Math.max(1, Math.round(perUnit / 10 ** decimals));
}

/** Largest difference explainable by rounding when `terms` printed figures are summed and compared with one printed total. */
export function roundingTolerance(terms: number, unit: '元' | '万元', decimals: number): number {
  return Math.floor(Math.max(terms, 1) / 2) * lastDigitFen(unit, decimals);
}

/** Percentages: one unit in the last printed digit (truncation as well as rounding is common). */
export function percentTolerance(printedDecimals: number): number {
  return 10 ** -printedDecimals;
}
