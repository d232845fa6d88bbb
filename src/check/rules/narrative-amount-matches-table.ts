import type { Location } from '../../model/index.js';
import { resolveClaim, restatementOf } from '../../narrative/index.js';
import { resolvedClaim } from '../claim-resolutions.js';
import type { Claim, ClaimAmount, Figure } from '../../narrative/index.js';
import { asPrinted, money, place, sentenceLocation } from '../../narrative/format.js';
import { describeRef, locationOf, tableName } from '../identity.js';
import { defineRule } from '../rule.js';
import type { RuleContext } from '../rule.js';
import { lastDigitFen, roundingTolerance } from '../tolerance.js';

/** Round `fen` half away from zero to a multiple of `step` fen. */
function roundTo(fen: number, step: number): number {
  return Math.sign(fen) * Math.round(Math.abs(fen) / step) * step;
}

/**
 * The stated and the table figure at the coarser of their two printed precisions, in fen. Each is
 * exact to one unit of its last printed digit, whatever its unit: 9,101.68万元 (steps of 0.01万元 =
 * 10,000 fen) matches 91,016,775.35元 rounded to 10,000 fen; 180,000元 matches 18.00万元; 4.3万元
 * matches 4.30万元.
 */
function atCommonPrecision(stated: ClaimAmount, figure: Figure): { stated: number; table: number } {
  const statedStep = lastDigitFen(stated.unit, stated.decimals);
  const tableStep = lastDigitFen(figure.unit, figure.decimals);
  if (statedStep > tableStep) return { stated: stated.fen, table: roundTo(figure.fen, statedStep) };
  if (tableStep > statedStep) return { stated: roundTo(stated.fen, tableStep), table: figure.fen };
  return { stated: stated.fen, table: figure.fen };
}

function figureLocations(figure: Figure): Location[] {
  if (figure.cells.length) return figure.cells.map(locationOf);
  return figure.tables.map((t) => ({ file: t.at.file, ...(t.at.line !== undefined ? { line: t.at.line } : {}), table: t.kind, tableTitle: t.title }));
}

function figureText(figure: Figure): string {
  if (figure.cells.length === 0) return `${figure.tables.map(tableName).join('、')}（未列示，即 0）`;
  return figure.cells.map(describeRef).join(' + ');
}

function compare(ctx: RuleContext, claim: Claim, stated: ClaimAmount, figure: Figure, what: { zh: string; en: string }): void {
  const unit = stated.unit;
  // Figures printed at different precisions (4.3万元, 50 万元; 万元 in the prose, 元 in the table) match
  // when they agree at the coarser one.
  const common = atCommonPrecision(stated, figure);
  const difference = common.stated - common.table;
  // Most figures agree: nothing of a finding is built before it is known to be one.
  if (!figure.partial && difference === 0) return;
  const locations = [sentenceLocation(claim), ...figureLocations(figure)];
  const base = {
    expected: figure.fen,
    actual: stated.fen,
    difference: stated.fen - figure.fen,
    unit,
    locations,
  };
  const said = `${place(claim)}${what.zh}「${claim.subject}」${asPrinted(stated)}`;
  const saidEn = `line ${claim.at.line}: ${what.en} "${claim.subject}" ${asPrinted(stated)}`;
  const table = `${figureText(figure)} ${money(figure.fen, figure.unit)}`;
  if (figure.partial) {
    // The tables print only part of the subject: the narrative may exceed them, never fall short.
    const tolerance = roundingTolerance(figure.cells.length, figure.unit, figure.decimals);
    if (common.stated < common.table - tolerance) {
      ctx.report({
        ...base,
        message: `${said}小于表中已列示的部分 ${table}（${figure.partial.zh}，说明数不应小于表中数）`,
        messageEn: `${saidEn} is less than the part the tables print, ${money(figure.fen, figure.unit)} (${figure.partial.en}); the narrative figure cannot be smaller`,
      });
    } else if (difference !== 0) {
      ctx.report({
        ...base,
        severity: 'info',
        message: `${said}无法与表完全核对：${figure.partial.zh}；表中可见部分为 ${table}，差额 ${money(stated.fen - figure.fen, unit)}`,
        messageEn: `${saidEn} cannot be fully checked: ${figure.partial.en}; the tables show ${money(figure.fen, figure.unit)}, ${money(stated.fen - figure.fen, unit)} unaccounted for`,
      });
    }
    return;
  }
  if (difference === 0) return;
  const tolerance = figure.cells.length > 1 ? roundingTolerance(figure.cells.length, figure.unit, figure.decimals) : 0;
  if (Math.abs(difference) <= tolerance || Math.abs(stated.fen - figure.fen) <= tolerance) {
    ctx.report({
      ...base,
      severity: 'info',
      message: `${said}与表 ${table} 相差 ${money(stated.fen - figure.fen, unit)}，在尾数误差范围内`,
      messageEn: `${saidEn} differs from the tables (${money(figure.fen, figure.unit)}) by ${money(stated.fen - figure.fen, unit)}, within rounding`,
    });
    return;
  }
  ctx.report({
    ...base,
    message: `${said}与表中 ${table} 不一致，相差 ${money(stated.fen - figure.fen, unit)}`,
    messageEn: `${saidEn} differs from the table figure ${money(figure.fen, figure.unit)} by ${money(stated.fen - figure.fen, unit)}`,
  });
}

