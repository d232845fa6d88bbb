import { parseAmount } from '../model/index.js';
import type { MoneyUnit } from '../model/index.js';
import type { ClaimAmount, ClaimPercent } from '../model/index.js';

/** Full-width digits and punctuation as printed in prose → half-width. */
const FULL_WIDTH = /[０-９．，－％]/;
const FULL_WIDTH_ALL = /[０-９．，－％]/g;

export function halfWidth(s: string): string {
  if (!FULL_WIDTH.test(s)) return s;
  return s.replace(FULL_WIDTH_ALL, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/**
 * An amount in prose: 「3,390.78万元」, 「959.51 万元」, 「0万元」, 「约200万元」, 「642.6万」, 「1.2亿元」. Only
 * money is an amount (元/万元/亿元): areas, lengths and counts are not. Not followed by 以上/以下, with or
 * without 「（含）」 (「单价100万元（含）以上设备」 is a threshold, not an amount).
 */
export const AMOUNT_SOURCE = String.raw`(约)?\s*(?<![\d.,])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(亿元|万元|万(?![元亿])|元)(?!\s*(?:[（(]\s*含\s*[)）]\s*)?(?:以上|以下|以内))`;

export function amountRegex(flags = 'g'): RegExp {
  return new RegExp(AMOUNT_SOURCE, flags);
}

/** A percent: 「24.2%」, 「100%」, 「5.00%」. */
export const PERCENT_SOURCE = String.raw`(\d+(?:\.\d+)?)\s*[%％]`;

/** 「--」, 「--%」, 「-%」, 「—」 with an optional 「（基数为0，不可比）」: a percent that is not computable. */
export const NOT_COMPARABLE_SOURCE = String.raw`(?:[-—–－─]{1,2}\s*[%％]?\s*(?:[（(〔]?基数为0[，,、]?\s*不可比[)）〕]?)?|[（(〔]?基数为0[，,、]?\s*不可比[)）〕]?|不可比)`;

export function toAmount(number: string, unitWord: string, approximate: boolean): ClaimAmount | undefined {
  const unit: MoneyUnit = unitWord === '元' ? '元' : '万元';
  try {
    const a = parseAmount(number, unit, { file: '' });
    // 亿元: held in 万元. A figure printed in 亿元 is rounded far more coarsely than any table prints
    // (0.1亿元 = 1,000万元), so it is kept as approximate: never compared exactly.
    if (unitWord === '亿元') return { fen: a.fen * 10_000, raw: `${number}${unitWord}`, unit, decimals: 0, approximate: true };
    const amount: ClaimAmount = { fen: a.fen, raw: `${number}${unitWord}`, unit, decimals: a.decimals };
    if (approximate) amount.approximate = true;
    return amount;
  } catch {
    return undefined;
  }
}

export function toPercent(number: string, raw: string): ClaimPercent {
  const decimals = number.includes('.') ? number.split('.')[1]!.length : 0;
  return { value: Number(number), raw: raw.replace(/\s+/g, ''), decimals };
}

/** An amount anywhere in `text` (not global: no state between calls). */
const ANY_AMOUNT = amountRegex('');

/** True when `text` states an amount. */
export function hasAmount(text: string): boolean {
  return ANY_AMOUNT.test(text);
}

/** The first amount in `text`, with its position. */
export function firstAmount(text: string): { amount: ClaimAmount; index: number; end: number } | undefined {
  const m = ANY_AMOUNT.exec(text);
  if (!m) return undefined;
  const amount = toAmount(m[2]!, m[3]!, m[1] !== undefined);
  return amount ? { amount, index: m.index, end: m.index + m[0].length } : undefined;
}
