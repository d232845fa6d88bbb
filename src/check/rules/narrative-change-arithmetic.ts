import { restatementOf } from '../../narrative/index.js';
import type { Claim, ClaimAmount, ClaimChange } from '../../narrative/index.js';
import { asPrinted, money, percentText, place, sentenceLocation, signedChange } from '../../narrative/format.js';
import { defineRule } from '../rule.js';
import type { RuleContext } from '../rule.js';
import { lastDigitFen, percentTolerance } from '../tolerance.js';

const PERCENT_WORD = { increase: '增长', decrease: '下降', flat: '持平' } as const;

/**
 * How far a percent computed from two printed amounts can be off because the amounts are rounded:
 * each is within half a unit of its last printed digit.
 */
function propagated(claim: Claim, change: ClaimChange, base: number, delta: number): number {
  const half = (a: { unit: '元' | '万元'; decimals: number }) => lastDigitFen(a.unit, a.decimals) / 2;
  const dA = claim.amount ? half(claim.amount) : 0;
  const dD = change.amount ? half(change.amount) : 0;
  const d = Math.abs(delta);
  return 100 * (dD * (1 / base + d / base ** 2) + dA * (d / base ** 2));
}

function check(ctx: RuleContext, claim: Claim, change: ClaimChange): void {
  const where = `${place(claim)}「${claim.subject}」`;
  const whereEn = `line ${claim.at.line} "${claim.subject}"`;
  // (The texts below are built only for a finding.)
  const locations = () => [sentenceLocation(claim)];
  const pct = change.percent;
  const unit = claim.amount?.unit ?? change.amount?.unit ?? '万元';
  const delta = signedChange(change);
  const stated = () => `${claim.amount ? asPrinted(claim.amount) : ''}，比${change.basis || '上年'}${change.words.amount ?? ''}${change.amount ? asPrinted(change.amount) : ''}${pct !== undefined ? `，${change.words.percent ?? ''}${percentText(pct)}` : ''}`;

  // Direction words: 「增加…下降…」 contradict each other.
  if (change.percentDirection && change.direction !== 'flat' && change.percentDirection !== change.direction && delta !== 0 && typeof pct === 'object' && pct.value !== 0) {
    ctx.report({
      message: `${where}${stated()}：金额说「${change.words.amount}」，增减率却说「${change.words.percent}」，方向相反`,
      messageEn: `${whereEn}: the amount says ${change.direction} but the percent says ${change.percentDirection}`,
      locations: locations(),
    });
    return;
  }
  if (change.direction === 'flat' && typeof pct === 'object' && pct.value !== 0) {
    ctx.report({
      message: `${where}${stated()}：说持平（增减为 0），增减率却为 ${pct.raw}`,
      messageEn: `${whereEn}: stated as unchanged, yet the percent is ${pct.raw}`,
      locations: locations(),
    });
    return;
  }
  if (!claim.amount || delta === undefined || change.amount?.approximate) return;
  const amountFen = claim.amount.fen;
  const base = amountFen - delta;
  const prior = () => `上年数（${money(amountFen, unit)} ${delta >= 0 ? '−' : '+'} ${money(Math.abs(delta), unit)}）= ${money(base, unit)}`;
  const priorEn = () => `the implied base (${money(amountFen, unit)} ${delta >= 0 ? '−' : '+'} ${money(Math.abs(delta), unit)}) = ${money(base, unit)}`;
  if (base < 0) {
    ctx.report({
      message: `${where}${stated()}：推得${prior()}${unit}，为负数，金额或增减额有误`,
      messageEn: `${whereEn}: ${priorEn()} ${unit} is negative; the amount or the change is wrong`,
      expected: 0,
      actual: base,
      difference: base,
      unit,
      locations: locations(),
    });
    return;
  }
  if (pct === undefined) return;
  if (base === 0) {
    if (pct === 'not-comparable') return;
    if (delta === 0 && pct.value === 0) {
      ctx.report({
        severity: 'info',
        message: `${where}${stated()}：上年数为 0，增减率按惯例应写「--（基数为0，不可比）」，写作 ${pct.raw}（0→0，无实质矛盾）`,
        messageEn: `${whereEn}: the base is 0; the percent is customarily printed as "--" (not comparable), here ${pct.raw} (0 to 0, not a contradiction)`,
        locations: locations(),
      });
      return;
    }
    ctx.report({
      message: `${where}${stated()}：推得上年数为 0，增减率不可计算，应为「--（基数为0，不可比）」，说明却为 ${pct.raw}`,
      messageEn: `${whereEn}: the implied base is 0, so the percent cannot be computed, yet ${pct.raw} is printed`,
      locations: locations(),
    });
    return;
  }
  const expected = (100 * Math.abs(delta)) / base;
  if (pct === 'not-comparable') {
    ctx.report({
      message: `${where}${stated()}：${prior()}${unit}，并非 0，增减率可以计算（约 ${expected.toFixed(2)}%），不应写「不可比」`,
      messageEn: `${whereEn}: ${priorEn()} ${unit} is not 0; the percent (about ${expected.toFixed(2)}%) can be computed`,
      locations: locations(),
    });
    return;
  }
  const tolerance = percentTolerance(pct.decimals) + propagated(claim, change, base, delta);
  if (Math.abs(pct.value - expected) > tolerance + 1e-9) {
    const word = delta === 0 ? '增减率' : PERCENT_WORD[delta > 0 ? 'increase' : 'decrease'];
    ctx.report({
      message: `${where}${stated()}：${prior()}${unit}，${word}应为 ${expected.toFixed(Math.max(pct.decimals, 1) + 1)}%，说明为 ${pct.raw}（容许 ±${tolerance.toFixed(2)} 个百分点）`,
      messageEn: `${whereEn}: ${priorEn()} ${unit}; the percent should be ${expected.toFixed(Math.max(pct.decimals, 1) + 1)}%, printed ${pct.raw} (tolerance ±${tolerance.toFixed(2)} points)`,
      locations: locations(),
    });
  }
}

