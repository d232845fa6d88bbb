import type { Location } from '../../model/index.js';
import { extractClaims, resolveClaim } from '../../narrative/index.js';
import type { Claim, ClaimAmount, Figure } from '../../narrative/index.js';
import { asPrinted, money, place, sentenceLocation } from '../../narrative/format.js';
import { describeRef, locationOf, tableName } from '../identity.js';
import { defineRule } from '../rule.js';
import type { RuleContext } from '../rule.js';
import { lastDigitFen, roundingTolerance } from '../tolerance.js';

/** Round `fen` half away from zero to `decimals` digits of `unit`. */
function roundTo(fen: number, unit: '元' | '万元', decimals: number): number {
  const step = lastDigitFen(unit, decimals);
  return Math.sign(fen) * Math.round(Math.abs(fen) / step) * step;
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
  // A figure printed with fewer decimals (4.3万元, 50 万元) matches the table rounded to that precision.
  const tableFen = stated.decimals < figure.decimals && figure.unit === unit ? roundTo(figure.fen, unit, stated.decimals) : figure.fen;
  const difference = stated.fen - tableFen;
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
    if (stated.fen < figure.fen - tolerance) {
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
  if (Math.abs(stated.fen - figure.fen) <= tolerance) {
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
      '说明中少印小数位的金额（「4.3万元」「50 万元」）与表中数按说明的位数四舍五入后相等即为一致；由几个单元格相加得到的表中数（如委托业务费 = 基本支出表 + 项目支出表的 30227）容许尾数误差，在误差内只作提示（info）。' +
      '表格只公开了一部分时（江西模板只有基本支出经济分类表、未公开《财政拨款收支总表》），表中数只是下限：说明数小于下限为错误，大于下限只作提示。' +
      '说明与表不一致时，以经过平衡校验的表格为准，改正说明中的数字（或查明表格有误）。' +
      '\nEach figure the narrative names is looked up in the table that prints it (through the subject vocabulary) and compared exactly; figures printed with fewer decimals are compared after rounding the table figure, sums of several cells allow the rounding tolerance (reported as info). When the tables print only part of a subject the table figure is a lower bound. Fix: correct the narrative (or the table).',
  },
  check(ctx) {
    for (const claim of extractClaims(ctx.doc)) {
      if (claim.context === 'reason') continue;
      if (claim.amount && !claim.amount.approximate) {
        const r = resolveClaim(ctx.doc, claim);
        if (r?.figure) compare(ctx, claim, claim.amount, r.figure, { zh: '', en: '' });
      }
      if (ctx.doc.kind === 'final' && claim.completion?.of) {
        const r = resolveClaim(ctx.doc, claim, 'budget');
        if (r?.figure) compare(ctx, claim, claim.completion.of, r.figure, { zh: '所述预算数', en: 'budget of' });
      }
    }
  },
});
