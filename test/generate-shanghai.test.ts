import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { normaliseName } from '../src/catalog/index.js';
import { checkDocument } from '../src/check/index.js';
import { entryFromDocument, EntryError, readEntryInput, readEntryWorkbook, writeEntryWorkbook, PENDING_REASON, type EntryInput } from '../src/generate/index.js';
import type { Document, Row, Section, Table } from '../src/model/index.js';
import { parseFile, parseSource } from '../src/index.js';
import { documentOutline, renderDocument, tableTitle } from '../src/render/index.js';
import { expectSameDocument } from './roundtrip.js';
import { wan } from './helpers.js';

/*
 * The Shanghai district template (上海市区级部门预算, 9 tables) generated from the data-entry
 * workbook, checked against real 普陀区 budgets: each PDF is parsed, turned back into budget lines
 * (entryFromDocument), written to a workbook, read back and generated — and every table must be the
 * published one cell by cell: kind, order, number, title, unit, columns, rows (code, name, role,
 * panel, ordinal), amounts in fen and the blank cells (null) where the document prints nothing.
 *
 * 司法局 2026 prints 0.00 and no thousands separators in its 科目 grids, 区政府办公室 2025 leaves
 * zero cells blank and groups thousands: two 表式 (上海2026 / 上海2025), recognised from the
 * income labels (「一般公共预算」 / 「一般公共预算资金」).
 */

const DIR = 'test/fixtures/real/';

const cache = new Map<string, Promise<{ source: Document; input: EntryInput; notes: string[]; doc: Document }>>();
function generated(name: string) {
  if (!cache.has(name)) {
    cache.set(
      name,
      (async () => {
        const source = await parseFile(DIR + name);
        const { input, notes } = entryFromDocument(source);
        const doc = await readEntryWorkbook(await writeEntryWorkbook(input), `${name}.entry.xlsx`);
        return { source, input, notes, doc };
      })(),
    );
  }
  return cache.get(name)!;
}

const rowKey = (r: Row) => [r.code ?? '', r.level ?? '', normaliseName(r.name), r.role, r.panel ?? '', r.printedNumber ?? '', r.bold ?? false, r.project ?? ''].join('|');
const fenOf = (a: Row['cells'][string] | undefined) => (a === null ? null : a?.fen);

function differences(printed: Table, derived: Table): string[] {
  const out: string[] = [];
  for (const k of ['number', 'title', 'unit', 'decimals', 'reportingUnit', 'note'] as const) if (printed[k] !== derived[k]) out.push(`${k} ${printed[k]} ≠ ${derived[k]}`);
  if (JSON.stringify(printed.columns) !== JSON.stringify(derived.columns)) out.push('columns');
  for (let i = 0; i < Math.max(printed.rows.length, derived.rows.length); i++) {
    const a = printed.rows[i];
    const b = derived.rows[i];
    if (!a || !b || rowKey(a) !== rowKey(b)) {
      out.push(`row ${i}: ${a ? rowKey(a) : '—'} ≠ ${b ? rowKey(b) : '—'}`);
      continue;
    }
    for (const c of new Set([...Object.keys(a.cells), ...Object.keys(b.cells)])) if (fenOf(a.cells[c]) !== fenOf(b.cells[c])) out.push(`${a.code ?? a.name}[${c}] ${fenOf(a.cells[c])} → ${fenOf(b.cells[c])}`);
  }
  return out;
}

const SHANGHAI = ['summary', 'income', 'expenditure', 'fiscalSummary', 'gpbExpenditure', 'govFund', 'stateCapital', 'gpbBasicEconomic', 'threePublic'];
const allText = (ss: Section[]): string => ss.map((s) => [s.heading, s.text, allText(s.children)].join('\n')).join('\n');
/**
 * The one thing an HTML round trip loses: the 目录. The recogniser reads a 目录 up to the first part
 * heading printed again (「第一部分 …」); the Shanghai template numbers no part, so the 目录 of the
 * rendered page is not read back (the real 普陀区 PDFs parse with no contents either).
 */
function readBackContents(back: Document, src: Document): Document {
  expect(back.contents).toEqual([]);
  return { ...back, contents: src.contents };
}
const errors = (d: Document) => checkDocument(d).filter((f) => f.severity === 'error').map((f) => `${f.rule}: ${f.message}`);

