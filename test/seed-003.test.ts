import { describe, expect, it } from 'vitest';
import { summarize } from '../src/compare/summary.js';
import { cell, kinds, row, seed, SEEDS, table, wan } from './helpers.js';

const doc = () => seed(SEEDS.s003);

describe('seed 003: 广州市医疗保障局 2026 budget (consolidated, 3 units)', () => {
  it('reads the identity', async () => {
    const d = await doc();
    expect([d.department, d.year, d.kind, d.scope, d.template]).toEqual(['广州市医疗保障局', 2026, 'budget', 'department', 'guangdong-budget']);
    expect(d.units.map((u) => u.name)).toEqual(['广州市医疗保障局', '广州市医疗保险服务中心', '广州市医疗救助服务中心']);
    expect(d.unrecognised).toEqual([]);
  });

  it('recognises the tables with row counts', async () => {
    const d = await doc();
    expect(kinds(d)).toEqual(['summary', 'income', 'expenditure', 'fiscalSummary', 'gpbExpenditure', 'gpbBasicEconomic', 'gpbProjectEconomic', 'threePublic', 'govFund', 'stateCapital', 'unitBasic', 'unitProject', 'keyProjects']);
    expect(d.tables.map((t) => t.rows.length)).toEqual([41, 4, 31, 34, 31, 38, 21, 7, 1, 1, 14, 37, 8]);
  });

  it('reads the 28 expenditure lines of 收支总体情况表, including 债务 and 转移性支出', async () => {
    const t = table(await doc(), 'summary');
    expect(t.rows.filter((r) => r.panel === 'expense' && r.role === 'item')).toHaveLength(29);
    expect(cell(t, '转移性支出', 'amount', { panel: 'expense' })).toBe(0);
    expect(row(t, '转移性支出', { panel: 'expense' }).printedNumber).toBe('二十八');
    expect(cell(t, '卫生健康支出', 'amount', { panel: 'expense' })).toBe(wan('639,736.37'));
    expect(cell(table(await doc(), 'fiscalSummary'), '结转下年', 'amount', { panel: 'expense' })).toBe(0);
  });

  it('reads function and economic tables, including "[30226] 劳务费" with a space', async () => {
    const d = await doc();
    expect(cell(table(d, 'expenditure'), '2101202', 'project')).toBe(wan('386,382.14'));
    expect(cell(table(d, 'gpbExpenditure'), '21015', 'basic')).toBe(wan('12,746.64'));
    const basic = table(d, 'gpbBasicEconomic');
    expect(row(basic, '30226').name).toBe('劳务费');
    expect(cell(basic, '30226', 'amount')).toBe(wan('1.40'));
    expect(cell(basic, '303', 'amount')).toBe(wan('699.39'));
    expect(cell(table(d, 'gpbProjectEconomic'), '31302', 'amount')).toBe(wan('386,382.14'));
    expect(cell(table(d, 'threePublic'), '行政经费', 'total')).toBe(wan('203,158.49'));
  });

  it('recognises unit rows printed without 「-小计」', async () => {
    const d = await doc();
    const basic = table(d, 'unitBasic');
    const self = row(basic, '广州市医疗保障局（本级）');
    expect([self.role, self.unit, self.cells.total!.fen]).toEqual(['subtotal', '广州市医疗保障局', wan('2,151.95')]);
    expect(cell(basic, '资本性支出', 'total', { unit: '广州市医疗保险服务中心' })).toBe(wan('34.10'));
    const proj = table(d, 'unitProject');
    expect(proj.rows.filter((r) => r.role === 'subtotal').map((r) => r.name)).toEqual(['广州市医疗保障局', '广州市医疗保险服务中心', '广州市医疗救助服务中心']);
    expect(cell(proj, '城乡居民医保财政补助资金', 'total')).toBe(wan('287,342.14'));
    expect(cell(proj, '机构运行辅助经费', 'total', { unit: '广州市医疗救助服务中心' })).toBe(wan('7.00'));
    expect(row(proj, '广州市医疗保障局 2026-2027年信息化运维项目').project).toBe('广州市医疗保障局 2026-2027年信息化运维项目');
  });

  it('reads the key projects', async () => {
    const t = table(await doc(), 'keyProjects');
    expect(t.rows.map((r) => r.cells.amount!.fen)).toEqual(['675.92', '200,000', '642.46', '287,342.14', '99,040', '33,101.06', '2,000', '857.4'].map(wan));
  });

  it('summarises the key figures', async () => {
    expect(summarize(await doc())).toEqual({
      incomeTotal: 647849.38, expenditureTotal: 647849.38, currentYearIncome: 647849.38, basic: 20869.58, project: 626979.8,
      generalPublicBudget: 647849.38, governmentFund: 0, stateCapital: 0, threePublic: 40.73, unitCount: 3, projectCount: 33,
    });
  });
});