export default defineRule({
  meta: {
    id: 'narrative/amount-matches-table',
    severity: 'error',
    description: { zh: '情况说明中的金额应与表格一致', en: 'Amounts stated in the narrative match the tables' },
    docs:
      '情况说明（第三部分）中点名的金额——收入/支出预算总额、基本支出、项目支出、各功能类和经济类支出、“三公”经费及其各项、机关运行经费、委托业务费、一般公共预算/政府性基金财政拨款收支等——按主题词表找到表中对应的单元格（决算取决算数，「完成全年预算X万元」取预算数），逐一比对。' +
      '两边按各自印出的单位和位数比较（以分计）：说明中少印小数位的金额（「4.3万元」「50 万元」），或说明以万元、表格以元列示（「9,101.68万元」与「91,016,775.35」元），表中数按说明的精度四舍五入后相等即为一致；由几个单元格相加得到的表中数（如委托业务费 = 基本支出表 + 项目支出表的 30227）容许尾数误差，在误差内只作提示（info）。' +
      '表格只公开了一部分时（江西模板只有基本支出经济分类表、未公开《财政拨款收支总表》），表中数只是下限：说明数小于下限为错误，大于下限只作提示。' +
      '说明与表不一致时，以经过平衡校验的表格为准，改正说明中的数字（或查明表格有误）。' +
      '\nEach figure the narrative names is looked up in the table that prints it (through the subject vocabulary) and compared exactly; figures printed at a coarser precision (fewer decimals, or 万元 in the prose against 元 in the table) are compared after rounding the table figure to that precision, sums of several cells allow the rounding tolerance (reported as info). When the tables print only part of a subject the table figure is a lower bound. Fix: correct the narrative (or the table).',
  },
  check(ctx) {
    for (const claim of ctx.doc.claims) {
      if (claim.context === 'reason') continue;
      // A restatement (「2026年预算安排…」 of a numbered item) is compared with the item's own figure by
      // narrative/restated-consistently; the item's figure is compared with the table here.
      if (claim.amount && !claim.amount.approximate && !restatementOf(claim)) {
        const r = resolvedClaim(ctx, claim);
        if (r?.figure) compare(ctx, claim, claim.amount, r.figure, { zh: '', en: '' });
      }
      if (ctx.doc.kind === 'final' && claim.completion?.of) {
        const r = resolveClaim(ctx.doc, claim, 'budget');
        if (r?.figure) compare(ctx, claim, claim.completion.of, r.figure, { zh: '所述预算数', en: 'budget of' });
      }
    }
  },
});
