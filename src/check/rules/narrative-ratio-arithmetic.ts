import type { Document } from '../../model/index.js';
import { matchSubject, parentOf, figureOf } from '../../narrative/index.js';
import type { Claim, ClaimAmount, ClaimPercent } from '../../narrative/index.js';
import { asPrinted, money, place, sentenceLocation } from '../../narrative/format.js';
import { describeRef, locationOf } from '../identity.js';
import type { Location } from '../../model/index.js';
import { defineRule } from '../rule.js';
import type { RuleContext } from '../rule.js';
import { lastDigitFen, percentTolerance } from '../tolerance.js';

interface Whole {
  fen: number;
  text: string;
  locations: Location[];
  /** Half a unit of the whole's last printed digit (for the tolerance). */
  half: number;
}

const half = (a: ClaimAmount) => lastDigitFen(a.unit, a.decimals) / 2;

/** The whole a share (占P%) refers to: named after 占, the list's whole, or the subject the sentence is about. */
function wholeOf(doc: Document, claims: Claim[], claim: Claim): Whole | undefined {
  const fromClaim = (c: Claim | undefined): Whole | undefined =>
    c?.amount ? { fen: c.amount.fen, text: `「${c.subject}」${asPrinted(c.amount)}（第${c.at.line}行）`, locations: [sentenceLocation(c)], half: half(c.amount) } : undefined;
  const named = claim.share?.of;
  if (named) {
    const sameName = claims.filter((c) => c.amount && !c.context && (c.subject === named || c.phrase === named || c.phrase.endsWith(named)));
    const before = sameName.filter((c) => c.at.line <= claim.at.line);
    const hit = fromClaim(before[before.length - 1] ?? sameName[0]);
    if (hit) return hit;
    const m = matchSubject(named);
    if (!m) return undefined;
    const stated = claims.find((c) => c.key === m.entry.key && c.amount && !c.context);
    if (stated) return fromClaim(stated);
    const figure = figureOf(doc, m.entry, doc.kind === 'final' ? 'final' : undefined);
    if (!figure || figure.partial || figure.cells.length === 0) return undefined;
    return {
      fen: figure.fen,
      text: `${figure.cells.map(describeRef).join(' + ')} ${money(figure.fen, figure.unit)}`,
      locations: figure.cells.map(locationOf),
      half: lastDigitFen(figure.unit, figure.decimals) / 2,
    };
  }
  const parent = parentOf(claim);
  if (parent?.amount) return fromClaim(parent);
  if (claim.shareOf) {
    const key = matchSubject(claim.shareOf)?.entry.key;
    const stated = claims.find((c) => key !== undefined && c.key === key && c.amount && !c.context);
    return fromClaim(stated);
  }
  return undefined;
}

function checkRatio(ctx: RuleContext, claim: Claim, part: ClaimAmount, whole: Whole, percent: ClaimPercent | 'not-comparable', what: { zh: string; en: string }, extra: Location[]): void {
  const where = `${place(claim)}「${claim.subject}」${asPrinted(part)}`;
  const whereEn = `line ${claim.at.line} "${claim.subject}" ${asPrinted(part)}`;
  const locations = [sentenceLocation(claim), ...extra];
  if (whole.fen === 0) {
    if (percent === 'not-comparable') return;
    if (part.fen === 0 && percent.value === 0) return;
    ctx.report({
      message: `${where}：${what.zh}${whole.text}为 0，百分比不可计算，说明却为 ${percent.raw}`,
      messageEn: `${whereEn}: the ${what.en} ${whole.text} is 0, so no percent can be computed, yet ${percent.raw} is printed`,
      locations,
    });
    return;
  }
  const expected = (100 * part.fen) / whole.fen;
  if (percent === 'not-comparable') {
    ctx.report({
      message: `${where}：${what.zh}${whole.text}不为 0，比例可以计算（${expected.toFixed(1)}%），不应写「不可比」`,
      messageEn: `${whereEn}: the ${what.en} ${whole.text} is not 0; the percent (${expected.toFixed(1)}%) can be computed`,
      locations,
    });
    return;
  }
  const tolerance = percentTolerance(percent.decimals) + 100 * (half(part) / whole.fen + (part.fen * whole.half) / whole.fen ** 2);
  if (Math.abs(percent.value - expected) > tolerance + 1e-9) {
    ctx.report({
      message: `${where} ÷ ${what.zh}${whole.text} = ${expected.toFixed(Math.max(percent.decimals, 1) + 1)}%，说明为 ${percent.raw}`,
      messageEn: `${whereEn} / ${what.en} ${whole.text} = ${expected.toFixed(Math.max(percent.decimals, 1) + 1)}%, printed ${percent.raw}`,
      locations,
    });
  }
}

export default defineRule({
  meta: {
    id: 'narrative/ratio-arithmetic',
    severity: 'error',
    description: { zh: '完成预算百分比、占比应与金额一致', en: 'Completion rates and shares agree with their amounts' },
    docs:
      '决算说明中「支出决算为A万元，完成全年预算B万元的P%」要求 P = A ÷ B；「占P%」「占X的P%」要求 P = 本项 ÷ 整体，整体取「占」后点名的金额（同一说明中说过的，或表中的数），未点名时取所属「其中」列表的总数或句首「……中」所指的主题。' +
      '容许最后一位 ±1（截断和四舍五入都常见）及金额尾数误差的传递；预算数为 0 时应写「--%（不可比）」。' +
      '修正：重算百分比，或改正金额。' +
      '\n「完成全年预算B的P%」 needs P = A / B; 「占(X的)P%」 needs P = part / whole, the whole being the figure named after 占, the list\'s total or the subject the sentence is about. One unit of the last printed digit plus the rounding of the amounts is tolerated.',
  },
  check(ctx) {
    const claims = ctx.doc.claims;
    for (const claim of claims) {
      if (claim.context === 'reason' || !claim.amount) continue;
      const c = claim.completion;
      if (c?.of) {
        checkRatio(ctx, claim, claim.amount, { fen: c.of.fen, text: `预算数${asPrinted(c.of)}`, locations: [], half: half(c.of) }, c.percent, { zh: '', en: 'budget' }, []);
      }
      if (claim.share) {
        const whole = wholeOf(ctx.doc, claims, claim);
        if (whole) checkRatio(ctx, claim, claim.amount, whole, claim.share.percent, { zh: '', en: 'whole' }, whole.locations);
      }
    }
  },
});
