import type { Document } from '../../model/index.js';
import { figureOf, subjectEntry } from '../../narrative/index.js';
import type { Figure, Measure } from '../../narrative/index.js';
import { asPrinted, money, place, sentenceLocation, signedChange } from '../../narrative/format.js';
import { describeRef, locationOf } from '../identity.js';
import { defineRule } from '../rule.js';
import { lastDigitFen } from '../tolerance.js';

const SCOPE = { department: '部门汇总', unit: '单位本级' } as const;
const KIND = { budget: '预算', final: '决算' } as const;

const bareName = (name: string) => name.replace(/\s+/g, '').replace(/[（(](本级|汇总)[)）]$/, '');

/**
 * Which figure of the prior document a 「比上年」 claim was measured against: a budget compares
 * with last year's budget (a prior 决算 prints it only as 预算数, for “三公”经费), a 决算 with last
 * year's 决算数.
 */
function priorMeasure(doc: Document, prior: Document, basis: string): Measure | undefined | 'skip' {
  if (/年初|预算数|预算安排/.test(basis) && doc.kind === 'final') return 'skip';
  if (doc.kind === 'budget') return prior.kind === 'budget' ? undefined : 'budget';
  return prior.kind === 'final' ? 'final' : 'skip';
}

export default defineRule({
  meta: {
    id: 'narrative/prior-year',
    severity: 'warning',
    description: { zh: '「比上年」所隐含的上年数应与上年公开文件一致', en: 'The prior-year figure implied by a change matches last year\'s disclosure' },
    docs:
      '提供上年同一部门的公开文件（--prior）时，「X万元，比上年增加（减少）D万元」隐含的上年数 X ∓ D 应等于上年文件中同一主题的数：预算与上年预算比（上年文件是决算时只能用其“三公”经费表的预算数），决算与上年决算数比。' +
      '只在两份文件口径相同（同为单位本级或同为部门汇总）、年度相邻时比较，否则给出一条提示说明跳过的原因；上年文件没有对应数字的主题也只作提示。' +
      '严重程度为警告而非错误：上年数可能因预算调整（年初预算与调整预算）、机构或口径变化而被合理重述，单凭两份文件不能断定哪一份有误，但差异需要核实并在说明中交代。' +
      '\nWith last year\'s disclosure of the same department (--prior), the base implied by 「比上年」 (X ∓ D) must equal last year\'s figure for the same subject — budget against budget (a prior 决算 offers only the 预算数 of its 三公 table), 决算 against 决算. Compared only for the same scope (本级/汇总) and consecutive years; otherwise an info says why it was skipped. A warning, not an error: prior figures may be legitimately restated (adjusted budgets, reorganisations), so a mismatch needs checking rather than proves an error.',
  },
  check(ctx) {
    const { doc, prior } = ctx;
    if (!prior) return;
    const here = { file: doc.source.file };
    const skip = (zh: string, en: string) => ctx.report({ severity: 'info', message: `未与上年文件比较：${zh}`, messageEn: `not compared with last year's disclosure: ${en}`, locations: [here, { file: prior.source.file }] });
    if (bareName(doc.department) !== bareName(prior.department)) {
      skip(`上年文件是「${prior.department}」，本文件是「${doc.department}」`, `the prior document is of ${prior.department}, this one of ${doc.department}`);
      return;
    }
    if (doc.scope !== prior.scope) {
      skip(`口径不同——本文件为${SCOPE[doc.scope]}${KIND[doc.kind]}，上年文件为${SCOPE[prior.scope]}${KIND[prior.kind]}，汇总数与本级数不可比`, `different scope — this document is ${doc.scope === 'department' ? 'consolidated' : 'unit-only'}, the prior one ${prior.scope === 'department' ? 'consolidated' : 'unit-only'}`);
      return;
    }
    if (prior.year !== doc.year - 1) {
      skip(`上年文件是 ${prior.year} 年的，本文件是 ${doc.year} 年的，不是相邻年度`, `the prior document is for ${prior.year}, this one for ${doc.year}: not consecutive years`);
      return;
    }
    const unmatched: string[] = [];
    for (const claim of doc.claims) {
      const change = claim.change;
      if (claim.context === 'reason' || !claim.key || !claim.amount || !change || change.amount?.approximate) continue;
      const years = /(\d{4})\s*年/.exec(change.basis);
      if (years && Number(years[1]) !== prior.year) continue;
      if (!years && !/上年|上一年|去年/.test(change.basis)) continue;
      const delta = signedChange(change);
      const entry = subjectEntry(claim.key);
      if (delta === undefined || !entry) continue;
      const measure = priorMeasure(doc, prior, change.basis);
      let figure: Figure | undefined;
      if (measure !== 'skip') figure = figureOf(prior, entry, measure);
      if (!figure || figure.partial) {
        unmatched.push(`第${claim.at.line}行「${claim.subject}」`);
        continue;
      }
      const implied = claim.amount.fen - delta;
      const unit = claim.amount.unit;
      const decimals = Math.max(claim.amount.decimals, change.amount?.decimals ?? 0, figure.decimals);
      const diff = implied - figure.fen;
      if (diff === 0) continue;
      // Two rounded figures imply a base within one unit of the last digit of the exact one.
      const rounding = Math.abs(diff) <= lastDigitFen(unit, decimals);
      const cells = figure.cells.map(describeRef).join(' + ') || '上年文件';
      const which = measure === 'budget' && prior.kind === 'final' ? '预算数' : KIND[prior.kind] === '决算' ? '决算数' : '预算数';
      ctx.report({
        ...(rounding ? { severity: 'info' as const } : {}),
        message: `${rounding ? '（尾数误差）' : ''}${place(claim)}「${claim.subject}」${asPrinted(claim.amount)}，比${change.basis}${change.words.amount ?? ''}${change.amount ? asPrinted(change.amount) : ''}，隐含上年数 ${money(implied, unit)}；上年文件（${prior.year}年${KIND[prior.kind]}）${cells}的${which}为 ${money(figure.fen, figure.unit)}，相差 ${money(diff, unit)}`,
        messageEn: `line ${claim.at.line} "${claim.subject}" ${asPrinted(claim.amount)} implies a prior-year figure of ${money(implied, unit)}; last year's disclosure (${prior.year} ${prior.kind}) prints ${money(figure.fen, figure.unit)}, a difference of ${money(diff, unit)}`,
        expected: figure.fen,
        actual: implied,
        difference: diff,
        unit,
        locations: [sentenceLocation(claim), ...figure.cells.map(locationOf)],
      });
    }
    if (unmatched.length) {
      skip(
        `上年文件（${prior.year}年${KIND[prior.kind]}）没有可比的数字：${unmatched.join('、')}${prior.kind !== doc.kind ? `（上年文件为${KIND[prior.kind]}，除“三公”经费预算数外不公开上年${KIND[doc.kind]}数）` : ''}`,
        `last year's disclosure (${prior.year} ${prior.kind}) has no comparable figure for ${unmatched.length} subject(s)`,
      );
    }
  },
});