describe('上海市普陀区司法局 2026年部门预算 → workbook → the 9 tables', () => {
  const name = 'putuo-justice-2026-budget-department.pdf';

  it('reproduces every published table exactly', async () => {
    const { source, doc } = await generated(name);
    expect(doc.template).toBe('shanghai-budget');
    expect(doc.tables.map((t) => t.kind)).toEqual(SHANGHAI);
    expect(source.tables.map((t) => t.kind)).toEqual(SHANGHAI);
    const diffs = Object.fromEntries(source.tables.map((t, i) => [t.kind, differences(t, doc.tables[i]!)]));
    expect(diffs).toEqual(Object.fromEntries(SHANGHAI.map((k) => [k, []])));
    // Tables 1–8 in 元 to the fen (a line of 16,726,725.44 元 cannot be typed in 万元), the “三公” table in 万元.
    expect(doc.tables.map((t) => t.unit)).toEqual(['元', '元', '元', '元', '元', '元', '元', '元', '万元']);
  });

  it('rebuilds the lines from the margins, and says what it could not know', async () => {
    const { input, notes } = await generated(name);
    expect(input.layout).toBe('上海2026');
    expect(notes).toEqual(['项目支出未公开项目名称和经济分类：每个功能分类项记为一个项目，经济科目记为 30299']);
    // The lines of table 8 in 元 to the fen, written to the workbook's 「金额（元）」 column.
    expect(input.lines.find((l) => l.economicCode === '30228')!.fen).toBe(26_597_444);
    // “三公”: 0.8265 + 9.975 万元 from 基本支出's 30217 and 30231, printed as the rounded parts 0.83 + 9.98 = 10.81.
    expect(input.lines.filter((l) => ['30212', '30217', '30231', '31013'].includes(l.economicCode)).map((l) => [l.economicCode, l.fen])).toEqual([['30217', 826_500], ['30231', 9_975_000]]);
    // 机关运行经费 217.83 = the 公用经费 of 一般公共预算 基本支出 (2,178,324.44 元): computed, not typed.
    expect(input.other.adminCost).toBeUndefined();
    // Prior figures and reasons read back from the 情况说明.
    expect(input.prior.values).toEqual({ fiscalIncome: wan('8835.08'), fiscalExpense: wan('8835.08'), gpbExpense: wan('8835.08'), govFundExpense: 0, stateCapitalExpense: 0 });
    expect(input.prior.functionItem?.['2040601']).toBe(wan('1690.69'));
    expect(input.functionReasons?.['2040601']).toBe('部分人员退休');
    expect(input.reasons.income).toBe('工作量增加');
    expect(input.reasons.reception).toBe('公务接待无变化');
  });

  it('words the 情况说明 like the published one, restating the tables', async () => {
    const { doc } = await generated(name);
    const text = allText(doc.narrative);
    expect(text).toContain('2026年，上海市普陀区司法局收入预算9,628.22万元，其中：财政拨款收入9,628.22万元，比2025年预算增加793.14万元；事业收入0.00万元；事业单位经营收入0.00万元；其他收入0.00万元。');
    expect(text).toContain('财政拨款支出预算中，一般公共预算拨款支出预算9,628.22万元，比2025年预算增加793.14万元；政府性基金拨款支出预算0.00万元，与2025年预算持平；国有资本经营预算拨款支出预算0.00万元，与2025年预算持平。');
    expect(text).toContain('财政拨款收入支出增加的主要原因是工作量增加。');
    expect(text).toContain('1、公共安全支出（204类）司法（06款）行政运行（01项）1,672.67万元。2025年当年预算执行数为1,690.69万元，2026年预算安排1,672.67万元，比2025年预算执行数减少1.07%。主要原因是部分人员退休。');
    // The published item 9 prints 17.66% (item 8's), item 7 2.21%: computed on exact integers, half-up.
    expect(text).toContain('比2025年预算执行数增加17.93%。主要原因是职业年金支出增加。');
    expect(text).toContain('比2025年预算执行数减少2.22%。主要原因是退休实有人数减少。');
    // Item 12: the published 「2026年预算安排201.50万元」 is a slip for 208.80 (table 5: 2,087,959元).
    expect(text).toContain('住房公积金（01项）208.80万元。2025年当年预算执行数为198.34万元，2026年预算安排208.80万元，比2025年预算执行数增加5.27%。');
    expect(text).toContain('2026年“三公”经费预算数为10.81万元，与2025年预算持平。其中：');
    expect(text).toContain('（三）公务接待费0.83万元，与2025年预算持平，主要原因是公务接待无变化。');
    expect(text).toContain('2026年上海市普陀区司法局财政拨款的机关运行经费预算为217.83万元。');
    expect(text).toContain('2026年本部门政府采购预算1,486.42万元，其中：政府采购货物预算3.66万元、政府采购工程预算36.44万元、政府采购服务预算1,446.32万元。');
    expect(text).toContain('编报绩效目标的项目5个，涉及项目预算资金7,054.05万元。');
    expect(text).toContain('截至2025年8月31日，上海市普陀区司法局共有车辆3辆；单价100万元（含）以上设备（不含车辆）0台（套）。');
    // The claims read from the generated prose are the tables' figures (万元, rounded from 元).
    const claim = (key: string) => doc.claims.find((c) => c.key === key && !c.context)?.amount?.fen;
    expect([claim('income.total'), claim('fiscal.expense'), claim('threePublic.total'), claim('adminCost')]).toEqual([wan('9628.22'), wan('9628.22'), wan('10.81'), wan('217.83')]);
    expect(claim('function.item:2040601:公共安全支出/司法/行政运行')).toBe(wan('1672.67'));
    // No error; the one warning is the document's own 主要职能 printed twice ((六)–(十) again, as published).
    expect(errors(doc)).toEqual([]);
    expect(checkDocument(doc).filter((f) => f.severity === 'warning').map((f) => f.rule)).toEqual(['text/repeated-paragraph']);
  });

  it('never invents a reason or a prior figure', async () => {
    const { input } = await generated(name);
    const bare: EntryInput = { ...input, reasons: {}, functionReasons: {}, prior: { values: {}, functionClass: {}, economicClass: {} }, threePublic: {} };
    const doc = await readEntryWorkbook(await writeEntryWorkbook(bare), 'bare.xlsx');
    const text = allText(doc.narrative);
    expect(text).toContain('财政拨款收入9,628.22万元（上年数待填写）；');
    expect(text).toContain(`（一）因公出国（境）费0.00万元（上年数待填写），主要原因是${PENDING_REASON}。`);
    expect(text).toContain('1、公共安全支出（204类）司法（06款）行政运行（01项）1,672.67万元。\n');
    expect(text).not.toMatch(/工作量增加|部分人员退休|无变化/);
    // With the prior figures but no reasons: 「主要原因是（原因待填写）」.
    const noReasons = await readEntryWorkbook(await writeEntryWorkbook({ ...input, reasons: {}, functionReasons: {} }), 'no-reasons.xlsx');
    const t2 = allText(noReasons.narrative);
    expect(t2).toContain(`财政拨款收入支出增加的主要原因是${PENDING_REASON}。`);
    expect(t2).toContain(`比2025年预算执行数减少1.07%。主要原因是${PENDING_REASON}。`);
    expect(t2).toContain(`（三）公务接待费0.83万元，与2025年预算持平，主要原因是${PENDING_REASON}。`);
    // A growth from zero is not a percentage.
    const fromZero = await readEntryWorkbook(await writeEntryWorkbook({ ...input, prior: { ...input.prior, functionItem: { ...input.prior.functionItem, '2040613': 0 } } }), 'zero.xlsx');
    expect(allText(fromZero.narrative)).toContain('比2025年预算执行数增加227.88万元，增长--（基数为0，不可比）。主要原因是业务量增加。');
  });

  it('renders to HTML and reads back to the same document', async () => {
    const { doc } = await generated(name);
    const back = await parseSource(await renderDocument(doc, 'html'), 'justice.html');
    expectSameDocument(readBackContents(back, doc), doc);
  });

  it('prints the tables where the published one does: after 编制说明, before 其他相关情况说明', async () => {
    const { doc } = await generated(name);
    const order = documentOutline(doc).flatMap((b) => (b.type === 'heading' && b.level === 1 ? [b.text] : b.type === 'table' ? [`表${b.table.number ?? ''}`] : []));
    expect(order).toEqual(['上海市普陀区司法局主要职能', '上海市普陀区司法局机构设置', '名词解释', '2026年部门预算编制说明', ...[1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => `表${n}`), '其他相关情况说明']);
    // Titled and headed as 普陀区 prints them: no 「表N」, 「编制部门：」 (the parsed PDF says so too).
    const { source } = await generated(name);
    expect(source.tables.map((t) => t.reportingLabel)).toEqual(Array(9).fill('编制部门'));
    const first = documentOutline(doc).find((b) => b.type === 'table');
    expect(first?.type === 'table' && [tableTitle(first.table), first.table.reportingUnit]).toEqual(['2026年部门财务收支预算总表', '编制部门：上海市普陀区司法局']);
  });
});

