import type { Row, Table } from '../../model/index.js';
import { plus, plusEach } from '../identity.js';
import { amountColumns, panels } from '../lookup.js';
import { defineRule } from '../rule.js';
import type { RuleContext } from '../rule.js';

function rollUp(ctx: RuleContext, table: Table, rows: Row[]): void {
  const columns = amountColumns(table, rows[0]?.panel);
  for (let i = 0; i < rows.length; i++) {
    const parent = rows[i]!;
    if (!parent.code || !parent.level) continue;
    const children = childrenOf(rows, i);
    if (children.length === 0) continue;
    // Worded once per parent: every column's identity shares the text.
    const zh = `「${parent.code} ${parent.name}」应等于其下级科目之和`;
    const en = `${parent.code} equals the sum of its sub-items`;
    for (const column of columns) {
      if (!parent.cells[column]) continue;
      ctx.identity({ rule: 'sum/hierarchy', left: [plus(table, parent, column)], right: plusEach(table, children, column), relation: '=', zh, en });
    }
  }
  // The total row (合计 / 人员经费合计 …) equals the sum of the top-level (类) rows.
  const total = rows.find((r) => r.role === 'total');
  if (!total) return;
  const top = rows.filter((r) => r.level === 1);
  if (top.length === 0) return;
  const zh = `「${total.name}」应等于各类级科目之和`;
  const en = `${total.name} equals the sum of the top-level items`;
  for (const column of columns) {
    if (!total.cells[column]) continue;
    ctx.identity({ rule: 'sum/hierarchy', left: [plus(table, total, column)], right: plusEach(table, top, column), relation: '=', zh, en });
  }
}

/** The direct sub-items of coded row `i`: the rows one level down, up to the next row at its level or above. */
function childrenOf(rows: Row[], i: number): Row[] {
  const parent = rows[i]!;
  const children: Row[] = [];
  for (let j = i + 1; j < rows.length; j++) {
    const r = rows[j]!;
    if (!r.code || !r.level || r.level <= parent.level!) break;
    if (r.level === parent.level! + 1 && r.code.startsWith(parent.code!)) children.push(r);
  }
  return children;
}

export default defineRule({
  meta: {
    id: 'sum/hierarchy',
    severity: 'error',
    description: { zh: '科目逐级汇总：类 = Σ款，款 = Σ项，合计 = Σ类', en: 'Classification roll-ups: 类 = Σ款, 款 = Σ项, total = Σ类' },
    docs: '按科目编码分级的表（支出功能分类 类3位/款5位/项7位，经济分类 类3位/款5位）中，每个上级科目的金额应等于其直接下级科目之和，合计行应等于各类级科目之和，逐列检查。差额在尾数误差以内的只作提示。修正：核对上级科目与下级科目，改正错误的一格。\nIn coded tables each parent equals the sum of its children and the total equals the sum of the top level, column by column.',
  },
  check(ctx) {
    for (const table of ctx.doc.tables) {
      if (!table.rows.some((r) => r.code && r.level)) continue;
      for (const rows of panels(table).values()) rollUp(ctx, table, rows);
    }
  },
});