/** 「2025年预算执行数」 and 「2025年当年预算执行数为」 name the same figure: without year, 当年/上年 and 为. */
function baseName(s: string): string {
  return s.replace(/\s+/g, '').replace(/^(?:(?:19|20)\d{2}年度?)/, '').replace(/^(?:当年|上年|全年|本年)/, '').replace(/(?:为|是)$/, '');
}

/**
 * 「2025年当年预算执行数为2149.45万元，2026年预算安排2170.39万元，比2025年预算执行数增加0.97%」: a percent
 * whose basis is a figure stated just before, in the same numbered item or paragraph.
 */
function statedBase(claims: Claim[], at: number, basis: string): Claim | undefined {
  const claim = claims[at]!;
  const name = baseName(basis);
  if (name.length < 2) return undefined;
  for (let i = at - 1; i >= 0 && i >= at - 3; i--) {
    const c = claims[i]!;
    if (c.context === 'reason' || !c.amount || c.amount.approximate) continue;
    if (c.section !== claim.section || c.item !== claim.item || c.sentence !== claim.sentence) continue;
    if (baseName(c.phrase) === name) return c;
  }
  return undefined;
}

/** The percent of `amount` over `base` and the tolerance for a percent printed with `decimals`. */
function percentOver(amount: ClaimAmount, base: ClaimAmount, decimals: number): { expected: number; tolerance: number } {
  const delta = amount.fen - base.fen;
  const hA = lastDigitFen(base.unit, base.decimals) / 2;
  const hB = lastDigitFen(amount.unit, amount.decimals) / 2;
  return { expected: (100 * Math.abs(delta)) / base.fen, tolerance: percentTolerance(decimals) + 100 * (hB / base.fen + (amount.fen * hA) / base.fen ** 2) };
}