describe('上海市普陀区人民政府办公室 2025年部门预算 → workbook → the 9 tables', () => {
  const name = 'putuo-govoffice-2025-budget-department.pdf';

  it('reproduces every published table exactly, blank cells included', async () => {
    const { source, doc } = await generated(name);
    const diffs = Object.fromEntries(source.tables.map((t, i) => [t.kind, differences(t, doc.tables[i]!)]));
    expect(diffs).toEqual(Object.fromEntries(SHANGHAI.map((k) => [k, []])));
    // 2025 prints zero cells blank and the empty fund tables with their 合计 row alone.
    expect(doc.tables.find((t) => t.kind === 'govFund')!.rows.map((r) => [r.name, r.cells.total])).toEqual([['合计', null]]);
    expect(doc.tables[0]!.rows.find((r) => r.name === '政府性基金')!.cells.amount).toBeNull();
  });

  it('carves the “三公” parts 基本支出 does not carry out of 项目支出', async () => {
    const { input, notes } = await generated(name);
    expect(input.layout).toBe('上海2025');
    // 因公出国（境）费 839万元 has no 30212 in table 8, and 公务接待费 28.50 is 18.50 (30217 of table 8) + 10.
    expect(notes).toEqual([
      '因公出国（境）费 839.00 万元中 839.00 万元不在基本支出经济分类中：记为项目支出「未公开名称的项目（2010302）」的经济科目 30212',
      '公务接待费 28.50 万元中 10.00 万元不在基本支出经济分类中：记为项目支出「未公开名称的项目（2010302）」的经济科目 30217',
      '项目支出未公开项目名称和经济分类：每个功能分类项记为一个项目，经济科目记为 30299',
    ]);
    // 2010399 is in the built-in catalogue under the name the document prints: the line needs no name.
    expect(input.lines.find((l) => l.functionCode === '2010399')!.functionName).toBeUndefined();
  });

  it('words the 情况说明 and checks without errors', async () => {
    const { doc } = await generated(name);
    const text = allText(doc.narrative);
    expect(text).toContain('2025年，上海市普陀区人民政府办公室收入预算9,101.68万元，其中：财政拨款收入9,101.68万元，比2024年预算减少2,389.52万元；');
    expect(text).toContain('财政拨款收入支出减少的主要原因是项目调整。');
    // The published 「“一般公共服务支出-…-行政运行”科目1,202.95万元」 items carry no prior figure: none is made up.
    expect(text).toContain('1、一般公共服务支出（201类）政府办公厅（室）及相关机构事务（03款）行政运行（01项）1,202.95万元。\n');
    // The published “三公” items give no reason (the checker's completeness/narrative-sections warning): pending here.
    expect(text).toContain(`（一）因公出国（境）费839.00万元，与2024年预算持平，主要原因是${PENDING_REASON}。`);
    expect(errors(doc)).toEqual([]);
  });

  it('renders to HTML and reads back to the same document', async () => {
    const { doc } = await generated(name);
    const back = await parseSource(await renderDocument(doc, 'html'), 'govoffice.html');
    expectSameDocument(readBackContents(back, doc), doc);
  });
});

