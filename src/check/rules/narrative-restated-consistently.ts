import { CONTEXTUAL, parentOf, restatementOf } from '../../narrative/index.js';
import type { Claim, ClaimAmount } from '../../narrative/index.js';
import { asPrinted, sentenceLocation } from '../../narrative/format.js';
import { defineRule } from '../rule.js';
import { lastDigitFen } from '../tolerance.js';

/** 'fiscal' when the claim or a whole it is part of is about 财政拨款 only. */
function scope(claim: Claim): string {
  for (let c: Claim | undefined = claim; c; c = parentOf(c)) if (/财政拨款/.test(c.phrase)) return 'fiscal';
  return 'all';
}

function root(claim: Claim): Claim {
  let c = claim;
  for (let p = parentOf(c); p; p = parentOf(c)) c = p;
  return c;
}

/**
 * Two statements of the same subject are about the same figure when they have the same scope, or
 * when the wholes they are listed under are the same amount (「支出预算总额 959.51」 broken down by
 * economic class, and 「财政拨款支出预算总额 959.51」 broken down again).
 */
function sameFigure(a: Claim, b: Claim): boolean {
  // 决算: a 预算数 and a 决算数 are different figures.
  if (a.measure !== b.measure) return false;
  // 「预算安排」 is the budget of its section's project or its numbered item: another item, another figure.
  if (a.key !== undefined && CONTEXTUAL.has(a.key) && (a.section.join('›') !== b.section.join('›') || a.item !== b.item)) return false;
  if (scope(a) === scope(b)) return true;
  const ra = root(a);
  const rb = root(b);
  return ra !== a && rb !== b && ra.amount !== undefined && rb.amount !== undefined && ra.amount.fen === rb.amount.fen;
}

/** 'same' (1.5 and 1.50), 'rounded' (1.3 and 1.26: the coarser is the finer rounded), or 'different' (12 and 0.12). */
function compareAmounts(a: ClaimAmount, b: ClaimAmount): 'same' | 'rounded' | 'different' {
  if (a.fen === b.fen) return 'same';
  const coarse = a.decimals < b.decimals ? a : b;
  const fine = coarse === a ? b : a;
  if (coarse.decimals === fine.decimals) return 'different';
  const step = lastDigitFen(coarse.unit, coarse.decimals);
  return Math.sign(fine.fen) * Math.round(Math.abs(fine.fen) / step) * step === coarse.fen ? 'rounded' : 'different';
}

