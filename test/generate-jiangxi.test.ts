import { describe, expect, it } from 'vitest';
import { normaliseName } from '../src/catalog/index.js';
import { checkDocument } from '../src/check/index.js';
import { entryFromDocument, generateExplanation, readEntryWorkbook, writeEntryWorkbook, type EntryInput } from '../src/generate/index.js';
import type { Document, Row, Section, Table } from '../src/model/index.js';
import { seed, SEEDS, wan } from './helpers.js';
import { withNarrative } from '../src/narrative/index.js';

/*
 * The Jiangxi template (seed 004, 景德镇). 004 prints 8 of its 11 tables and no per-unit, project or
 * project-economic table, so the reconstruction is coarser than Guangdong's: 基本支出 lines from
 * the basic economic table × the 一般公共预算 function 项; 项目支出 lines per function 项 (the one
 * project with a 绩效目标表 named by its amount, the others unnamed, economic code not published →
 * 30299); 部门支出总表 − 一般公共预算支出表 as spending of carried-over funds (上年结转).
 */

const generated = (async () => {
  const s = await seed(SEEDS.s004);
  const { input, notes } = entryFromDocument(s);
  const doc = await readEntryWorkbook(await writeEntryWorkbook(input), '004.entry.xlsx');
  return { seed: s, input, notes, doc };
})();

const rowKey = (r: Row) => [r.code ?? '', normaliseName(r.name), r.role, r.bold ?? false, r.project ?? ''].join('|');

function differences(printed: Table, derived: Table): string[] {
  const out: string[] = [];
  if (printed.title !== derived.title) out.push(`title ${printed.title} ≠ ${derived.title}`);
  if (JSON.stringify(printed.columns) !== JSON.stringify(derived.columns)) out.push('columns');
  for (let i = 0; i < Math.max(printed.rows.length, derived.rows.length); i++) {
    const a = printed.rows[i];
    const b = derived.rows[i];
    if (!a || !b || rowKey(a) !== rowKey(b)) {
      out.push(`row ${i}`);
      continue;
    }
    for (const c of new Set([...Object.keys(a.cells), ...Object.keys(b.cells)])) if (a.cells[c]?.fen !== b.cells[c]?.fen) out.push(`${a.code ?? a.name}[${c}] ${(b.cells[c]?.fen ?? 0) - (a.cells[c]?.fen ?? 0)}`);
    if (JSON.stringify(a.text ?? {}) !== JSON.stringify(b.text ?? {})) out.push(`${a.name} text`);
  }
  if (printed.note !== derived.note) out.push('note');
  return out;
}

