import { describe, expect, it } from 'vitest';
import type { Document } from '../src/model/index.js';
import { parseFile } from '../src/index.js';
import { cell, kinds, row, table, wan } from './helpers.js';

/**
 * Real disclosures as published (上海市普陀区, test/fixtures/real/, copied from shared/real/): every
 * standard table recognised, with row counts, a sample of exact amounts and where they were printed.
 */
const DIR = 'test/fixtures/real/';
const cache = new Map<string, Promise<Document>>();
const doc = (name: string) => {
  if (!cache.has(name)) cache.set(name, parseFile(DIR + name));
  return cache.get(name)!;
};

/** 元 as printed → fen (1 元 = 100 fen). */
function yuan(printed: string): number {
  const [whole, frac = ''] = printed.replace(/,/g, '').split('.');
  return Number(whole) * 100 + Number((frac + '00').slice(0, 2));
}

const SHANGHAI = ['summary', 'income', 'expenditure', 'fiscalSummary', 'gpbExpenditure', 'govFund', 'stateCapital', 'gpbBasicEconomic', 'threePublic'];
const NATIONAL_FINAL = ['summary', 'income', 'expenditure', 'fiscalSummary', 'gpbExpenditure', 'gpbBasicEconomic', 'threePublic', 'govFund', 'stateCapital'];

