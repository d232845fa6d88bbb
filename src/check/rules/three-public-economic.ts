import type { Document, Table } from '../../model/index.js';
import { plus, plusRef, type CellRef, type Term } from '../identity.js';
import { normaliseRowName } from '../lookup.js';
import { defineRule } from '../rule.js';

/** Each 三公 line and the economic code that carries the same money. */
const LINES = [
  { code: '30212', zh: '因公出国（境）费', row: /^因公出国[（(]境[)）](支出|费)/, column: 'abroad' },
  { code: '30231', zh: '公务用车运行维护费', row: /^公务用车运行维护费$/, column: 'vehicleRunning' },
  { code: '31013', zh: '公务用车购置费', row: /^公务用车购置费?$/, column: 'vehiclePurchase' },
  { code: '30217', zh: '公务接待费', row: /^公务接待费/, column: 'reception' },
];

function threePublicCell(doc: Document, line: (typeof LINES)[number]): CellRef | undefined {
  for (const table of doc.tables) {
    if (table.kind !== 'threePublic') continue;
    const byRow = table.rows.find((r) => line.row.test(normaliseRowName(r.name)));
    if (byRow?.cells.gpb) return { table, row: byRow, column: 'gpb' };
    if (byRow?.cells.total) return { table, row: byRow, column: 'total' };
    const single = table.rows.length === 1 ? table.rows[0] : undefined;
    const column = doc.kind === 'final' ? `final.${line.column}` : line.column;
    if (single?.cells[column]) return { table, row: single, column };
  }
  return undefined;
}

function economicCells(tables: Table[], code: string): Term[] {
  return tables.flatMap((table) => table.rows.filter((r) => r.code === code).flatMap((row) => (row.cells.amount ? [plus(table, row, 'amount')] : row.cells.total ? [plus(table, row, 'total')] : [])));
}

export default defineRule({
  meta: {
    id: 'three-public/economic',
    severity: 'error',
    description: { zh: '“三公”经费与经济分类科目一致：出国 30212、公务用车运行 30231、购置 31013、接待 30217', en: '3-public lines match economic codes 30212, 30231, 31013, 30217' },
    docs: '“三公”经费表（一般公共预算列）各项应与一般公共预算经济分类表中对应科目一致：因公出国（境）费 = 30212，公务用车运行维护费 = 30231，公务用车购置费 = 31013，公务接待费 = 30217。基本支出和项目支出经济分类表都公开时，两表同一科目之和应相等；只公开基本支出经济分类表时（如江西模板、决算表6），“三公”经费应不小于基本支出中的对应科目。\nEach 3-public line equals its economic code summed over the basic and project economic tables (≥ the basic table alone when only it is published).',
  },
  check(ctx) {
    const doc = ctx.doc;
    const basic = doc.tables.filter((t) => t.kind === 'gpbBasicEconomic');
    const project = doc.tables.filter((t) => t.kind === 'gpbProjectEconomic');
    if (basic.length === 0) return;
    const both = project.length > 0;
    for (const line of LINES) {
      const cell = threePublicCell(doc, line);
      if (!cell) continue;
      const right = economicCells([...basic, ...project], line.code);
      ctx.identity({ rule: 'three-public/economic', left: [plusRef(cell)], right, relation: both ? '=' : '>=', zh: `${line.zh}应${both ? '等于' : '不小于'}经济分类科目 ${line.code}${both ? '（基本支出 + 项目支出）' : '（基本支出）'}`, en: `${line.zh} ${both ? 'equals' : 'is at least'} economic code ${line.code}` });
    }
  },
});
