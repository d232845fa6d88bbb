import type { Row, Table } from '../../model/index.js';
import { plus, plusRef, plusEach } from '../identity.js';
import { amountColumns, figure, panels } from '../lookup.js';
import { defineRule } from '../rule.js';
import type { RuleContext } from '../rule.js';

const CURRENT_YEAR_TOTAL = /^本年(收入|支出)合计$/;
const GRAND_TOTAL = /^(收入总计|支出总计|总计)$/;
const CARRY_OVER = /结转和结余$/;
const FUND_BREAKDOWN = /^(一般公共预算|政府性基金预算|国有资本经营预算)财政拨款$/;

function addUp(ctx: RuleContext, table: Table, total: Row, parts: Row[], zh: string, en: string): void {
  for (const column of amountColumns(table, total.panel)) {
    if (!total.cells[column]) continue;
    ctx.identity({ rule: 'balance/summary', left: [plus(table, total, column)], right: plusEach(table, parts, column), relation: '=', zh, en });
  }
}

/** One panel of a 收支总表: 本年合计 = Σ lines above it; 总计 = 本年合计 + lines between. */
function panelSums(ctx: RuleContext, table: Table, rows: Row[]): void {
  const current = rows.findIndex((r) => CURRENT_YEAR_TOTAL.test(r.name));
  const grand = rows.findIndex((r) => GRAND_TOTAL.test(r.name));
  if (current < 0) return;
  const side = rows[current]!.name.includes('收入') ? '收入' : '支出';
  addUp(ctx, table, rows[current]!, rows.slice(0, current).filter((r) => r.role === 'item'), `${rows[current]!.name}应等于其上各行之和`, `current-year ${side === '收入' ? 'income' : 'expenditure'} equals the sum of the lines above it`);
  if (grand < 0) return;
  // Lines between: 上年结转, 用事业基金弥补…, 结转下年; fund breakdowns of a 结转 line are its children.
  const between = rows.slice(current + 1, grand).filter((r) => r.role === 'item');
  const direct: Row[] = [];
  for (let i = 0; i < between.length; i++) {
    const r = between[i]!;
    direct.push(r);
    if (!CARRY_OVER.test(r.name)) continue;
    const children: Row[] = [];
    while (i + 1 < between.length && FUND_BREAKDOWN.test(between[i + 1]!.name)) children.push(between[++i]!);
    if (children.length) addUp(ctx, table, r, children, `「${r.name}」应等于其分项之和`, `${r.name} equals its breakdown`);
  }
  addUp(ctx, table, rows[grand]!, [rows[current]!, ...direct], `${rows[grand]!.name}应等于${rows[current]!.name}加其后各行`, 'grand total equals the current-year total plus the lines below it');
}

export default defineRule({
  meta: {
    id: 'balance/summary',
    severity: 'error',
    description: { zh: '收支总表平衡：本年合计 = Σ各行，总计 = 本年合计 + 结转等，收入总计 = 支出总计', en: 'Summary tables balance: subtotals add up and total income equals total expenditure' },
    docs: '收支总体情况表、财政拨款收支总体情况表（决算：收入支出决算总表、财政拨款收入支出决算总表）的收入方和支出方各自：本年收入（支出）合计 = 其上各行之和；收入（支出）总计 = 本年合计 + 上年结转、结余分配、年末结转等行；并且收入总计 = 支出总计（决算：年初结转 + 本年收入 (+ 使用非财政拨款结余) = 本年支出 + 结余分配 + 年末结转）。行按名称识别，不按序号。\nBoth panels of the summary tables add up, and total income equals total expenditure.',
  },
  check(ctx) {
    for (const table of ctx.doc.tables) {
      if (table.kind !== 'summary' && table.kind !== 'fiscalSummary') continue;
      const byPanel = panels(table);
      for (const [panel, rows] of byPanel) if (panel) panelSums(ctx, table, rows);
      const income = figure({ ...ctx.doc, tables: [table] }, { kind: table.kind, panel: 'income', row: GRAND_TOTAL, column: 'amount' });
      const expense = figure({ ...ctx.doc, tables: [table] }, { kind: table.kind, panel: 'expense', row: GRAND_TOTAL, column: table.columns.some((c) => c.panel === 'expense' && c.key === 'total') ? 'total' : 'amount' });
      if (income && expense) ctx.identity({ rule: 'balance/summary', left: [plusRef(income)], right: [plusRef(expense)], relation: '=', zh: '收入总计应等于支出总计', en: 'total income equals total expenditure' });
    }
  },
});
