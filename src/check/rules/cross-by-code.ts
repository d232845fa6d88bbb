import type { Document, Row, Table, TableKind } from '../../model/index.js';
import { plus, type Term } from '../identity.js';
import { normaliseRowName } from '../lookup.js';
import { defineRule } from '../rule.js';

const FUND_TABLES: TableKind[] = ['gpbExpenditure', 'govFund', 'stateCapital'];
const COLUMNS = ['total', 'basic', 'project'];
const NON_FISCAL = ['educationFees', 'otherSpecialAccount', 'business', 'operating', 'other', 'fromSuperior', 'fromAffiliates', 'carriedOver', 'businessFund'];

/** True when the income table shows every yuan is a current-year fiscal appropriation. */
function fiscalOnly(doc: Document): boolean {
  const income = doc.tables.find((t) => t.kind === 'income');
  const total = income?.rows.find((r) => r.role === 'total');
  if (!income || !total) return false;
  return NON_FISCAL.every((k) => (total.cells[k]?.fen ?? 0) === 0);
}

function rowsByCode(doc: Document, kind: TableKind): Map<string, { table: Table; row: Row }> {
  const map = new Map<string, { table: Table; row: Row }>();
  for (const table of doc.tables) if (table.kind === kind) for (const row of table.rows) if (row.code && row.level && !row.panel) map.set(row.code, { table, row });
  return map;
}

const name = (s: string) => normaliseRowName(s);

/**
 * A 财政拨款收支总表 whose income side shows carried-over money (上年结转, 年初结转和结余) spends
 * more per 类 than the current-year fund tables show: its per-类 lines cannot be compared with them.
 */
function carriesOver(table: Table): boolean {
  return table.rows.some((r) => r.panel === 'income' && /结转/.test(r.name) && Object.values(r.cells).some((a) => a && a.fen !== 0));
}

export default defineRule({
  meta: {
    id: 'cross/by-code',
    severity: 'error',
    description: { zh: '按科目核对：支出总表各科目 = 一般公共预算 + 政府性基金 + 国有资本经营；收支总表各类 = 支出总表各类', en: 'Per classification code, the expenditure table equals the sum of the fund tables, and per 类 the summary tables equal the expenditure table' },
    docs: '当收入全部为本年财政拨款（收入总表合计中财政专户、事业、经营、其他、上级补助、上年结转等均为 0）时，支出总体情况表每个功能科目的合计、基本支出、项目支出应等于一般公共预算支出表、政府性基金预算支出表、国有资本经营预算支出表同一科目之和；收支总体情况表支出方各类（按类名匹配，不看序号）应等于支出总体情况表同名类级科目的合计，财政拨款收支总体情况表支出方各类应等于三张分资金表同名类之和（决算：一般公共预算、政府性基金、国有资本经营三列分别核对；收入方列有上年结转时不核对，因为结转资金的支出不在本年分资金表中）。\nPer code, the expenditure table equals the fund tables when all income is fiscal; per 类 (matched by name, never by ordinal) the summary tables equal the expenditure tables.',
  },
  check(ctx) {
    const doc = ctx.doc;
    // Each kind's rows by code, built once (the per-类 comparison below uses them again).
    const byCode = new Map<TableKind, Map<string, { table: Table; row: Row }>>();
    const codesOf = (kind: TableKind) => {
      let map = byCode.get(kind);
      if (!map) byCode.set(kind, (map = rowsByCode(doc, kind)));
      return map;
    };
    const expenditure = codesOf('expenditure');
    const funds = FUND_TABLES.map(codesOf);
    if (fiscalOnly(doc)) {
      const codes = new Set(expenditure.keys());
      for (const m of funds) for (const code of m.keys()) codes.add(code);
      for (const code of codes) {
        const e = expenditure.get(code);
        const inFunds = funds.map((m) => m.get(code));
        const zh = `科目 ${code} 在支出总表与各资金支出表中应一致`;
        const en = `code ${code}: expenditure table equals the fund tables`;
        for (const column of COLUMNS) {
          const right: Term[] = [];
          for (const x of inFunds) if (x?.row.cells[column]) right.push(plus(x.table, x.row, column));
          const left: Term[] = e?.row.cells[column] ? [plus(e.table, e.row, column)] : [];
          if (left.length === 0 && right.length === 0) continue;
          ctx.identity({ rule: 'cross/by-code', left, right, relation: '=', zh, en });
        }
      }
    }
    // Per 类 by name: summary tables vs the tables by code.
    const byName = (kind: TableKind) => {
      const map = new Map<string, { table: Table; row: Row }>();
      for (const [, x] of codesOf(kind)) if (x.row.level === 1) map.set(name(x.row.name), x);
      return map;
    };
    const expenditureClasses = byName('expenditure');
    const fundClasses = FUND_TABLES.map(byName);
    const finalKind = doc.kind === 'final';
    for (const table of doc.tables) {
      if (table.kind !== 'summary' && table.kind !== 'fiscalSummary') continue;
      // Whether the fund tables are compared at all depends on the table, not the row: decided once.
      const compareFunds = table.kind === 'fiscalSummary' && fundClasses.some((m) => m.size > 0) && !carriesOver(table);
      for (const row of table.rows) {
        if (row.panel !== 'expense' || row.role !== 'item' || !/支出$/.test(row.name) || /^(对附属单位补助|上缴上级|事业单位经营|经营)支出$/.test(row.name)) continue;
        const key = name(row.name);
        if (table.kind === 'summary' && expenditureClasses.size > 0) {
          const e = expenditureClasses.get(key);
          ctx.identity({ rule: 'cross/by-code', left: [plus(table, row, 'amount')], right: e?.row.cells.total ? [plus(e.table, e.row, 'total')] : [], relation: '=', zh: `收支总表「${row.name}」应等于支出总表同名类级科目`, en: `summary ${row.name} equals the expenditure table's 类` });
        }
        if (compareFunds) {
          const columns = finalKind ? (['gpb', 'govFund', 'stateCapital'] as const) : (['amount'] as const);
          for (const column of columns) {
            if (!row.cells[column]) continue;
            const sources = column === 'amount' ? fundClasses : [fundClasses[['gpb', 'govFund', 'stateCapital'].indexOf(column)]!];
            const right: Term[] = [];
            for (const m of sources) {
              const x = m.get(key);
              if (x?.row.cells.total) right.push(plus(x.table, x.row, 'total'));
            }
            ctx.identity({ rule: 'cross/by-code', left: [plus(table, row, column)], right, relation: '=', zh: `财政拨款收支总表「${row.name}」应等于分资金支出表同名类级科目之和`, en: `fiscal summary ${row.name} equals the fund tables' 类` });
          }
        }
      }
    }
  },
});
