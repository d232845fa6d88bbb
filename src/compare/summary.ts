import { fenToNumber, tablesOfKind } from '../model/index.js';
import type { Amount, Document, Row, Table, TableKind } from '../model/index.js';

/** Key figures of a document in 万元 (JSON numbers), null where the document cannot supply them. */
export interface Summary {
  incomeTotal: number | null;
  expenditureTotal: number | null;
  currentYearIncome: number | null;
  basic: number | null;
  project: number | null;
  generalPublicBudget: number | null;
  governmentFund: number | null;
  stateCapital: number | null;
  threePublic: number | null;
  unitCount: number;
  projectCount: number | null;
}

type Pick = { kind: TableKind; panel?: string; row: RegExp; column: string };

function cellOf(doc: Document, p: Pick): Amount | null {
  for (const table of tablesOfKind(doc, p.kind)) {
    const row = table.rows.find((r) => (p.panel === undefined || r.panel === p.panel) && p.row.test(r.name));
    const cell = row?.cells[p.column];
    if (cell) return cell;
  }
  return null;
}

/** The first source (in order of authority) that prints the figure. */
function firstOf(doc: Document, picks: Pick[]): number | null {
  for (const p of picks) {
    const a = cellOf(doc, p);
    if (a) return fenToNumber(a.fen, '万元');
  }
  return null;
}

const TOTAL = /^(合计|总计)$/;

function projectRows(table: Table): Row[] {
  return table.rows.filter((r) => r.role === 'item' && r.project !== undefined);
}

/** 三公 tables printed as one row of amounts (Jiangxi budget, national 决算). */
function singleRowThreePublic(doc: Document, column: string): number | null {
  const table = tablesOfKind(doc, 'threePublic').find((t) => t.rows.length === 1);
  const cell = table?.rows[0]?.cells[column];
  return cell ? fenToNumber(cell.fen, '万元') : null;
}

/**
 * Summary figures. Each comes from the table that states it, in a fixed order of authority; for a
 * 决算 they are the 决算数 (actuals). Nothing is derived by arithmetic.
 */
export function summarize(doc: Document): Summary {
  const final = doc.kind === 'final';
  const fiscalIncome = (row: RegExp): Pick[] => [
    { kind: 'fiscalSummary', panel: 'income', row, column: 'amount' },
    ...(final ? [{ kind: 'summary' as const, panel: 'income', row, column: 'amount' }] : []),
  ];
  const projectTables = tablesOfKind(doc, 'unitProject');
  const performanceTables = tablesOfKind(doc, 'projectPerformance');
  return {
    incomeTotal: firstOf(doc, [{ kind: 'summary', panel: 'income', row: /^(收入总计|总计)$/, column: 'amount' }]),
    expenditureTotal: firstOf(doc, [{ kind: 'summary', panel: 'expense', row: /^(支出总计|总计)$/, column: 'amount' }]),
    currentYearIncome: firstOf(doc, [
      { kind: 'summary', panel: 'income', row: /^本年收入合计$/, column: 'amount' },
      { kind: 'income', row: TOTAL, column: 'total' },
    ]),
    basic: firstOf(doc, [{ kind: 'expenditure', row: TOTAL, column: 'basic' }]),
    project: firstOf(doc, [{ kind: 'expenditure', row: TOTAL, column: 'project' }]),
    generalPublicBudget: firstOf(doc, [
      ...fiscalIncome(/^一般公共预算(财政拨款)?(收入)?$/),
      { kind: 'income', row: TOTAL, column: 'gpb' },
      { kind: 'gpbExpenditure', row: TOTAL, column: 'total' },
    ]),
    governmentFund: firstOf(doc, [
      ...fiscalIncome(/^政府性基金预算(财政拨款)?(收入)?$/),
      { kind: 'income', row: TOTAL, column: 'govFund' },
      { kind: 'govFund', row: TOTAL, column: 'total' },
    ]),
    stateCapital: firstOf(doc, [
      ...fiscalIncome(/^国有资本经营预算(财政拨款)?(收入)?$/),
      { kind: 'income', row: TOTAL, column: 'stateCapital' },
      { kind: 'stateCapital', row: TOTAL, column: 'total' },
    ]),
    threePublic: firstOf(doc, [
      { kind: 'threePublic', row: /^[“"]?三公[”"]?经费$/, column: 'total' },
    ]) ?? singleRowThreePublic(doc, final ? 'final.total' : 'total'),
    unitCount: doc.units.length,
    projectCount: projectTables.length > 0 ? projectTables.reduce((n, t) => n + projectRows(t).length, 0) : performanceTables.length > 0 ? performanceTables.length : null,
  };
}
