import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { normaliseName } from '../src/catalog/index.js';
import { checkDocument } from '../src/check/index.js';
import { EntryError, entryFromDocument, readEntryWorkbook, writeEntryTemplate, writeEntryWorkbook, type EntryInput } from '../src/generate/index.js';
import { parseSource } from '../src/index.js';
import type { Document, Row, Section, Table } from '../src/model/index.js';
import { renderDocument } from '../src/render/index.js';
import { seed, SEEDS, THREE_PUBLIC_002_COLUMNS, wan } from './helpers.js';
import { expectSameDocument } from './roundtrip.js';
import { withNarrative } from '../src/narrative/index.js';

/*
 * The national 9-table 部门决算 (seed 002, 江门市医疗保障局（本级）2023). 002 prints only margins, so
 * the reconstruction (entryFromDocument → src/generate/reconstruct-final.ts) rebuilds 支出 lines from
 * 基本支出决算明细表 × 一般公共预算财政拨款支出决算表 and the fund tables, non-fiscal spending as
 * 支出决算表 − the fund tables, non-fiscal income from 收入决算表, 非财政拨款 年初结转和结余 from the
 * two 总表, and prior figures, 年初预算数, reasons and counts from the 情况说明. Generating from that
 * input computes every 类/款/合计 exactly, so the tables differ from 002 only where 002 disagrees with
 * itself.
 */

const generated = (async () => {
  const s = await seed(SEEDS.s002);
  const { input, notes } = entryFromDocument(s);
  const doc = await readEntryWorkbook(await writeEntryWorkbook(input), '002.entry.xlsx');
  return { seed: s, input, notes, doc };
})();

const rowKey = (r: Row) => [r.panel ?? '', r.printedNumber ?? '', r.code ?? '', r.level ?? '', r.scheme ?? '', normaliseName(r.name), r.role, r.bold ?? false].join('|');
const head = (t: Table) => ({ kind: t.kind, number: t.number, title: t.title, unit: t.unit, decimals: t.decimals, reportingUnit: t.reportingUnit, note: t.note, project: t.project });

/** Cell by cell: `row`/`columns` mismatches, then `code-or-name[column] generated − printed` (fen). */
function differences(printed: Table, derived: Table): string[] {
  const out: string[] = [];
  if (JSON.stringify(head(printed)) !== JSON.stringify(head(derived))) out.push('head');
  if (JSON.stringify(printed.columns) !== JSON.stringify(derived.columns)) out.push('columns');
  for (let i = 0; i < Math.max(printed.rows.length, derived.rows.length); i++) {
    const a = printed.rows[i];
    const b = derived.rows[i];
    if (!a || !b || rowKey(a) !== rowKey(b)) {
      out.push(`row ${i}`);
      continue;
    }
    for (const c of new Set([...Object.keys(a.cells), ...Object.keys(b.cells)])) {
      if (a.cells[c]?.fen !== b.cells[c]?.fen) out.push(`${a.code ?? `${a.panel ?? ''}:${a.name}`}[${c}] ${(b.cells[c]?.fen ?? 0) - (a.cells[c]?.fen ?? 0)}`);
    }
  }
  return out;
}

const textOf = (s: Section): string => [s.text, ...s.children.map(textOf)].join('\n');
const explanation = (d: Document) => textOf(d.narrative.find((s) => s.part === 'explanation')!);
const errors = (d: Document) => checkDocument(d).filter((f) => f.severity === 'error').map((f) => `${f.rule}: ${f.message}`);

