import { describe, expect, it } from 'vitest';
import { runRules } from '../src/check/engine.js';
import type { Rule } from '../src/check/rule.js';
import amountMatchesTable from '../src/check/rules/narrative-amount-matches-table.js';
import partsSum from '../src/check/rules/narrative-parts-sum.js';
import restatedConsistently from '../src/check/rules/narrative-restated-consistently.js';
import textYear from '../src/check/rules/text-year.js';
import { parseFile } from '../src/index.js';
import type { Document, Section } from '../src/model/index.js';
import { functionPath, matchSubject, withNarrative } from '../src/narrative/index.js';
import { SEEDS, wan } from './helpers.js';

/**
 * The general fixes behind the real-PDF findings (test/real-check.test.ts), on edited seeds: amounts
 * compared at the coarser printed precision whatever the unit, only money is an amount, 科目 items
 * named by their 类/款/项, subjects narrowed by a qualifier, context-dependent subjects kept apart.
 */

async function edited(path: string, edit: (text: string) => string): Promise<Document> {
  const d = await parseFile(path);
  const visit = (s: Section) => {
    s.text = edit(s.text);
    s.children.forEach(visit);
  };
  d.narrative.forEach(visit);
  return withNarrative(d, d.narrative);
}

const aboveInfo = (d: Document, rule: Rule) => runRules(d, [rule]).filter((f) => f.severity !== 'info');

describe('amounts at the coarser printed precision, in fen, whatever the unit', () => {
  it('16500元 in the prose matches 1.65万元 in the table; 16600元 does not', async () => {
    const same = await edited(SEEDS.s002, (t) => t.replace('支出决算为1.65万元', '支出决算为16500元'));
    expect(aboveInfo(same, amountMatchesTable)).toEqual([]);
    const off = await edited(SEEDS.s002, (t) => t.replace('支出决算为1.65万元', '支出决算为16600元'));
    expect(aboveInfo(off, amountMatchesTable).map((f) => [f.locations[0]?.line, f.expected, f.actual])).toEqual([[946, wan('1.65'), wan('1.66')]]);
  });
});

describe('only money is an amount', () => {
  it('a threshold 「100万元（含）以上」 is not a claim; 亿元 is money but approximate', async () => {
    const d = await edited(SEEDS.s002, (t) => t.replace('价值100万元以上设备', '单价100万元（含）以上设备').replace('支出决算为1.65万元', '支出决算为1.2亿元'));
    const claims = d.claims;
    expect(claims.some((c) => c.amount?.raw === '100万元')).toBe(false);
    const yi = claims.find((c) => c.amount?.raw === '1.2亿元')!;
    expect([yi.amount!.fen, yi.amount!.approximate]).toEqual([wan('12000'), true]);
    expect(aboveInfo(d, amountMatchesTable)).toEqual([]);
  });

  it('parts of a measurement (平方米) are info only', async () => {
    const d = await edited(SEEDS.s002, (t) => (t.includes('支出决算为1.65万元') ? `${t}\n本工程建筑面积为13459平方米，其中：地上建筑面积8013平方米，地下建筑面积5356平方米。` : t));
    const f = runRules(d, [partsSum]).filter((x) => /平方米/.test(x.message));
    expect(f.map((x) => x.severity)).toEqual(['info']);
  });
});

describe('subjects', () => {
  it('reads function 科目 items by their 类/款/项, with or without codes', () => {
    expect(functionPath('公共安全支出（204类）司法（06款）行政运行（01项）')).toEqual({ names: ['公共安全支出', '司法', '行政运行'], codes: ['204', '06', '01'] });
    expect(functionPath('“一般公共服务支出（类）统计信息事务（款）专项普查活动（项）”')).toEqual({ names: ['一般公共服务支出', '统计信息事务', '专项普查活动'] });
    expect(functionPath('“一般公共服务支出-政府办公厅（室）及相关机构事务-行政运行”科目')).toEqual({ names: ['一般公共服务支出', '政府办公厅（室）及相关机构事务', '行政运行'] });
    expect(functionPath('一般公共服务支出')).toBeUndefined();
  });

  it('a fund qualifier narrows a total: 政府性基金拨款支出预算 is not the 支出预算 of all funds', () => {
    expect(matchSubject('政府性基金拨款支出预算')?.entry.key).toBe('govFund.expense');
    expect(matchSubject('一般公共预算拨款支出预算')?.entry.key).toBe('gpb.expense');
    expect(matchSubject('财政拨款收入支出总计')?.entry.key).toBe('fiscal.total');
    expect(matchSubject('专户拨款支出预算')).toBeUndefined();
    expect(matchSubject('支出预算')?.entry.key).toBe('expense.total');
  });

  it('「预算安排」 names its section’s project or its numbered item: another item is another figure', async () => {
    const d = await edited(SEEDS.s002, (t) => (t.includes('支出决算为1.65万元') ? `${t}\n1、甲项目经费。2023年预算安排10.00万元。\n2、乙项目经费。2023年预算安排20.00万元。` : t));
    const contextual = d.claims.filter((c) => c.key === 'project.amount');
    expect(contextual.map((c) => c.item)).toEqual([1, 2]);
    expect(aboveInfo(d, restatedConsistently)).toEqual([]);
  });
});

describe('text/year: a comparison with the document’s own year', () => {
  it('「比2026年预算减少」 in a 2026 budget is a warning, 「比2025年预算减少」 is not', async () => {
    expect(aboveInfo(await parseFile(SEEDS.s004), textYear).filter((f) => /比较的应是上年/.test(f.message))).toEqual([]);
    const d = await edited(SEEDS.s004, (t) => t.replace('比 2025 年预算减', '比 2026 年预算减'));
    const f = aboveInfo(d, textYear).filter((x) => /比较的应是上年/.test(x.message));
    expect(f.map((x) => [x.severity, x.locations[0]?.line])).toEqual([['warning', 307]]);
  });
});