describe('上海市普陀区人民政府办公室 2025年单位预算 (表式 上海2025（单位预算）)', () => {
  const name = 'putuo-govoffice-2025-budget-unit.pdf';

  it('reproduces every published table exactly: 「预算单位」 titles, 「本单位」 notes, the split 收支总表', async () => {
    const { source, doc, input } = await generated(name);
    expect(input.layout).toBe('上海2025（单位预算）');
    const diffs = Object.fromEntries(source.tables.map((t, i) => [t.kind, differences(t, doc.tables[i]!)]));
    expect(diffs).toEqual(Object.fromEntries(SHANGHAI.map((k) => [k, []])));
    expect(doc.tables.map((t) => t.title)).toEqual(doc.contents);
    expect(doc.tables[8]!.title).toBe('2025年单位“三公”经费和机关运行经费预算表');
    // Each 类's 人员经费 / 公用经费 (表1) reproduced: 基本支出 lines matched side by side.
    const s = doc.tables[0]!.rows.find((r) => r.name === '一般公共服务支出')!;
    expect([s.cells.personnel?.fen, s.cells.publicUse?.fen, s.cells.project?.fen]).toEqual([1_381_939_988, 186_739_754, 6_641_000_000]);
    expect(errors(doc)).toEqual([]);
    const text = allText(doc.narrative);
    expect(text).toContain('2025年单位预算编制说明');
    expect(text).toContain('2025年本单位政府采购预算34.00万元，其中：政府采购货物预算0.00万元、政府采购工程预算0.00万元、政府采购服务预算34.00万元。');
    expect(text).toContain('2025年度，本单位编报绩效目标的项目共4个，涉及项目预算资金6,641.00万元。');
  });

  it('renders to HTML and reads back to the same document', async () => {
    const { doc } = await generated(name);
    const back = await parseSource(await renderDocument(doc, 'html'), 'unit.html');
    // The 单位预算 numbers 一般公共预算资金 / 政府性基金 / 国有资本经营预算 「1」「2」「3」 (no point). They
    // survive the round trip, but roundtrip.ts takes a bare number in a two-panel table for a 决算 行次
    // (which readers lose) and drops it from the source side: dropped here too, after pinning it.
    const summary = back.tables[0]!;
    expect(summary.rows.filter((r) => /^\d+$/.test(r.printedNumber ?? '')).map((r) => [r.printedNumber, r.name])).toEqual([['1', '一般公共预算资金'], ['2', '政府性基金'], ['3', '国有资本经营预算']]);
    const rows = summary.rows.map((r) => (/^\d+$/.test(r.printedNumber ?? '') ? { ...r, printedNumber: undefined } : r));
    const same = { ...back, tables: [{ ...summary, rows }, ...back.tables.slice(1)] };
    expectSameDocument(readBackContents(same, doc), doc);
  });
});