export default defineRule({
  meta: {
    id: 'narrative/restated-consistently',
    severity: 'error',
    description: { zh: '同一数字在说明中重复出现时应前后一致', en: 'A figure stated twice in the narrative is stated the same way' },
    docs:
      '情况说明常把同一个数说两遍：收入说明和财政拨款收入说明里的一般公共预算财政拨款收入，“三公”总体说明和具体说明里的公务用车购置及运行维护费，支出预算和财政拨款支出预算按经济分类的各项。' +
      '同一主题（按主题词表识别）、同一口径（财政拨款口径只与财政拨款口径比较，除非两处所属的总数相同）的金额必须相同，同一比较基数的增减额也必须相同。' +
      '「预算安排」「预算金额」这类以上下文为主题的说法，只在同一节、同一编号条目内比较（不同条目是不同的科目或项目）；编号条目以本条金额开头时（「12、住房保障支出（221类）住房改革支出（02款）住房公积金（01项）208.8万元。……2026年预算安排201.50万元」），条目中本年的「预算安排」就是该条金额，两者必须相同。' +
      '修正：以表格为准统一两处的数字。' +
      '\nThe same subject stated twice (same vocabulary subject, same scope — fiscal-only statements are compared with all-funds ones only when the wholes they break down are equal) must carry the same amount, and the same change against the same basis. Context-dependent subjects (预算安排) are compared only within one section and numbered item; in an item that opens with its figure, this year\'s 预算安排 restates that figure.',
  },
  check(ctx) {
    const all = ctx.doc.claims;
    // A numbered item's 「（本年）预算安排」 against the figure the item opened with.
    for (const b of all) {
      const a = restatementOf(b);
      if (!a?.amount || !b.amount || b.context === 'reason' || a.amount.approximate || b.amount.approximate) continue;
      const same = compareAmounts(a.amount, b.amount);
      if (same === 'same') continue;
      const bPrinted = b.clause.replace(/[\d,.]+\s*(?:亿元|万元|元|万)[\s\S]*$/, '');
      ctx.report({
        ...(same === 'rounded' ? { severity: 'info' as const } : {}),
        message: `「${a.subject}」在情况说明第${a.at.line}行为 ${asPrinted(a.amount)}，同一条目第${b.at.line}行「${bPrinted}」却为 ${asPrinted(b.amount)}${same === 'rounded' ? '（只是保留的小数位数不同）' : ''}`,
        messageEn: `"${a.subject}" is ${asPrinted(a.amount)} at line ${a.at.line} but the same item says ${asPrinted(b.amount)} at line ${b.at.line}`,
        expected: a.amount.fen,
        actual: b.amount.fen,
        difference: b.amount.fen - a.amount.fen,
        unit: a.amount.unit,
        locations: [sentenceLocation(b), sentenceLocation(a)],
      });
    }
    const claims = all.filter((c) => c.context !== 'reason' && c.key && c.amount && !c.amount.approximate);
    const reported = new Set<string>();
    for (let i = 0; i < claims.length; i++) {
      const a = claims[i]!;
      for (let j = i + 1; j < claims.length; j++) {
        const b = claims[j]!;
        if (b.key !== a.key || !sameFigure(a, b)) continue;
        const pair = `${a.key}:${a.amount!.fen}:${b.amount!.fen}`;
        const same = compareAmounts(a.amount!, b.amount!);
        if (same !== 'same' && !reported.has(pair)) {
          reported.add(pair);
          ctx.report({
            ...(same === 'rounded' ? { severity: 'info' as const } : {}),
            message: `「${a.subject}」在情况说明第${a.at.line}行为 ${asPrinted(a.amount!)}，第${b.at.line}行却为 ${asPrinted(b.amount!)}${same === 'rounded' ? '（只是保留的小数位数不同）' : ''}`,
            messageEn: `"${a.subject}" is ${asPrinted(a.amount!)} at line ${a.at.line} but ${asPrinted(b.amount!)} at line ${b.at.line}`,
            expected: a.amount!.fen,
            actual: b.amount!.fen,
            difference: b.amount!.fen - a.amount!.fen,
            unit: a.amount!.unit,
            locations: [sentenceLocation(b), sentenceLocation(a)],
          });
        }
        const ca = a.change;
        const cb = b.change;
        if (ca?.amount && cb?.amount && ca.basis === cb.basis && ca.amount.fen !== cb.amount.fen && !ca.amount.approximate && !cb.amount.approximate) {
          const cpair = `Δ${pair}:${ca.amount.fen}:${cb.amount.fen}`;
          if (reported.has(cpair)) continue;
          reported.add(cpair);
          ctx.report({
            message: `「${a.subject}」比${ca.basis || '上年'}的增减额在第${a.at.line}行为 ${ca.words.amount ?? ''}${asPrinted(ca.amount)}，第${b.at.line}行却为 ${cb.words.amount ?? ''}${asPrinted(cb.amount)}`,
            messageEn: `the change of "${a.subject}" from ${ca.basis || 'last year'} is ${asPrinted(ca.amount)} at line ${a.at.line} but ${asPrinted(cb.amount)} at line ${b.at.line}`,
            expected: ca.amount.fen,
            actual: cb.amount.fen,
            difference: cb.amount.fen - ca.amount.fen,
            unit: ca.amount.unit,
            locations: [sentenceLocation(b), sentenceLocation(a)],
          });
        }
      }
    }
  },
});
