import type { Row, Table } from '../../model/index.js';
import { plus, plusEach } from '../identity.js';
import { amountColumns } from '../lookup.js';
import { defineRule } from '../rule.js';
import type { RuleContext } from '../rule.js';

function sumOf(ctx: RuleContext, table: Table, total: Row, parts: Row[], zh: string, en: string): void {
  for (const column of amountColumns(table)) {
    if (!total.cells[column]) continue;
    const right = plusEach(table, parts, column);
    if (right.length) ctx.identity({ rule: 'sum/units', left: [plus(table, total, column)], right, relation: '=', zh, en });
  }
}

export default defineRule({
  meta: {
    id: 'sum/units',
    severity: 'error',
    description: { zh: '分单位表：单位小计 = Σ本单位各行，合计 = Σ单位', en: 'Per-unit tables: unit subtotal = Σ its rows, total = Σ units' },
    docs: '按预算单位分组的表（部门预算基本支出预算表、项目支出预算表、按单位列示的收入总体情况表）中，每个单位的小计行应等于其下各行之和，合计行应等于各单位小计（或各单位行）之和，逐列检查。修正：核对单位小计与明细行，改正错误的一格。\nIn per-unit tables each unit subtotal equals the sum of its rows and the total equals the sum of the units.',
  },
  check(ctx) {
    for (const table of ctx.doc.tables) {
      const total = table.rows.find((r) => r.role === 'total');
      const subtotals = table.rows.filter((r) => r.role === 'subtotal');
      if (subtotals.length > 0) {
        for (const sub of subtotals) {
          const items = table.rows.filter((r) => r.role === 'item' && r.unit === sub.unit && !r.code);
          if (items.length) sumOf(ctx, table, sub, items, `单位小计「${sub.name}」应等于本单位各行之和`, `subtotal of ${sub.unit} equals the sum of its rows`);
        }
        if (total) sumOf(ctx, table, total, subtotals, '合计应等于各单位小计之和', 'total equals the sum of unit subtotals');
        continue;
      }
      // A table listing units as rows (收入总体情况表 by unit): total = Σ unit rows.
      const unitRows = table.rows.filter((r) => r.role === 'item' && r.unit && !r.code);
      if (total && unitRows.length > 0 && unitRows.length === table.rows.length - 1) sumOf(ctx, table, total, unitRows, '合计应等于各单位之和', 'total equals the sum of the units');
    }
  },
});