describe('上海市普陀区人民政府万里街道办事处 2024年部门预算 (表式 上海2024)', () => {
  const name = 'putuo-wanli-street-2024-budget-department.pdf';

  it('reproduces the published tables; the differences are the document\'s own slips', async () => {
    const { source, doc, input, notes } = await generated(name);
    expect(input.layout).toBe('上海2024');
    const diffs = Object.fromEntries(source.tables.map((t, i) => [t.kind, differences(t, doc.tables[i]!)]));
    const threePublic = doc.tables[8]!;
    expect(diffs).toEqual({
      ...Object.fromEntries(SHANGHAI.map((k) => [k, []])),
      // Table 8 prints the 款 codes of 津贴补贴 and 绩效工资 as 「301 | 2」「301 | 7」: generated with the
      // codes their names have (the reconstruction's notes say so).
      gpbBasicEconomic: ['row 2: 3012||津贴补贴|item|||false| ≠ 30102|2|津贴补贴|item|||false|', 'row 3: 3017||绩效工资|item|||false| ≠ 30107|2|绩效工资|item|||false|'],
      // Table 9 prints its title without the year, the year in its column headers
      // (「2024年“三公”经费预算数/…」, 「2024年机关运行经费预算数」) and 「注:本部门2024年无“三公”经费和机关运行经费预算，
      // 故本表为空表。」 under a table that is not empty (47.91万元): copied from another year's template.
      threePublic: ['title 部门“三公”经费和机关运行经费预算表 ≠ 2024年部门“三公”经费和机关运行经费预算表', 'note 注:本部门2024年无“三公”经费和机关运行经费预算，故本表为空表。 ≠ undefined', 'columns'],
    });
    expect(source.tables[8]!.columns.map((c) => c.label.replace(/^2024年/, ''))).toEqual(threePublic.columns.map((c) => c.label));
    expect(notes).toEqual([
      '一般公共预算基本支出经济分类表的科目编码「3012」（津贴补贴）不合格式：按名称记为 30102',
      '一般公共预算基本支出经济分类表的科目编码「3017」（绩效工资）不合格式：按名称记为 30107',
      '公务用车购置费 25.00 万元中 25.00 万元不在基本支出经济分类中：记为项目支出「未公开名称的项目（2120102）」的经济科目 31013',
      // 机关运行经费 (行政单位 and 参公 only) is less than the 公用经费 of its 4 事业单位 too: typed on 「其他」.
      '机关运行经费印 443.18 万元，与一般公共预算基本支出公用经费 1116.8569 万元不同：按印出数填写',
      '项目支出未公开项目名称和经济分类：每个功能分类项记为一个项目，经济科目记为 30299',
    ]);
    expect(input.other.adminCost).toBe(wan('443.18'));
    expect(input.lines.find((l) => l.functionCode === '2120101')!.functionName).toBeUndefined();
    expect(errors(doc)).toEqual([]);
  });

  it('names a line on the workbook from the printed rows when the catalogue does not know its 款', async () => {
    const { source } = await generated(name);
    // 21298 is no 款 of the 科目 list: move 21201 城乡社区管理事务 there.
    const moved = (code: string) => (code.startsWith('21201') ? `21298${code.slice(5)}` : code);
    const tables = source.tables.map((t) => ({ ...t, rows: t.rows.map((r) => (r.code ? { ...r, code: moved(r.code) } : r)) }));
    const { input } = entryFromDocument({ ...source, tables });
    expect(input.lines.find((l) => l.functionCode === '2129801')!.functionName).toBe('城乡社区管理事务/行政运行');
    expect(input.lines.find((l) => l.functionCode === '2120501')!.functionName).toBeUndefined();
  });
});

