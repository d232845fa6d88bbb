import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Row, Table } from '../src/model/index.js';
import { summarize } from '../src/compare/summary.js';
import { templateById } from '../src/templates/index.js';
import { cell, kinds, row, seed, SEEDS, table, THREE_PUBLIC_002_COLUMNS, wan } from './helpers.js';

const doc = () => seed(SEEDS.s002);

/** The row printed with 行次 `no` in `panel`; fails unless exactly one. */
function numbered(t: Table, panel: string, no: string): Row {
  const found = t.rows.filter((r) => r.panel === panel && r.printedNumber === no);
  if (found.length !== 1) throw new Error(`${found.length} rows with 行次 ${no} in ${t.kind}/${panel}`);
  return found[0]!;
}
const fen = (r: Row, key: string) => {
  const c = r.cells[key];
  if (c === undefined) throw new Error(`no column ${key} in ${r.name}`);
  return c === null ? null : c.fen;
};

describe('seed 002: 江门市医疗保障局（本级）2023 final account, PDF-to-text layout', () => {
  it('reads the identity', async () => {
    const d = await doc();
    expect([d.department, d.year, d.kind, d.scope, d.template]).toEqual(['江门市医疗保障局', 2023, 'final', 'unit', 'national-final']);
    expect(d.units).toEqual([{ name: '江门市医疗保障局', self: true }]);
    expect(d.unrecognised).toEqual([]);
  });

  it('recognises the 9 national 决算 tables, merging page-break pieces', async () => {
    const d = await doc();
    expect(kinds(d)).toEqual(['summary', 'income', 'expenditure', 'fiscalSummary', 'gpbExpenditure', 'gpbBasicEconomic', 'govFund', 'stateCapital', 'threePublic']);
    expect(d.tables.map((t) => t.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(d.tables.map((t) => t.rows.length)).toEqual([42, 39, 39, 38, 33, 83, 7, 1, 1]);
    expect(d.tables.map((t) => t.pieces)).toEqual([2, 2, 2, 2, 2, 3, 1, 1, 1]);
    for (const t of d.tables) {
      expect(t.unit).toBe('万元');
      expect(t.reportingUnit).toBe('江门市医疗保障局（本级）');
    }
  });

  it('places every printed amount of every table in exactly one cell, with its source line and token', async () => {
    const d = await doc();
    const lines = readFileSync(SEEDS.s002, 'utf8').split('\n');
    for (const t of d.tables) {
      const printed: string[] = [];
      for (let no = t.span.from; no <= t.span.to; no++) {
        const tokens = lines[no - 1]!.trim().split(/[ \u3000\u00a0]+/);
        tokens.forEach((tok, i) => {
          if (/^[\d,]+\.\d{2}$/.test(tok)) printed.push(`${no}:${i}:${tok}`);
        });
      }
      const placed = t.rows.flatMap((r) => Object.values(r.cells).flatMap((a) => (a ? [`${a.at.line}:${a.at.cell}:${a.raw}`] : [])));
      expect(placed.sort(), `${t.kind}`).toEqual(printed.sort());
    }
  });

  it('reads 收入支出决算总表: two panels with 行次, rows with one side only', async () => {
    const t = table(await doc(), 'summary');
    expect(t.columns.map((c) => [c.panel, c.key, c.printedNumber])).toEqual([['income', 'amount', '1'], ['expense', 'amount', '2']]);
    expect(cell(t, '一般公共预算财政拨款收入', 'amount', { panel: 'income' })).toBe(2229940000);
    expect(row(t, '一般公共预算财政拨款收入', { panel: 'income' }).printedNumber).toBe('1');
    expect(cell(t, '其他收入', 'amount', { panel: 'income' })).toBe(wan('0.30'));
    expect(cell(t, '卫生健康支出', 'amount', { panel: 'expense' })).toBe(wan('1,627.78'));
    expect(row(t, '卫生健康支出', { panel: 'expense' }).printedNumber).toBe('39');
    // 行次 9..26 of the income side are printed empty: no rows.
    expect(t.rows.filter((r) => r.panel === 'income').map((r) => r.printedNumber)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '27', '28', '29', '30']);
    expect(t.rows.filter((r) => r.panel === 'expense')).toHaveLength(30);
    const income = row(t, '本年收入合计', { panel: 'income' });
    expect([income.printedNumber, income.role, fen(income, 'amount')]).toEqual(['27', 'total', wan('2,697.23')]);
    const expense = row(t, '本年支出合计', { panel: 'expense' });
    expect([expense.printedNumber, expense.role, fen(expense, 'amount')]).toEqual(['57', 'total', wan('2,697.78')]);
    expect([numbered(t, 'income', '30').name, fen(numbered(t, 'income', '30'), 'amount')]).toEqual(['总计', wan('2,698.41')]);
    expect([numbered(t, 'expense', '60').name, fen(numbered(t, 'expense', '60'), 'amount')]).toEqual(['总计', wan('2,698.41')]);
    expect(cell(t, '年初结转和结余', 'amount', { panel: 'income' })).toBe(wan('1.18'));
    expect(cell(t, '年末结转和结余', 'amount', { panel: 'expense' })).toBe(wan('0.64'));
    expect(cell(t, '使用非财政拨款结余(含专用结余）', 'amount', { panel: 'income' })).toBe(0);
    expect(t.note).toBe('注：1.本表反映单位本年度的总收支和年末结转结余情况。\n2.本套报表金额单位转换时可能存在尾数误差。');
  });

  it('reads 收入决算表 by position under the 栏次, across a page break', async () => {
    const t = table(await doc(), 'income');
    expect(t.columns.map((c) => c.key)).toEqual(['total', 'fiscal', 'fromSuperior', 'business', 'operating', 'fromAffiliates', 'other']);
    expect(t.columns.map((c) => c.printedNumber)).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    expect(t.columns.find((c) => c.key === 'fromAffiliates')!.label).toBe('附属单位上缴收入');
    expect(cell(t, '合计', 'total')).toBe(wan('2,697.23'));
    expect(row(t, '合计').role).toBe('total');
    expect(cell(t, '210', 'other')).toBe(wan('0.30'));
    expect(cell(t, '210', 'fiscal')).toBe(wan('1,626.93'));
    const r = row(t, '2101501');
    expect([r.name, r.level, r.scheme, fen(r, 'total'), fen(r, 'other')]).toEqual(['行政运行', 3, 'function', wan('520.43'), wan('0.30')]);
    expect(row(t, '2101502').at.line).toBe(245);
    expect(row(t, '21015').level).toBe(2);
    expect(cell(t, '2296013', 'total')).toBe(wan('350.00'));
    expect(t.note).toBe('注：本表反映单位本年度取得的各项收入情况。');
  });

  it('reads 支出决算表', async () => {
    const t = table(await doc(), 'expenditure');
    expect(t.columns.map((c) => c.key)).toEqual(['total', 'basic', 'project', 'toSuperior', 'operating', 'subsidyToAffiliates']);
    expect([cell(t, '合计', 'total'), cell(t, '合计', 'basic'), cell(t, '合计', 'project')]).toEqual([wan('2,697.78'), wan('772.75'), wan('1,925.03')]);
    expect(cell(t, '2101501', 'basic')).toBe(wan('520.97'));
    expect(cell(t, '2101502', 'project')).toBe(wan('130.95'));
    expect(cell(t, '210', 'project')).toBe(wan('1,063.55'));
  });

  it('reads 财政拨款收入支出决算总表: one income column, four expense columns', async () => {
    const t = table(await doc(), 'fiscalSummary');
    expect(t.columns.map((c) => `${c.panel}.${c.key}#${c.printedNumber}`)).toEqual(['income.amount#1', 'expense.total#2', 'expense.gpb#3', 'expense.govFund#4', 'expense.stateCapital#5']);
    expect(numbered(t, 'income', '1').name).toBe('一般公共预算财政拨款');
    expect(fen(numbered(t, 'income', '1'), 'amount')).toBe(wan('2,229.94'));
    expect(fen(numbered(t, 'income', '2'), 'amount')).toBe(wan('466.99'));
    expect(cell(t, '城乡社区支出', 'govFund', { panel: 'expense' })).toBe(wan('116.99'));
    expect(cell(t, '城乡社区支出', 'gpb', { panel: 'expense' })).toBe(0);
    expect(cell(t, '其他支出', 'govFund', { panel: 'expense' })).toBe(wan('350.00'));
    const total = row(t, '本年支出合计', { panel: 'expense' });
    expect(['total', 'gpb', 'govFund', 'stateCapital'].map((k) => fen(total, k))).toEqual([wan('2,696.93'), wan('2,229.94'), wan('466.99'), 0]);
    expect(total.printedNumber).toBe('59');
    // 行次 29–31 carry an income amount; their expense side (61–63) is printed empty.
    expect(['29', '30', '31'].map((n) => [numbered(t, 'income', n).name, fen(numbered(t, 'income', n), 'amount')])).toEqual([
      ['一般公共预算财政拨款', 0],
      ['政府性基金预算财政拨款', 0],
      ['国有资本经营预算财政拨款', 0],
    ]);
    expect(t.rows.filter((r) => r.panel === 'expense' && ['61', '62', '63'].includes(r.printedNumber ?? ''))).toEqual([]);
    const grand = numbered(t, 'expense', '64');
    expect([grand.name, fen(grand, 'total'), fen(grand, 'govFund')]).toEqual(['总计', wan('2,696.93'), wan('466.99')]);
    expect(t.rows.filter((r) => r.panel === 'income')).toHaveLength(9);
  });

  it('reads 一般公共预算财政拨款支出决算表', async () => {
    const t = table(await doc(), 'gpbExpenditure');
    expect([cell(t, '合计', 'total'), cell(t, '合计', 'basic'), cell(t, '合计', 'project')]).toEqual([wan('2,229.94'), wan('771.90'), wan('1,458.04')]);
    expect(cell(t, '2101505', 'project')).toBe(wan('67.80'));
    expect(cell(t, '2210203', 'total')).toBe(wan('62.37'));
    expect(t.rows.some((r) => r.code === '212')).toBe(false);
  });

  it('reads 基本支出决算明细表: 人员经费 | 公用经费 side by side, then 公用经费 alone', async () => {
    const t = table(await doc(), 'gpbBasicEconomic');
    expect(cell(t, '30101', 'amount', { panel: 'personnel' })).toBe(wan('92.56'));
    expect(cell(t, '30231', 'amount', { panel: 'publicUse' })).toBe(wan('1.50'));
    expect(cell(t, '30299', 'amount', { panel: 'publicUse' })).toBe(wan('5.03'));
    expect(cell(t, '39999', 'amount', { panel: 'publicUse' })).toBe(0);
    expect(row(t, '39999').at.line).toBe(705);
    expect(row(t, '30213').name).toBe('维修(护)费');
    expect([row(t, '301').level, row(t, '301').scheme, row(t, '301').panel]).toEqual([1, 'economic', 'personnel']);
    for (const code of ['307', '30701', '310', '31099', '399', '39910']) expect(row(t, code).panel).toBe('publicUse');
    expect(t.rows.filter((r) => r.panel === 'personnel')).toHaveLength(28);
    expect(t.rows.filter((r) => r.panel === 'publicUse')).toHaveLength(55);
    const personnel = row(t, '人员经费合计');
    const publicUse = row(t, '公用经费合计');
    expect([personnel.panel, personnel.role, fen(personnel, 'amount')]).toEqual(['personnel', 'total', wan('718.20')]);
    expect([publicUse.panel, publicUse.role, fen(publicUse, 'amount')]).toEqual(['publicUse', 'total', wan('53.70')]);
  });

  it('joins names wrapped over several lines in 政府性基金预算财政拨款收入支出决算表', async () => {
    const t = table(await doc(), 'govFund');
    expect(t.columns.map((c) => c.key)).toEqual(['carriedOver', 'income', 'total', 'basic', 'project', 'carriedForward']);
    const a = row(t, '21213');
    expect([a.name, a.level, a.at.line]).toEqual(['城市基础设施配套费安排的支出', 2, 733]);
    expect([fen(a, 'carriedOver'), fen(a, 'income'), fen(a, 'total'), fen(a, 'project')]).toEqual([0, wan('116.99'), wan('116.99'), wan('116.99')]);
    expect(a.cells.income!.at).toEqual({ file: SEEDS.s002, line: 737, cell: 1 });
    expect(row(t, '2121399').name).toBe('其他城市基础设施配套费安排的支出');
    expect(row(t, '2296013').name).toBe('用于城乡医疗救助的彩票公益金支出');
    expect(cell(t, '2296013', 'project')).toBe(wan('350.00'));
    expect(cell(t, '合计', 'income')).toBe(wan('466.99'));
    expect(t.rows.map((r) => r.code ?? r.name)).toEqual(['合计', '212', '21213', '2121399', '229', '22960', '2296013']);
  });

  it('reads the empty 国有资本经营预算财政拨款支出决算表 and its two-line note', async () => {
    const t = table(await doc(), 'stateCapital');
    expect(t.rows.map((r) => [r.name, r.role])).toEqual([['合计', 'total']]);
    expect([cell(t, '合计', 'total'), cell(t, '合计', 'basic'), cell(t, '合计', 'project')]).toEqual([0, 0, 0]);
    expect(t.note).toContain('本表本年度无发生额');
    expect(t.note).toBe('注：本表反映单位本年度国有资本经营预算财政拨款支出情况。\n本表本年度无发生额。');
  });

  it('reads the single data row of the 三公 table under its wrapped header', async () => {
    const t = table(await doc(), 'threePublic');
    expect(t.columns.map((c) => c.printedNumber)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12']);
    // The layout keeps no header structure: the labels are the template's paths of the printed
    // three-level header (预算数 | 决算数 over 合计 … 公务用车购置及运行维护费: 小计 | 购置费 | 运行维护费 …).
    expect(t.columns.map((c) => [c.key, c.label])).toEqual(THREE_PUBLIC_002_COLUMNS);
    const r = t.rows[0]!;
    expect(r.at.line).toBe(816);
    expect(Object.fromEntries(Object.entries(r.cells).map(([k, v]) => [k, v?.fen]))).toEqual({
      'budget.total': wan('4.30'), 'budget.abroad': 0, 'budget.vehicle': wan('3.00'), 'budget.vehiclePurchase': 0, 'budget.vehicleRunning': wan('3.00'), 'budget.reception': wan('1.30'),
      'final.total': wan('1.65'), 'final.abroad': 0, 'final.vehicle': wan('1.50'), 'final.vehiclePurchase': 0, 'final.vehicleRunning': wan('1.50'), 'final.reception': wan('0.15'),
    });
    expect(t.note).toMatch(/^注：本表反映单位本年度财政拨款“三公”经费支出预决算情况。.*以前年度结转资金安排的实际支出。$/);
  });

  it('maps every printed form of the 三公 header paths to its column, and only to it', () => {
    const specs = templateById('national-final')!.tables.find((t) => t.kind === 'threePublic')!.columns;
    expect(specs.map((c) => [c.key, c.path])).toEqual(THREE_PUBLIC_002_COLUMNS);
    // As a ruled PDF states them (上海市普陀区 2024): the group last, under a title cell.
    const ruled = (label: string) => {
      const [group, ...rest] = label.split('/');
      return `财政拨款“三公”经费/${rest.join('/').replace('运行维护费/', '运行费/').replace(/运行维护费$/, '运行费')}/${group}`;
    };
    for (const path of [...THREE_PUBLIC_002_COLUMNS.map(([, l]) => l), ...THREE_PUBLIC_002_COLUMNS.map(([, l]) => ruled(l))]) {
      // The first column whose header accepts the path (header.ts maps that way) is its own.
      const first = specs.find((c) => c.header.test(path));
      const own = THREE_PUBLIC_002_COLUMNS.find(([, l]) => l === path || ruled(l) === path)![0];
      expect(first?.key, path).toBe(own);
    }
  });

  it('splits the narrative into its parts, joining a wrapped part heading and skipping page furniture', async () => {
    const d = await doc();
    expect(d.narrative.map((s) => [s.number, s.part])).toEqual([['第一部分', 'overview'], ['第二部分', 'other'], ['第三部分', 'explanation'], ['第四部分', 'glossary']]);
    expect(d.narrative[2]!.heading).toBe('江门市医疗保障局（本级）2023年度部门决算情况说明');
    expect(d.narrative[0]!.children.map((s) => s.heading)).toEqual(['单位主要职责', '单位机构设置', '部门决算单位构成']);
    expect(d.narrative[0]!.children[2]!.text).toBe('本部门决算为单位本级决算。');
    expect(d.narrative[2]!.children.map((s) => s.number)).toEqual(['一', '二', '三', '四']);
    const all = JSON.stringify(d.narrative);
    expect(all).not.toContain('单位：万元');
    expect(all).not.toContain('- 14 -');
    expect(all).not.toContain('2,229.94 ');
  });

  it('reads the 名词解释 with half-width colons', async () => {
    const d = await doc();
    expect(d.glossary).toHaveLength(15);
    expect(d.glossary[0]).toMatchObject({ term: '财政拨款收入', definition: '指财政当年拨付的资金。包括一般公共预算财政拨款、政府性基金预算财政拨款和国有资本经营预算财政拨款。' });
    expect(d.glossary.map((g) => g.term)).toContain('使用非财政拨款结余（含专用结余）');
    expect(d.glossary.map((g) => g.term)).toContain('“三公”经费');
    expect(d.glossary[d.glossary.length - 1]!.term).toBe('机关运行经费');
  });

  it('summarises the 决算数', async () => {
    const s = summarize(await doc());
    expect(s).toMatchObject({
      incomeTotal: 2698.41, expenditureTotal: 2698.41, currentYearIncome: 2697.23, basic: 772.75, project: 1925.03,
      generalPublicBudget: 2229.94, governmentFund: 466.99, stateCapital: 0, threePublic: 1.65, unitCount: 1,
    });
  });
});