describe('Jiangxi 11-table budget (seed 004)', () => {
  it('derives the eight tables 004 prints; differences only where 004 disagrees with itself', async () => {
    const { seed: s, doc } = await generated;
    expect(doc.tables.map((t) => t.kind)).toEqual(['summary', 'income', 'expenditure', 'fiscalSummary', 'gpbExpenditure', 'gpbBasicEconomic', 'threePublic', 'govFund', 'stateCapital', 'deptPerformance', 'projectPerformance']);
    const diffs = Object.fromEntries(s.tables.map((t) => [t.kind, differences(t, doc.tables.find((x) => x.kind === t.kind && x.project === t.project)!)]));
    // 208/20805 print 85.72, their 项 add to 85.71; 21011 prints 35.71, its 项 35.72; 301 prints
    // 611.54, its 款 611.53 (the 0.01 goes to 30199); the totals follow the 项.
    expect(diffs).toEqual({
      expenditure: ['合计[total] -10000', '208[total] -10000', '208[basic] -10000', '20805[total] -10000', '20805[basic] -10000', '21011[total] 10000', '21011[basic] 10000'],
      gpbExpenditure: ['208[total] -10000', '208[basic] -10000', '20805[total] -10000', '20805[basic] -10000', '21011[total] 10000', '21011[basic] 10000'],
      gpbBasicEconomic: ['30199[total] 10000', '30199[personnel] 10000'],
      threePublic: [],
      govFund: [],
      stateCapital: [],
      deptPerformance: [],
      projectPerformance: [],
    });
  });

  it('restates 004\'s figures in 004\'s wording', async () => {
    const { seed: s, input } = await generated;
    const at = s.narrative.findIndex((x) => x.part === 'explanation');
    const explanation = generateExplanation(s, input, s.narrative[at]!.span.from);
    const all = (x: Section): string => [x.text, ...x.children.map(all)].join('\n');
    const text = all(explanation);
    expect(text).toContain('2026年景德镇市医疗保障局收入预算总额为959.51万元，较上年预算安排增加55.36万元；本年收入合计881.44万元，较上年预算安排减少22.71万元；包括：财政拨款收入881.44万元，较上年预算安排减少22.71万元。');
    expect(text).toContain('按支出项目类别划分：基本支出673.22万元，较上年预算安排减少20.93万元；项目支出286.28万元，较上年预算安排增加23.19万元。');
    expect(text).toContain('按支出功能科目划分：社会保障和就业支出85.72万元，较上年预算安排增加0.54万元；卫生健康支出819.11万元，较上年预算安排减少3.32万元；资源勘探工业信息等支出5.18万元，较上年预算安排增加5.18万元；住房保障支出49.50万元，较上年预算安排减少0.14万元。');
    expect(text).toContain('2026年部门机关运行费预算61.56万元，比2025年预算减少7.49万元，下降10.8%');
    expect(text).toContain('2026年部门所属各单位政府采购总额95.00万元，其中：政府采购货物预算0.00万元，政府采购工程预算0.00万元，政府采购服务预算95.00万元。');
    expect(text).toContain('公务接待费1.00万元，比上年减少7.22万元，主要原因是落实过紧日子。');
    expect(text).toContain('本部门没有使用政府性基金预算拨款安排的支出。');
    // Errors: only those 004 itself has — the tables it omits, and the parts-sum of its own prior figures
    // (its 收入/支出 changes do not add up to the changes of their parts; the generator restates them as given).
    const doc = withNarrative(s, s.narrative.map((x, i) => (i === at ? explanation : x)));
    const rules = (d: Document) => [...new Set(checkDocument(d).filter((f) => f.severity === 'error').map((f) => f.rule))].sort();
    expect(rules(doc)).toEqual(['completeness/required-tables', 'narrative/parts-sum']);
    expect(rules(s)).toEqual(expect.arrayContaining(rules(doc)));
  });

  it('a generated Jiangxi document with consistent prior figures checks clean', async () => {
    const { input } = await generated;
    // Without 上年结转 (the 财政拨款收支总表 cross-check by 类 does not yet allow for carried-over funds).
    const lines = input.lines.filter((l) => l.fund !== 'carriedOver');
    const first = await readEntryWorkbook(await writeEntryWorkbook({ ...input, lines, prior: { values: {}, functionClass: {}, economicClass: {} } }), 'a.xlsx');
    const expenditure = first.tables.find((t) => t.kind === 'expenditure')!.rows.find((r) => r.role === 'total')!;
    const same = expenditure.cells.total!.fen;
    const consistent: EntryInput = {
      ...input,
      lines,
      prior: { values: { incomeTotal: same, expenseTotal: same, incomeCurrent: same, fiscalIncome: same, carriedOver: 0, fiscalExpense: same, basic: expenditure.cells.basic!.fen, project: expenditure.cells.project!.fen, adminCost: wan('61.56') }, functionClass: {}, economicClass: {} },
    };
    const doc = await readEntryWorkbook(await writeEntryWorkbook(consistent), 'b.xlsx');
    expect(checkDocument(doc).filter((f) => f.severity === 'error').map((f) => `${f.rule}: ${f.message}`)).toEqual([]);
    const text = doc.narrative.find((s) => s.part === 'explanation')!.children[0]!.children[0]!.text;
    expect(text).toBe('2026年景德镇市医疗保障局收入预算总额为881.44万元，与上年预算安排持平；本年收入合计881.44万元，与上年预算安排持平；包括：财政拨款收入881.44万元，与上年预算安排持平。上年结转0.00万元，与上年预算安排持平。');
  });
});