describe('上海市普陀区司法局 2026年区级部门预算 (WPS 表格)', () => {
  const d = () => doc('putuo-justice-2026-budget-department.pdf');

  it('identity, template and all 9 tables', async () => {
    const x = await d();
    expect([x.department, x.year, x.kind, x.template, x.source.format]).toEqual(['上海市普陀区司法局', 2026, 'budget', 'shanghai-budget', 'pdf']);
    expect(kinds(x)).toEqual(SHANGHAI);
    expect(x.tables.map((t) => t.rows.length)).toEqual([13, 22, 22, 9, 22, 2, 2, 30, 1]);
    expect(x.tables.map((t) => t.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    // Page 3 (after the 目录) is blank: the one thing not recognised, reported as such.
    expect(x.unrecognised.map((u) => [u.what, u.reason, u.at.page])).toEqual([['document', '第3页是空白页', 3]]);
  });

  it('tables 1–8 in 元, the 三公 table in 万元, each from its own 单位 line', async () => {
    const x = await d();
    expect(x.tables.map((t) => t.unit)).toEqual(['元', '元', '元', '元', '元', '元', '元', '元', '万元']);
    expect(x.tables[0]!.reportingUnit).toBe('上海市普陀区司法局');
  });

  it('reads amounts exactly, with their page', async () => {
    const x = await d();
    const summary = table(x, 'summary');
    expect(cell(summary, '收入总计', 'amount', { panel: 'income' })).toBe(yuan('96,282,213.44'));
    expect(cell(summary, '公共安全支出', 'amount', { panel: 'expense' })).toBe(yuan('87,267,272.44'));
    expect(row(summary, '一般公共预算', { panel: 'income' }).printedNumber).toBe('1.');
    expect(row(summary, '收入总计', { panel: 'income' }).cells.amount!.at.page).toBe(10);
    const income = table(x, 'income');
    const r = row(income, '2040601');
    expect([r.name, r.level, r.scheme]).toEqual(['行政运行', 3, 'function']);
    expect(cell(income, '2040601', 'total')).toBe(yuan('16726725.44'));
    expect(r.cells.total!.at.page).toBe(11);
    expect(cell(income, '合计', 'fiscal')).toBe(yuan('96282213.44'));
    expect(cell(table(x, 'expenditure'), '合计', 'basic')).toBe(yuan('25741666.44'));
    // 一般公共预算支出 runs over two pages, the header printed again on the second.
    const gpb = table(x, 'gpbExpenditure');
    expect(gpb.pieces).toBe(2);
    expect(cell(gpb, '2210203', 'basic')).toBe(yuan('2433600.00'));
    expect(row(gpb, '2210203').cells.basic!.at.page).toBe(16);
    const economic = table(x, 'gpbBasicEconomic');
    expect(cell(economic, '30217', 'publicUse')).toBe(yuan('8265.00'));
    expect(row(economic, '30213').name).toBe('维修(护)费');
    expect(cell(economic, '合计', 'personnel')).toBe(yuan('23563342.00'));
  });

  it('reads the 三公 table by its merged header cells, in 万元', async () => {
    const t = table(await d(), 'threePublic');
    expect(t.columns.map((c) => c.key)).toEqual(['total', 'abroad', 'reception', 'vehicle', 'vehiclePurchase', 'vehicleRunning', 'adminCost']);
    const r = t.rows[0]!;
    expect([r.cells.total!.fen, r.cells.abroad!.fen, r.cells.reception!.fen, r.cells.vehicle!.fen, r.cells.vehiclePurchase!.fen, r.cells.vehicleRunning!.fen, r.cells.adminCost!.fen]).toEqual([
      wan('10.81'), 0, wan('0.83'), wan('9.98'), 0, wan('9.98'), wan('217.83'),
    ]);
    expect(r.cells.total!.at.page).toBe(21);
  });

  it('keeps the empty fund tables and their notes', async () => {
    const t = table(await d(), 'govFund');
    expect(t.rows.map((r) => r.name)).toEqual(['无', '合计']);
    expect(t.note).toBe('注:本部门2026年无政府性基金预算财政拨款安排的预算，故本表为空表。');
  });
});

describe('上海市普陀区人民政府万里街道办事处 2024年区级部门预算 (WPS, whole 元)', () => {
  const d = () => doc('putuo-wanli-street-2024-budget-department.pdf');

  it('all 9 tables with row counts', async () => {
    const x = await d();
    expect([x.department, x.year, x.template]).toEqual(['上海市普陀区人民政府万里街道办事处', 2024, 'shanghai-budget']);
    expect(kinds(x)).toEqual(SHANGHAI);
    expect(x.tables.map((t) => t.rows.length)).toEqual([18, 67, 67, 14, 67, 1, 1, 32, 1]);
    expect(x.tables.map((t) => t.unit)).toEqual(['元', '元', '元', '元', '元', '元', '元', '元', '万元']);
  });

  it('reads whole-元 amounts, and the 合计 row a page holds alone', async () => {
    const x = await d();
    expect(cell(table(x, 'summary'), '收入总计', 'amount', { panel: 'income' })).toBe(yuan('156,211,123'));
    const income = table(x, 'income');
    expect(cell(income, '2120199', 'total')).toBe(yuan('54,212,362'));
    // The 合计 row stands alone on page 15, its label spanning the code and name columns.
    const total = row(income, '合计');
    expect([total.cells.total!.fen, total.cells.fiscal!.fen, total.cells.business!.fen]).toEqual([yuan('156,211,123'), yuan('156,211,123'), 0]);
    expect(total.cells.total!.at.page).toBe(15);
    expect(table(x, 'gpbExpenditure').pieces).toBe(5);
    expect(cell(table(x, 'gpbExpenditure'), '2089999', 'basic')).toBe(yuan('6,133,194'));
    const t = table(x, 'threePublic');
    expect([t.rows[0]!.cells.vehiclePurchase!.fen, t.rows[0]!.cells.adminCost!.fen]).toEqual([wan('25'), wan('443.18')]);
  });

  it('reports the malformed 款 codes the document prints (301 | 2, 301 | 7)', async () => {
    const x = await d();
    expect(x.unrecognised.map((u) => u.text)).toEqual(['3012', '3017']);
    expect(row(table(x, 'gpbBasicEconomic'), '3012').name).toBe('津贴补贴');
  });
});

describe('上海市普陀区人民政府办公室 2025年 部门预算 and 单位预算 (WPS 表格)', () => {
  it('部门预算: all 9 tables', async () => {
    const x = await doc('putuo-govoffice-2025-budget-department.pdf');
    expect([x.department, x.year, x.template]).toEqual(['上海市普陀区人民政府办公室', 2025, 'shanghai-budget']);
    expect(kinds(x)).toEqual(SHANGHAI);
    expect(x.tables.map((t) => t.rows.length)).toEqual([13, 21, 21, 9, 21, 1, 1, 30, 1]);
    expect(x.unrecognised).toEqual([]);
    expect(cell(table(x, 'gpbBasicEconomic'), '合计', 'total')).toBe(yuan('24,606,775.35'));
    expect(table(x, 'threePublic').rows[0]!.cells.abroad!.fen).toBe(wan('839.00'));
  });

  it('单位预算: its 收支总表 splits the expense side into 人员经费 | 公用经费 | 项目支出', async () => {
    const x = await doc('putuo-govoffice-2025-budget-unit.pdf');
    expect(kinds(x)).toEqual(SHANGHAI);
    expect(x.tables.map((t) => t.rows.length)).toEqual([13, 21, 21, 9, 21, 1, 1, 30, 1]);
    expect(x.unrecognised).toEqual([]);
    const s = table(x, 'summary');
    expect(s.columns.filter((c) => c.panel === 'expense').map((c) => c.key)).toEqual(['amount', 'personnel', 'publicUse', 'project']);
    expect(cell(s, '支出总计', 'personnel', { panel: 'expense' })).toBe(yuan('22,473,997.81'));
    expect(cell(s, '一般公共服务支出', 'project', { panel: 'expense' })).toBe(yuan('66,410,000.00'));
    expect(cell(s, '一般公共预算资金', 'amount', { panel: 'income' })).toBe(yuan('91,016,775.35'));
  });
});

describe('上海市普陀区财政局 2024年度部门决算 (ONLYOFFICE, national 9-table template)', () => {
  const d = () => doc('putuo-finance-2024-final-department.pdf');

  it('identity and all 9 tables', async () => {
    const x = await d();
    expect([x.department, x.year, x.kind, x.template]).toEqual(['上海市普陀区财政局', 2024, 'final', 'national-final']);
    expect(kinds(x)).toEqual(NATIONAL_FINAL);
    expect(x.tables.map((t) => t.rows.length)).toEqual([42, 20, 20, 38, 20, 66, 1, 1, 1]);
    expect(x.tables.every((t) => t.unit === '万元')).toBe(true);
    // Page 14 prints only an empty table row.
    expect(x.unrecognised.map((u) => [u.what, u.reason, u.at.page])).toEqual([['document', '第14页是空白页', 14]]);
  });

  it('reads codes printed in 类 | 款 | 项 columns, and names wrapped in their cell', async () => {
    const x = await d();
    const income = table(x, 'income');
    expect(cell(income, '合计', 'total')).toBe(wan('2,946.25'));
    expect(cell(income, '2010601', 'fiscal')).toBe(wan('1,511.89'));
    expect(cell(income, '2010601', 'other')).toBe(wan('0.01'));
    expect(row(table(x, 'expenditure'), '2080505').name).toBe('机关事业单位基本养老保险缴费支出');
    expect(cell(table(x, 'expenditure'), '2080505', 'total')).toBe(wan('160.75'));
    expect(row(income, '2010601').cells.fiscal!.at.page).toBe(8);
  });

  it('reads the two panels of 基本支出决算表 under their repeated header', async () => {
    const t = table(await d(), 'gpbBasicEconomic');
    expect(cell(t, '人员经费合计', 'amount', { panel: 'personnel' })).toBe(wan('2,152.26'));
    expect(cell(t, '公用经费合计', 'amount', { panel: 'publicUse' })).toBe(wan('184.65'));
    expect(cell(t, '30228', 'amount', { panel: 'publicUse' })).toBe(wan('24.42'));
    expect(row(t, '30212', { panel: 'publicUse' }).name).toBe('因公出国（境）费用');
  });

  it('reads the 三公 table by 预算数 | 决算数 under each merged group', async () => {
    const r = table(await d(), 'threePublic').rows[0]!;
    expect(r.cells['budget.total']!.fen).toBe(wan('0.95'));
    expect(r.cells['budget.reception']!.fen).toBe(wan('0.95'));
    expect(r.cells['final.total']).toBeNull();
    expect(r.cells['budget.vehicle']).toBeNull();
  });

  it('the 收支总表 and 财政拨款收支总表 by panel', async () => {
    const x = await d();
    const s = table(x, 'summary');
    expect(cell(s, '本年收入合计', 'amount', { panel: 'income' })).toBe(wan('2,946.25'));
    expect(cell(s, '总计', 'amount', { panel: 'expense' })).toBe(wan('2,995.39'));
    expect(row(s, '本年收入合计', { panel: 'income' }).cells.amount!.at.page).toBe(6);
    const f = table(x, 'fiscalSummary');
    expect(cell(f, '年末财政拨款结转和结余', 'gpb', { panel: 'expense' })).toBe(wan('21.63'));
  });
});

describe('部门决算模板 2024 (blank national template, WPS 文字)', () => {
  it('all 9 tables recognised, without amounts', async () => {
    const x = await doc('final-accounts-template-2024.pdf');
    expect([x.department, x.year, x.kind, x.template]).toEqual(['上海市 XX 局', 2024, 'final', 'national-final']);
    expect(kinds(x)).toEqual(NATIONAL_FINAL);
    expect(x.tables.flatMap((t) => t.rows).every((r) => Object.values(r.cells).every((a) => a === null || a.fen === 0))).toBe(true);
    expect(table(x, 'gpbBasicEconomic').rows.filter((r) => r.panel === 'publicUse').length).toBeGreaterThan(30);
  });
});