function checkAgainstBase(ctx: RuleContext, claim: Claim, change: ClaimChange, base: Claim): void {
  const pct = change.percent;
  if (!claim.amount || !base.amount || typeof pct !== 'object' || base.amount.fen < 0) return;
  const item = restatementOf(claim);
  const name = item ? `「${item.subject}」的「${claim.subject}」` : `「${claim.subject}」`;
  const where = `${place(claim)}${name}${asPrinted(claim.amount)}，比${change.basis}${change.words.percent ?? ''}${pct.raw}`;
  if (base.amount.fen === 0) {
    if (pct.value === 0 && claim.amount.fen === 0) return;
    ctx.report({
      message: `${where}：同句所述「${base.subject}」为 ${asPrinted(base.amount)}，基数为 0，增减率不可计算，应为「--（基数为0，不可比）」`,
      messageEn: `line ${claim.at.line} "${claim.subject}": the base "${base.subject}" stated in the same sentence is 0, so the percent ${pct.raw} cannot be computed`,
      locations: [sentenceLocation(claim)],
    });
    return;
  }
  const delta = claim.amount.fen - base.amount.fen;
  const word = change.percentDirection;
  // Words that contradict the two figures are text/comparison's (「…43269.3万元，…3845.49万元，比…增加17.62%」).
  if (word === undefined || (delta > 0 && word !== 'increase') || (delta < 0 && word !== 'decrease') || (delta === 0 && pct.value !== 0)) return;
  const { expected, tolerance } = percentOver(claim.amount, base.amount, pct.decimals);
  if (Math.abs(pct.value - expected) <= tolerance + 1e-9) return;
  // A restated figure that differs from its item's own (「208.8万元…预算安排201.50万元…增加5.27%」): when the
  // percent is right for the item's figure, the restatement is the slip (narrative/restated-consistently).
  if (item?.amount && item.amount.fen !== claim.amount.fen) {
    const right = percentOver(item.amount, base.amount, pct.decimals);
    if (Math.abs(pct.value - right.expected) <= right.tolerance + 1e-9) return;
  }
  const unit = claim.amount.unit;
  ctx.report({
    message: `${where}；而同句所述「${base.subject}」为 ${asPrinted(base.amount)}，${PERCENT_WORD[word]}应为 ${expected.toFixed(Math.max(pct.decimals, 1) + 1)}%（${money(claim.amount.fen, unit)} 比 ${money(base.amount.fen, base.amount.unit)}，容许 ±${tolerance.toFixed(2)} 个百分点）`,
    messageEn: `line ${claim.at.line} "${claim.subject}" ${asPrinted(claim.amount)} against "${base.subject}" ${asPrinted(base.amount)} stated in the same sentence: the percent should be ${expected.toFixed(Math.max(pct.decimals, 1) + 1)}%, printed ${pct.raw}`,
    locations: [sentenceLocation(claim)],
  });
}

export default defineRule({
  meta: {
    id: 'narrative/change-arithmetic',
    severity: 'error',
    description: { zh: '增减额与增减率应自洽', en: 'Stated changes agree with their own arithmetic' },
    docs:
      '「X万元，比上年增加（减少）D万元，增长（下降）P%」中，上年数 = X ∓ D，增减率 P 应等于 D ÷ 上年数，容许最后一位 ±1 及两个金额各自的尾数误差传递。' +
      '同时检查：金额的增减用语与增减率的用语方向一致（「增加…下降…」为错误）；「持平」即增减额为 0、增减率为 0；推得的上年数不能为负；上年数为 0 时增减率应写「--（基数为0，不可比）」——若写成「增长0%」且增减额也为 0，只作提示（info），若增减额不为 0 或写了非零百分比则为错误；上年数不为 0 却写「不可比」为错误。' +
      '只写增减率、比较的基数就在同一句中写明时（「2025年当年预算执行数为77.99万元，2026年预算安排91.97万元，比2025年预算执行数增加17.66%」），增减率应等于两数之差除以基数（此例应为 17.93%）；用语与两数方向相反的由 text/comparison 报告。' +
      '修正：重新计算增减额和增减率，或改正本年数。' +
      '\nFor 「X, up/down D from last year, P%」 the base is X ∓ D and P must equal D / base within one unit of the last printed digit plus the rounding of the two amounts. Direction words must agree; 「持平」 means 0; the base cannot be negative; a zero base takes 「--（不可比）」 (「0%」 for 0→0 is reported as info). A percent whose base is stated in the same sentence (「执行数为A，预算安排B，比执行数增加P%」) must equal (B − A) / A.',
  },
  check(ctx) {
    const claims = ctx.doc.claims;
    for (const [at, claim] of claims.entries()) {
      if (claim.context === 'reason' || !claim.change) continue;
      check(ctx, claim, claim.change);
      const base = !claim.change.amount && claim.change.basis ? statedBase(claims, at, claim.change.basis) : undefined;
      if (base) checkAgainstBase(ctx, claim, claim.change, base);
    }
  },
});