describe('national 9-table 决算 (seed 002)', () => {
  it('derives the nine tables of 002; differences only where 002 disagrees with itself', async () => {
    const { seed: s, doc } = await generated;
    expect(doc.tables.map((t) => t.kind)).toEqual(s.tables.map((t) => t.kind));
    expect(doc.tables.map((t) => t.rows.length)).toEqual([42, 39, 39, 38, 33, 83, 7, 1, 1]);
    const diffs = Object.fromEntries(s.tables.map((t, i) => [t.kind, differences(t, doc.tables[i]!)]));
    expect(diffs).toEqual({
      // 行59: 002 prints 0.64, but 年初 1.18 + 本年收入 2,697.23 − 本年支出 2,697.78 = 0.63 (its 总计 60,
      // 2,698.41, is itself 0.01 less than 57 + 58 + 59); 年末 is computed, never typed.
      summary: ['expense:年末结转和结余[amount] -10000'],
      // 210 prints 1,627.24, its 款 add to 1,627.23; 22102 prints 112.33, its 项 49.97 + 62.37 = 112.34:
      // the 一般公共预算 totals (771.90 printed in 表5, 表6 and via 表1/表4) are kept, 2210203 gives 0.01.
      income: ['210[total] -10000', '2210203[total] -10000', '2210203[fiscal] -10000'],
      // 210 基本支出 prints 564.23, its 款 564.22, and 合计 772.75 = 771.90 一般公共预算 + 0.85 other funds,
      // while the 项 show 0.84 (520.97 − 520.13): the 0.01 goes to 2101501 (so 21015 = 1,015.96 as printed,
      // where 002's own 21015 row prints 520.97 + 494.98 = 1,015.95 in its parts). 2210203 as in 收入决算表.
      expenditure: ['21015[basic] 10000', '2101501[total] 10000', '2101501[basic] 10000', '2210203[total] -10000', '2210203[basic] -10000'],
      fiscalSummary: [],
      gpbExpenditure: ['2210203[total] -10000', '2210203[basic] -10000'],
      // 301 prints 709.44, its 款 709.43; 302 prints 53.70 (= 机关运行经费 in the 情况说明), its 款 53.71:
      // the 类 and 人员/公用经费合计 are kept, the last 款 of each takes the 0.01.
      gpbBasicEconomic: ['30199[amount] 10000', '30299[amount] -10000'],
      govFund: [],
      stateCapital: [],
      threePublic: [],
    });
    // Names equal up to bracket width: 002 mixes half- and full-width brackets.
    const names = s.tables.flatMap((t, i) => t.rows.flatMap((r, j) => (r.name !== doc.tables[i]!.rows[j]!.name ? [`${r.name} → ${doc.tables[i]!.rows[j]!.name}`] : [])));
    expect(names).toEqual(['使用非财政拨款结余(含专用结余） → 使用非财政拨款结余（含专用结余）', '维修(护)费 → 维修（护）费']);
  });

  it('labels the 三公 table with its printed header paths, as read from 002, and renders the groups', async () => {
    const { seed: s, doc } = await generated;
    const three = (d: Document) => d.tables.find((t) => t.kind === 'threePublic')!;
    expect(three(doc).columns.map((c) => [c.key, c.label])).toEqual(THREE_PUBLIC_002_COLUMNS);
    expect(three(doc).columns).toEqual(three(s).columns);
    const html = new TextDecoder().decode(await renderDocument(doc, 'html'));
    expect(html).toContain('<th colspan="6">预算数</th>');
    expect(html).toContain('<th colspan="6">决算数</th>');
    expect(html.match(/<th colspan="3">公务用车购置及运行维护费<\/th>/g)).toHaveLength(2);
  });

  it('says where 002 disagrees with itself and which side the input follows', async () => {
    const { notes } = await generated;
    expect(notes).toEqual([
      '一般公共预算财政拨款支出决算表 基本支出：各项之和 771.91 万元与印出的合计 771.90 万元不一致，按合计，差额记在 2210203',
      '基本支出决算明细表 301 印 709.44 万元，各款之和相差 0.01 万元：按类，差额记在 30199',
      '基本支出决算明细表 302 印 53.70 万元，各款之和相差 -0.01 万元：按类，差额记在 30299',
      '支出决算表 basic 非财政拨款部分：各项之和 0.84 万元与印出的合计 0.85 万元不一致，按合计，差额记在 2101501',
    ]);
  });

  it('reconstructs the facts a 决算 adds: non-fiscal income and balances, 三公 budget, 年初预算数, prior 决算数', async () => {
    const { input } = await generated;
    expect(input.income?.map((l) => [l.functionCode, l.source, l.fen])).toEqual([['2101501', 'other', wan('0.30')]]);
    expect(input.balances).toBeUndefined();
    expect([input.other.nonFiscalOpening, input.other.initialBudgetGpb, input.other.initialBudgetGovFund, input.other.initialBudgetStateCapital]).toEqual([wan('1.18'), wan('1,963.77'), wan('493.00'), 0]);
    expect(input.threePublic).toEqual({
      abroad: { budget: 0, prior: 0 },
      vehiclePurchase: { budget: 0, prior: 0 },
      vehicleRunning: { budget: wan('3.00'), prior: wan('0.73') },
      reception: { budget: wan('1.30'), prior: wan('0.16') },
    });
    expect([input.prior.values.incomeGpb, input.prior.values.incomeOther, input.prior.values.basic, input.prior.values.adminCost]).toEqual([wan('1,250.17'), wan('3.04'), wan('739.01'), wan('50.42')]);
    // 公务接待费 0.15 is not in 基本支出 (30217 = 0.00): it is carved out of a 项目支出 line.
    expect(input.lines.filter((l) => l.economicCode === '30217').map((l) => [l.functionCode, l.kind, l.fen])).toEqual([['2013102', 'project', wan('0.15')]]);
  });

  it('writes a 情况说明 worded like 002 whose claims restate the generated tables', async () => {
    const { doc } = await generated;
    const text = explanation(doc);
    expect(text).toContain('江门市医疗保障局（本级）2023年度总收入2,698.41万元，其中本年收入2,697.23万元。具体情况如下：');
    expect(text).toContain('1.一般公共预算财政拨款收入2,229.94万元，比上年决算数增加979.77万元，增长78.4%。主要变动情况：一是信息化项目服务和开发资金相对上年增加约200万元');
    expect(text).toContain('3.国有资本经营预算财政拨款收入0.00万元，与上年决算数持平。');
    expect(text).toContain('政府性基金预算财政拨款支出466.99万元，比年初预算数减少26.01万元，下降5.3%；主要变动情况：节约了办公场所装修修缮项目的预算支出');
    // 002 prints 38.3% and 6.2% (truncated); percentages are rounded half-up: 1.65/4.30 = 38.37%, 0.01/0.16 = 6.25%.
    expect(text).toContain('“三公”经费财政拨款支出决算为1.65万元，完成全年预算4.30万元的38.4%，比上年决算数增加0.76万元，增长85.4%。其中：因公出国（境）费支出决算为0.00万元，完成预算0.00万元的--%（基数为0，不可比），与上年决算数持平');
    expect(text).toContain('公务接待费支出决算为0.15万元，完成预算1.30万元的11.5%，比上年决算数减少0.01万元，下降6.3%。');
    expect(text).toContain('发生国内接待2次，接待人数共25人。');
    expect(text).toContain('2023年度本单位机关运行经费支出53.70万元，比上年决算数增加3.28万元，增长6.5%。主要增减变动情况是：单位人员增加和机关运行经费的正常增支。');
    expect(text).toContain('授予中小企业合同金额158.93万元，占政府采购支出总额的100.0%，其中：授予小微企业合同金额23.90万元，占授予中小企业合同金额的15.0%。');

    // Every claim about a table figure states the generated table's figure.
    const t = (kind: Table['kind']) => doc.tables.find((x) => x.kind === kind)!;
    const panel = (kind: Table['kind'], p: string, name: string, column = 'amount') => t(kind).rows.find((r) => r.panel === p && r.name === name)!.cells[column]!.fen;
    const total = (kind: Table['kind'], column: string) => t(kind).rows.find((r) => r.role === 'total')!.cells[column]!.fen;
    const tp = (k: string) => t('threePublic').rows[0]!.cells[`final.${k}`]!.fen;
    const expected: Record<string, number> = {
      'income.total': panel('summary', 'income', '总计'),
      'income.current': panel('summary', 'income', '本年收入合计'),
      'gpb.income': panel('summary', 'income', '一般公共预算财政拨款收入'),
      'govFund.income': panel('summary', 'income', '政府性基金预算财政拨款收入'),
      'stateCapital.income': panel('summary', 'income', '国有资本经营预算财政拨款收入'),
      'income.other': panel('summary', 'income', '其他收入'),
      'expense.total': panel('summary', 'expense', '总计'),
      'expense.current': panel('summary', 'expense', '本年支出合计'),
      'expense.basic': total('expenditure', 'basic'),
      'expense.project': total('expenditure', 'project'),
      'fiscal.income': panel('fiscalSummary', 'income', '本年收入合计'),
      'fiscal.expense': panel('fiscalSummary', 'expense', '本年支出合计', 'total'),
      'gpb.expense': total('gpbExpenditure', 'total'),
      'govFund.expense': total('govFund', 'total'),
      'threePublic.total': tp('total'),
      'threePublic.vehicle': tp('vehicle'),
      'threePublic.vehicleRunning': tp('vehicleRunning'),
      'threePublic.reception': tp('reception'),
      adminCost: panel('gpbBasicEconomic', 'publicUse', '公用经费合计'),
    };
    const checked = doc.claims.filter((c) => c.key && c.amount && !c.context && expected[c.key] !== undefined);
    expect(checked.filter((c) => c.amount!.fen !== expected[c.key!]).map((c) => c.clause)).toEqual([]);
    expect(new Set(checked.map((c) => c.key)).size).toBe(Object.keys(expected).length);
  });

  it('checks clean: no error finding in the generated document', async () => {
    const { doc } = await generated;
    expect(errors(doc)).toEqual([]);
  });

  it('never invents a reason: a missing one prints 「（原因待填写）」', async () => {
    const { input } = await generated;
    const bare: EntryInput = { ...input, reasons: { incomeGovFund: '增加办公场所装修修缮项目收入' } };
    const doc = await readEntryWorkbook(await writeEntryWorkbook(bare), 'bare.xlsx');
    const text = explanation(doc);
    expect(text).toContain('1.一般公共预算财政拨款收入2,229.94万元，比上年决算数增加979.77万元，增长78.4%。主要变动情况：（原因待填写）。');
    expect(text).toContain('“三公”经费支出决算小于预算数的主要情况：（原因待填写）。');
    expect(text).toContain('主要增减变动情况是：（原因待填写）。');
    // The 财政拨款收入 paragraph falls back to the reason typed for the same income in 收入 (not invented).
    expect(text).toContain('政府性基金预算财政拨款收入466.99万元，比上年决算数增加132.19万元，增长39.5%；主要变动情况：增加办公场所装修修缮项目收入');
    // A flat figure needs no reason.
    expect(text).toContain('4.上级补助收入0.00万元，与上年决算数持平。');
    // Without 上年数 nothing is compared.
    const budgetsOnly = Object.fromEntries(Object.entries(bare.threePublic).map(([k, v]) => [k, { ...(v.budget !== undefined ? { budget: v.budget } : {}) }]));
    const noPrior = await readEntryWorkbook(await writeEntryWorkbook({ ...bare, threePublic: budgetsOnly, prior: { values: {}, functionClass: {}, economicClass: {} } }), 'noprior.xlsx');
    expect(explanation(noPrior)).toContain('1.一般公共预算财政拨款收入2,229.94万元（上年决算数待填写）。');
    expect(explanation(noPrior)).toContain('公务接待费支出决算为0.15万元，完成预算1.30万元的11.5%（上年决算数待填写）。');
  });

  it('renders to HTML and reads back to the same tables, 情况说明 and glossary', async () => {
    const { doc } = await generated;
    const back = await parseSource(await renderDocument(doc, 'html'), 'generated-002.html');
    // Tables, identity, 目录 and glossary as for every round trip (test/roundtrip.ts); the narrative is
    // compared part by part below, because the rendering adds its 「第二部分 …部门决算表」 heading and
    // 002's 职责 list (「（一）拟订…」 paragraphs, typed as one text) reads back as sub-sections.
    const noProse = (d: Document): Document => withNarrative(d, d.narrative.filter((x) => x.part === 'explanation' || x.part === 'glossary'));
    expectSameDocument(noProse(back), noProse(doc));
    expect(back.narrative.map((x) => [x.number, x.heading, x.part])).toEqual([
      ['第一部分', '江门市医疗保障局（本级）概况', 'overview'],
      ['第二部分', '2023年度部门决算表', 'other'],
      ['第三部分', '江门市医疗保障局（本级）2023年度部门决算情况说明', 'explanation'],
      ['第四部分', '名词解释', 'glossary'],
    ]);
  });

  it('computes 财政拨款收入 and 年末 from balances: 收入 = 支出 + 年末 − 年初, both 总表 balance', async () => {
    const { input } = await generated;
    const withBalances: EntryInput = {
      ...input,
      balances: [
        { functionCode: '2121399', fund: 'govFund', opening: wan('10.00'), closing: wan('5.00'), at: { sheet: '结转结余' } },
        { functionCode: '2101502', fund: 'gpb', opening: 0, closing: wan('20.00'), at: { sheet: '结转结余' } },
      ],
      other: { ...input.other, surplusUsed: wan('0.20'), surplusDistribution: wan('0.10') },
    };
    const doc = await readEntryWorkbook(await writeEntryWorkbook(withBalances), 'balances.xlsx');
    const t = (kind: Table['kind']) => doc.tables.find((x) => x.kind === kind)!;
    const fund = t('govFund').rows.find((r) => r.code === '2121399')!;
    expect(['carriedOver', 'income', 'total', 'carriedForward'].map((k) => fund.cells[k]!.fen)).toEqual([wan('10.00'), wan('111.99'), wan('116.99'), wan('5.00')]);
    expect(t('govFund').note).toBe('注：本表反映单位本年度政府性基金预算财政拨款收入、支出及结转结余情况。');
    const amount = (kind: Table['kind'], panel: string, name: string, column = 'amount') => t(kind).rows.filter((r) => r.panel === panel && r.name === name).map((r) => r.cells[column]!.fen);
    expect(amount('fiscalSummary', 'income', '年初财政拨款结转和结余')).toEqual([wan('10.00')]);
    expect(amount('fiscalSummary', 'expense', '年末财政拨款结转和结余', 'total')).toEqual([wan('25.00')]);
    expect(amount('fiscalSummary', 'income', '一般公共预算财政拨款')).toEqual([wan('2,249.94'), 0]);
    expect(amount('fiscalSummary', 'income', '总计')).toEqual(amount('fiscalSummary', 'expense', '总计', 'total'));
    // 非财政拨款 年末 = 1.18 + 0.30 + 0.20 − 0.85 − 0.10 = 0.73; 年末 = 25.00 + 0.73.
    expect(amount('summary', 'expense', '年末结转和结余')).toEqual([wan('25.73')]);
    expect(amount('summary', 'income', '总计')).toEqual(amount('summary', 'expense', '总计'));
    expect(errors(doc)).toEqual([]);
  });
});

