import { describe, expect, it } from 'vitest';
import { summarize } from '../src/compare/summary.js';
import { cell, kinds, row, seed, SEEDS, table, wan } from './helpers.js';

const doc = () => seed(SEEDS.s000);

describe('seed 000: 江门市医疗保障局 2026 budget (consolidated, 5 units)', () => {
  it('reads the identity', async () => {
    const d = await doc();
    expect([d.department, d.year, d.kind, d.scope, d.template]).toEqual(['江门市医疗保障局', 2026, 'budget', 'department', 'guangdong-budget']);
    expect(d.units.map((u) => u.name)).toEqual(['江门市医疗保障局', '江门市医疗保障局蓬江分局', '江门市医疗保障局江海分局', '江门市医疗保障局新会分局', '江门市医疗保障事业管理中心']);
    expect(d.contents).toHaveLength(12);
    expect(d.unrecognised).toEqual([]);
  });

  it('recognises all 12 tables and the key-project table, with row counts', async () => {
    const d = await doc();
    expect(kinds(d)).toEqual(['summary', 'income', 'expenditure', 'fiscalSummary', 'gpbExpenditure', 'gpbBasicEconomic', 'gpbProjectEconomic', 'threePublic', 'govFund', 'stateCapital', 'unitBasic', 'unitProject', 'keyProjects']);
    expect(d.tables.map((t) => t.rows.length)).toEqual([38, 6, 26, 31, 23, 35, 25, 7, 4, 1, 20, 62, 3]);
    expect(d.tables.slice(0, 12).map((t) => t.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(table(d, 'unitProject').pieces).toBe(7);
  });

  it('reads both panels of 收支总体情况表 by name, not ordinal', async () => {
    const t = table(await doc(), 'summary');
    expect(cell(t, '预算拨款', 'amount', { panel: 'income' })).toBe(wan('3,390.78'));
    expect(cell(t, '卫生健康支出', 'amount', { panel: 'expense' })).toBe(wan('2,399.08'));
    expect(row(t, '卫生健康支出', { panel: 'expense' }).printedNumber).toBe('九');
    expect(cell(t, '其他支出', 'amount', { panel: 'expense' })).toBe(wan('300.00'));
    expect(cell(t, '支出总计', 'amount', { panel: 'expense' })).toBe(wan('3,390.78'));
    expect(row(t, '收入总计', { panel: 'income' }).role).toBe('total');
  });

  it('reads 收入总体情况表 by unit and source column', async () => {
    const t = table(await doc(), 'income');
    expect(cell(t, '合计', 'gpb')).toBe(wan('3,090.78'));
    expect(cell(t, '合计', 'govFund')).toBe(wan('300.00'));
    expect(cell(t, '江门市医疗保障事业管理中心', 'total')).toBe(wan('1,265.40'));
    expect(row(t, '江门市医疗保障局蓬江分局').unit).toBe('江门市医疗保障局蓬江分局');
    expect(t.columns.map((c) => c.key)).toEqual(['total', 'gpb', 'govFund', 'stateCapital', 'educationFees', 'otherSpecialAccount', 'business', 'operating', 'other', 'fromSuperior', 'fromAffiliates', 'carriedOver']);
  });

  it('reads classification codes with levels across a page break', async () => {
    const t = table(await doc(), 'expenditure');
    const r = row(t, '2101501');
    expect([r.name, r.level, r.scheme]).toEqual(['行政运行', 3, 'function']);
    expect([r.cells.total!.fen, r.cells.basic!.fen, r.cells.project!.fen]).toEqual([wan('929.20'), wan('925.10'), wan('4.10')]);
    expect(row(t, '210').level).toBe(1);
    expect(row(t, '21015').level).toBe(2);
    expect(cell(t, '2210203', 'total')).toBe(wan('196.37'));
    expect(row(t, '2210203').at.line).toBe(166);
  });

  it('reads bracketed codes in 一般公共预算 tables', async () => {
    const d = await doc();
    expect(cell(table(d, 'gpbExpenditure'), '21015', 'project')).toBe(wan('648.69'));
    const basic = table(d, 'gpbBasicEconomic');
    expect(cell(basic, '30217', 'amount')).toBe(wan('0.85'));
    expect(row(basic, '30213').name).toBe('维修（护）费');
    expect(cell(basic, '30231', 'amount')).toBe(wan('14.82'));
    expect(row(basic, '302').level).toBe(1);
    expect(cell(table(d, 'gpbProjectEconomic'), '30227', 'amount')).toBe(wan('342.63'));
  });

  it('reads the 三公 table and the empty 国有资本经营 table with its note', async () => {
    const d = await doc();
    const t = table(d, 'threePublic');
    expect(cell(t, '行政经费', 'total')).toBe(wan('144.14'));
    expect(cell(t, '“三公”经费', 'gpb')).toBe(wan('16.96'));
    expect(cell(t, '公务接待费支出', 'total')).toBe(wan('2.14'));
    expect(cell(t, '公务用车运行维护费', 'total')).toBe(wan('14.82'));
    const sc = table(d, 'stateCapital');
    expect(sc.note).toBe('注：本表本年无发生额。');
    expect(cell(sc, '合计', 'total')).toBe(0);
  });

  it('groups per-unit rows under their unit subtotal', async () => {
    const d = await doc();
    const basic = table(d, 'unitBasic');
    const sub = row(basic, '江门市医疗保障局江海分局-小计');
    expect([sub.role, sub.unit, sub.cells.total!.fen]).toEqual(['subtotal', '江门市医疗保障局江海分局', wan('202.87')]);
    expect(cell(basic, '其他支出', 'total', { unit: '江门市医疗保障局江海分局' })).toBe(wan('0.10'));
    const proj = table(d, 'unitProject');
    const p = row(proj, '市本级医疗救助专项资金');
    expect([p.unit, p.project, p.cells.govFund!.fen, p.cells.gpb!.fen]).toEqual(['江门市医疗保障局', '市本级医疗救助专项资金', wan('300.00'), 0]);
    expect(p.text?.performanceTarget).toMatch(/^资助收入型医疗救助对象/);
    expect(cell(proj, '医疗保障工作专家劳务费', 'total', { unit: '江门市医疗保障局新会分局' })).toBe(wan('14.06'));
    expect(proj.rows.filter((r) => r.role === 'subtotal').map((r) => r.unit)).toEqual(d.units.map((u) => u.name));
  });

  it('reads the key-project table inside the narrative', async () => {
    const t = table(await doc(), 'keyProjects');
    expect(cell(t, '城乡居民基本医疗保险补助专项资金', 'amount')).toBe(wan('5874.04'));
    expect(row(t, '医疗救助专项资金').cells.amount!.raw).toBe('300');
  });

  it('splits the narrative into its parts and sections', async () => {
    const d = await doc();
    expect(d.narrative.map((p) => p.part)).toEqual(['overview', 'other', 'explanation', 'glossary']);
    const explanation = d.narrative[2]!;
    expect(explanation.children.map((s) => s.heading)).toEqual(['部门预算收支增减变化情况', '“三公”经费安排情况', '机关运行经费安排情况', '政府采购情况', '国有资产占有使用情况', '委托业务费安排情况', '重点项目预算绩效目标情况']);
    expect(explanation.children[0]!.text).toMatch(/^2026年本部门收入预算3,390\.78万元，比上年减少1,081\.18万元，下降24\.2%/);
    expect(explanation.children[2]!.text).toContain('维修(护)费');
    expect(d.glossary.map((g) => g.term)).toContain('“三公”经费');
  });

  it('summarises the key figures', async () => {
    expect(summarize(await doc())).toEqual({
      incomeTotal: 3390.78, expenditureTotal: 3390.78, currentYearIncome: 3390.78, basic: 2442.09, project: 948.69,
      generalPublicBudget: 3090.78, governmentFund: 300, stateCapital: 0, threePublic: 16.96, unitCount: 5, projectCount: 56,
    });
  });
});
