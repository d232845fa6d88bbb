import { describe, expect, it } from 'vitest';
import { summarize } from '../src/compare/summary.js';
import { cell, kinds, row, seed, SEEDS, table, wan } from './helpers.js';

const doc = () => seed(SEEDS.s001);

describe('seed 001: 江门市医疗保障局（本级）2024 budget', () => {
  it('reads the identity of a 本级 document', async () => {
    const d = await doc();
    expect([d.department, d.year, d.kind, d.scope, d.template]).toEqual(['江门市医疗保障局', 2024, 'budget', 'unit', 'guangdong-budget']);
    expect(d.units).toEqual([{ name: '江门市医疗保障局', self: true }]);
    expect(d.unrecognised).toEqual([]);
  });

  it('recognises the tables with row counts', async () => {
    const d = await doc();
    expect(kinds(d)).toEqual(['summary', 'income', 'expenditure', 'fiscalSummary', 'gpbExpenditure', 'gpbBasicEconomic', 'gpbProjectEconomic', 'threePublic', 'govFund', 'stateCapital', 'unitBasic', 'unitProject', 'keyProjects']);
    expect(d.tables.map((t) => t.rows.length)).toEqual([36, 27, 27, 31, 27, 28, 18, 7, 5, 1, 4, 24, 5]);
    expect(table(d, 'keyProjects').pieces).toBe(2);
  });

  it('keeps the rows printed below 本年收入合计 in 收支总体情况表', async () => {
    const t = table(await doc(), 'summary');
    expect(cell(t, '用事业基金弥补收支差额', 'amount', { panel: 'income' })).toBe(0);
    expect(row(t, '用事业基金弥补收支差额', { panel: 'income' }).printedNumber).toBe('六');
    expect(cell(t, '结转下年', 'amount', { panel: 'expense' })).toBe(0);
    expect(row(t, '粮油物资储备支出', { panel: 'expense' }).printedNumber).toBe('二十');
    expect(cell(t, '一般公共服务支出', 'amount', { panel: 'expense' })).toBe(wan('3.00'));
  });

  it('reads 收入总体情况表 by function code, with 用事业基金弥补收支差额', async () => {
    const t = table(await doc(), 'income');
    expect(t.columns.at(-1)!.key).toBe('businessFund');
    expect(cell(t, '2100499', 'gpb')).toBe(wan('417.85'));
    expect(row(t, '20103').name).toBe('政府办公厅（室）及相关机构事务');
    expect(cell(t, '2210203', 'total')).toBe(wan('66.42'));
  });

  it('reads 支出总体情况表 with 结转下年 and a wrapped continuation header', async () => {
    const t = table(await doc(), 'expenditure');
    expect(t.columns.map((c) => c.key)).toEqual(['total', 'basic', 'project', 'operating', 'subsidyToAffiliates', 'toSuperior', 'carryForward']);
    expect(t.pieces).toBe(2);
    expect([cell(t, '210', 'total'), cell(t, '210', 'basic'), cell(t, '210', 'project')]).toEqual([wan('1,829.71'), wan('524.96'), wan('1,304.74')]);
    expect(cell(t, '2101502', 'project')).toBe(wan('200.92'));
  });

  it('reads economic tables, 三公 and the per-unit tables', async () => {
    const d = await doc();
    expect(cell(table(d, 'gpbBasicEconomic'), '30229', 'amount')).toBe(wan('5.40'));
    expect(cell(table(d, 'gpbProjectEconomic'), '39999', 'amount')).toBe(wan('757.85'));
    expect(cell(table(d, 'threePublic'), '“三公”经费', 'total')).toBe(wan('4.15'));
    expect(cell(table(d, 'threePublic'), '公务用车运行维护费', 'gpb')).toBe(wan('2.85'));
    expect(row(table(d, 'threePublic'), '公务用车运行维护费').printedNumber).toBe('2.');
    const gf = table(d, 'govFund');
    expect(gf.rows.map((r) => r.code ?? r.name)).toEqual(['合计', '229', '22960', '2296003', '2296004']);
    expect(gf.note).toBe('注：本表本年无发生额。');
    const basic = table(d, 'unitBasic');
    expect(cell(basic, '人员类', 'total')).toBe(wan('699.39'));
    expect(row(basic, '公用经费类').unit).toBe('江门市医疗保障局');
    const proj = table(d, 'unitProject');
    expect(proj.note).toBe('注：无');
    expect(cell(proj, '财政应归还医保基金已支付非就医看病核酸检测费用', 'gpb')).toBe(wan('417.85'));
    expect(row(proj, '会议支出').text?.performanceTarget).toBe('运转类支出，无绩效目标。');
  });

  it('summarises the key figures', async () => {
    expect(summarize(await doc())).toEqual({
      incomeTotal: 2047, expenditureTotal: 2047, currentYearIncome: 2047, basic: 739.26, project: 1307.74,
      generalPublicBudget: 2047, governmentFund: 0, stateCapital: 0, threePublic: 4.15, unitCount: 1, projectCount: 22,
    });
  });
});