describe('一般公共预算财政拨款支出 by 类 against 年初预算数 (「分类预算数」; 002 does not print it)', () => {
  const budgets = (input: EntryInput): EntryInput => ({
    ...input,
    classBudgets: [
      { code: '201', fen: wan('3.00'), at: { sheet: '分类预算数' } },
      { code: '206', fen: wan('200.00'), reason: '信息化项目服务和开发资金增加', at: { sheet: '分类预算数' } },
      { code: '208', fen: wan('94.68'), at: { sheet: '分类预算数' } },
      { code: '210', fen: wan('1,552.25'), at: { sheet: '分类预算数' } },
      { code: '215', fen: wan('1.51'), at: { sheet: '分类预算数' } },
      { code: '221', fen: wan('112.33'), at: { sheet: '分类预算数' } },
    ],
  });

  it('adds the section with completion rates; a missing reason prints 「（原因待填写）」', async () => {
    const { input } = await generated;
    const doc = await readEntryWorkbook(await writeEntryWorkbook(budgets(input)), 'budgets.xlsx');
    const part = doc.narrative.find((s) => s.part === 'explanation')!;
    expect(part.children.map((s) => `${s.number}、${s.heading}`)).toEqual([
      '一、2023年度收入支出决算总体情况说明',
      '二、2023年度财政拨款收入支出总表说明',
      '三、2023年度一般公共预算财政拨款支出决算情况说明',
      '四、2023年度财政拨款“三公”经费支出决算情况说明',
      '五、其他重要事项的情况说明',
    ]);
    const text = textOf(part.children[2]!);
    expect(text).toContain('2023年度一般公共预算财政拨款支出2,229.94万元，占本年支出合计的82.7%。');
    expect(text).toContain('主要用于以下方面：一般公共服务（类）支出3.00万元，占0.1%；科学技术（类）支出391.49万元，占17.6%；');
    expect(text).toContain('2023年度一般公共预算财政拨款支出年初预算为1,963.77万元，支出决算为2,229.94万元，完成年初预算的113.6%。其中：');
    expect(text).toContain('1.一般公共服务（类）：年初预算为3.00万元，支出决算为3.00万元，完成年初预算的100.0%。决算数与年初预算数持平。');
    expect(text).toContain('2.科学技术（类）：年初预算为200.00万元，支出决算为391.49万元，完成年初预算的195.7%。决算数大于年初预算数的主要原因是：信息化项目服务和开发资金增加。');
    expect(text).toContain('4.卫生健康（类）：年初预算为1,552.25万元，支出决算为1,626.93万元，完成年初预算的104.8%。决算数大于年初预算数的主要原因是：（原因待填写）。');
    expect(errors(doc)).toEqual([]);
  });

  it('checks the 类 budgets against the typed 年初预算数 (typed twice → must agree)', async () => {
    const { input } = await generated;
    const off = budgets(input);
    off.classBudgets![0]!.fen = wan('4.00');
    await expect(readEntryWorkbook(await writeEntryWorkbook(off), 'off.xlsx')).rejects.toThrow(/各类年初预算数之和为 1,964.77 万元，但「其他」中的年初预算数（一般公共预算财政拨款支出）为 1,963.77 万元/);
  });
});