describe('Shanghai workbook input', () => {
  it('refuses 上年结转 lines, which the Shanghai tables have no row for', async () => {
    const { input } = await generated('putuo-justice-2026-budget-department.pdf');
    const lines = input.lines.map((l, i) => (i === 0 ? { ...l, fund: 'carriedOver' as const } : l));
    await expect(readEntryWorkbook(await writeEntryWorkbook({ ...input, lines }), 'bad.xlsx')).rejects.toThrow(/「预算明细」第2行.*上海市区级部门预算模板没有「上年结转」收入/);
  });

  it('reads 「金额（元）」 to the fen, and reports every malformed 元 / 项 input with its row', async () => {
    const { input } = await generated('putuo-justice-2026-budget-department.pdf');
    const bytes = await writeEntryWorkbook(input);
    const back = await readEntryInput(bytes, 'ok.xlsx');
    expect(back.lines.map((l) => l.fen)).toEqual(input.lines.map((l) => l.fen));
    expect(back.prior.functionItem).toEqual(input.prior.functionItem);
    expect(back.functionReasons).toEqual(input.functionReasons);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const lines = wb.getWorksheet('预算明细')!;
    const col = (h: string) => (lines.getRow(1).values as unknown[]).indexOf(h);
    lines.getCell(2, col('金额（元）')).value = 1.005; // three decimals
    lines.getCell(3, col('金额（万元）')).value = 1; // both columns
    const prior = wb.getWorksheet('上年数')!;
    prior.addRow(['功能分类（项）', '20406', 1]);
    const bad = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const e = await readEntryInput(bad, 'bad.xlsx').catch((x: unknown) => x as EntryError);
    expect(e).toBeInstanceOf(EntryError);
    expect((e as EntryError).problems.map((p) => [p.at.sheet, p.at.row, p.at.column, p.zh])).toEqual([
      ['预算明细', 2, '金额（元）', '「1.005」不是金额（元，最多两位小数）'],
      ['预算明细', 3, '金额（元）', '「金额（万元）」和「金额（元）」只能填一列'],
      ['上年数', prior.rowCount, '科目编码', '项级编码「20406」应为 7 位'],
    ]);
  });

  it('a 万元 template refuses lines finer than 0.01 万元', async () => {
    const { input } = await generated('putuo-justice-2026-budget-department.pdf');
    await expect(readEntryWorkbook(await writeEntryWorkbook({ ...input, template: 'jiangxi-budget', layout: undefined }), 'jx.xlsx')).rejects.toThrow(/不是 0\.01 万元的整数倍/);
  });
});
