import { describe, expect, it } from 'vitest';
import { checkDocument, RULES } from '../src/check/index.js';
import type { Document, Finding } from '../src/model/index.js';
import { parseFile } from '../src/index.js';
import { SEEDS, row, table, wan } from './helpers.js';

/** Findings above info of one rule (all rules run, so the engine can rank the likely wrong cell). */
function failures(doc: Document, rule: string): Finding[] {
  return checkDocument(doc).filter((f) => f.rule === rule && f.severity !== 'info');
}

/** Parse a fresh copy of a seed, change one cell, and return the document. */
async function mutated(path: string, edit: (d: Document) => void): Promise<Document> {
  const d = await parseFile(path);
  edit(d);
  return d;
}

const cases: { rule: string; seed: string; edit: (d: Document) => void; line: number; expectedMessage: RegExp }[] = [
  { rule: 'sum/row', seed: SEEDS.s000, edit: (d) => (row(table(d, 'expenditure'), '2101501').cells.basic!.fen += wan('1.00')), line: 154, expectedMessage: /合计 = 基本支出 \+ 项目支出/ },
  { rule: 'sum/hierarchy', seed: SEEDS.s000, edit: (d) => (row(table(d, 'expenditure'), '2101505').cells.project!.fen += wan('1.00')), line: 156, expectedMessage: /21015 医疗保障管理事务」应等于其下级科目之和/ },
  { rule: 'sum/units', seed: SEEDS.s000, edit: (d) => (row(table(d, 'unitProject'), '宣传支出', { unit: '江门市医疗保障局新会分局' }).cells.total!.fen += wan('1.00')), line: 477, expectedMessage: /单位小计「江门市医疗保障局新会分局-小计」/ },
  { rule: 'balance/summary', seed: SEEDS.s002, edit: (d) => (row(table(d, 'summary'), '本年收入合计', { panel: 'income' }).cells.amount!.fen += wan('1.00')), line: 158, expectedMessage: /本年收入合计应等于其上各行之和/ },
  { rule: 'three-public/parts', seed: SEEDS.s001, edit: (d) => (row(table(d, 'threePublic'), '公务接待费支出').cells.gpb!.fen += wan('1.00')), line: 360, expectedMessage: /“三公”经费 = 因公出国/ },
  { rule: 'three-public/economic', seed: SEEDS.s000, edit: (d) => (row(table(d, 'gpbProjectEconomic'), '30217').cells.amount!.fen += wan('1.00')), line: 316, expectedMessage: /公务接待费应等于经济分类科目 30217/ },
  { rule: 'cross/totals', seed: SEEDS.s001, edit: (d) => (row(table(d, 'gpbBasicEconomic'), '合计').cells.amount!.fen += wan('1.00')), line: 286, expectedMessage: /一般公共预算基本支出/ },
  { rule: 'cross/by-code', seed: SEEDS.s000, edit: (d) => (row(table(d, 'summary'), '住房保障支出', { panel: 'expense' }).cells.amount!.fen += wan('1.00')), line: 99, expectedMessage: /收支总表「住房保障支出」应等于支出总表同名类级科目/ },
  { rule: 'cross/units', seed: SEEDS.s003, edit: (d) => (row(table(d, 'income'), '广州市医疗救助服务中心').cells.total!.fen += wan('1.00')), line: 134, expectedMessage: /单位「广州市医疗救助服务中心」：收入合计应等于基本支出小计 \+ 项目支出小计/ },
  { rule: 'cross/key-projects', seed: SEEDS.s003, edit: (d) => (row(table(d, 'keyProjects'), '业务用房租赁经费').cells.amount!.fen += wan('1.00')), line: 511, expectedMessage: /重点项目「业务用房租赁经费」的预算数应与项目支出表一致/ },
];

describe.each(cases)('$rule', ({ rule, seed, edit, line, expectedMessage }) => {
  it('passes on the published seed', async () => {
    expect(failures(await parseFile(seed), rule)).toEqual([]);
  });
  it('fails when one cell is changed, pointing at that cell first', async () => {
    const found = failures(await mutated(seed, edit), rule);
    expect(found.length).toBeGreaterThan(0);
    const f = found.find((x) => expectedMessage.test(x.message));
    expect(f, found.map((x) => x.message).join('\n')).toBeDefined();
    expect(found.some((x) => x.locations[0]!.line === line)).toBe(true);
    expect(f!.difference).not.toBe(0);
    expect(f!.messageEn.length).toBeGreaterThan(10);
  });
});

describe('rounding tolerance (尾数误差)', () => {
  it('reports a 0.01 difference over two terms as info, not error', async () => {
    const d = await parseFile(SEEDS.s001);
    const rounding = checkDocument(d, { rules: RULES.filter((r) => r.meta.id === 'sum/row') }).filter((f) => f.locations[0]!.code === '210' && f.locations[0]!.table === 'expenditure');
    expect(rounding).toHaveLength(1);
    expect(rounding[0]!.severity).toBe('info');
    expect(rounding[0]!.difference).toBe(wan('0.01'));
    expect(rounding[0]!.message).toContain('尾数误差');
  });

  it('reports the same 0.01 as an error between two single figures', async () => {
    const d = await mutated(SEEDS.s000, (x) => (row(table(x, 'gpbBasicEconomic'), '合计').cells.amount!.fen += wan('0.01')));
    const f = failures(d, 'cross/totals');
    expect(f.map((x) => x.severity)).toContain('error');
  });
});