describe('the data-entry workbook for a 决算', () => {
  it('has the 决算 sheets, and a 决算 workbook reads back with every problem listed', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await writeEntryTemplate()) as unknown as ArrayBuffer);
    expect((wb.getWorksheet('收入明细')!.getRow(1).values as unknown[]).slice(1)).toEqual(['功能科目编码', '功能科目名称', '收入来源', '金额（万元）', '备注']);
    expect((wb.getWorksheet('结转结余')!.getRow(1).values as unknown[]).slice(1)).toEqual(['功能科目编码', '功能科目名称', '资金来源', '年初结转和结余（万元）', '年末结转和结余（万元）', '备注']);
    expect((wb.getWorksheet('分类预算数')!.getRow(1).values as unknown[]).slice(1)).toEqual(['功能科目编码（类）', '功能科目名称', '年初预算数（万元）', '决算数与年初预算数差异原因']);
    expect((wb.getWorksheet('三公')!.getRow(1).values as unknown[]).slice(1)).toEqual(['项目', '本年预算数（万元，可不填）', '上年预算数（万元）', '全年预算数（决算用，万元）', '说明']);

    const { input } = await generated;
    const bytes = await writeEntryWorkbook(input);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    const income = book.getWorksheet('收入明细')!;
    income.getRow(3).values = ['21015', '', '财政拨款收入', '1.234'];
    const balances = book.getWorksheet('结转结余')!;
    balances.getRow(2).values = ['2101501', '', '其他', 1, 2];
    book.getWorksheet('分类预算数')!.getRow(2).values = ['2101', '', 5];
    const error = await readEntryWorkbook(new Uint8Array(await book.xlsx.writeBuffer()), 'bad.xlsx').then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(EntryError);
    expect((error as EntryError).problems.map((p) => `${p.at.sheet}:${p.at.row}:${p.at.column}`)).toEqual(['收入明细:3:功能科目编码', '收入明细:3:收入来源', '收入明细:3:金额（万元）', '结转结余:2:资金来源', '分类预算数:2:功能科目编码（类）']);
  });

  it('refuses a 决算 in a budget template, and a budget in the 决算 template', async () => {
    const { input } = await generated;
    const asBudget = readEntryWorkbook(await writeEntryWorkbook({ ...input, template: 'guangdong-budget' }), 'a.xlsx');
    await expect(asBudget).rejects.toThrow(/决算请选择「部门决算（全国统一9张表）」模板/);
    const asFinal = readEntryWorkbook(await writeEntryWorkbook({ ...input, kind: 'budget' }), 'b.xlsx');
    await expect(asFinal).rejects.toThrow(/「部门决算（全国统一9张表）」模板的类型应为「决算」/);
  });

  it('computes, never types, the non-fiscal 年末: a typed one that disagrees is reported', async () => {
    const { input } = await generated;
    const typed = readEntryWorkbook(await writeEntryWorkbook({ ...input, other: { ...input.other, nonFiscalClosing: wan('0.64') } }), 'c.xlsx');
    await expect(typed).rejects.toThrow(/非财政拨款年末结转和结余填为 0.64 万元，但按年初 \+ 收入 \+ 使用结余 − 支出 − 结余分配计算为 0.63 万元/);
  });
});
