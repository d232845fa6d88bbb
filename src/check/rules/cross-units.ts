import type { Row } from '../../model/index.js';
import { plus, type Term } from '../identity.js';
import { normaliseRowName } from '../lookup.js';
import { defineRule } from '../rule.js';

const sameUnit = (a: string, b: string) => a.replace(/[（(]本级[)）]$/, '') === b.replace(/[（(]本级[)）]$/, '');
/** 工资和福利支出 (as printed in some 分单位 tables) is the economic 类 工资福利支出. */
const className = (s: string) => normaliseRowName(s).replace(/^工资和福利支出$/, '工资福利支出');

export default defineRule({
  meta: {
    id: 'cross/units',
    severity: 'error',
    description: { zh: '分单位核对：收入总表各单位 = 该单位基本支出小计 + 项目支出小计；分单位基本支出各类 = 基本支出经济分类表', en: 'Per unit: income = basic subtotal + project subtotal; per-unit basic categories add up to the basic economic table' },
    docs: '收入总体情况表按单位列示时，每个单位的合计应等于部门预算基本支出预算表与项目支出预算表中该单位小计之和（单位名称去掉「（本级）」后匹配）。部门预算基本支出预算表按经济分类类级列示时（工资福利支出、商品和服务支出……），各单位同类之和应等于一般公共预算基本支出表同名类级科目（仅当基本支出全部为一般公共预算时核对）。\nPer unit, income equals its basic plus project subtotals; per-unit basic categories sum to the basic economic table.',
  },
  check(ctx) {
    const doc = ctx.doc;
    const income = doc.tables.find((t) => t.kind === 'income');
    const basic = doc.tables.find((t) => t.kind === 'unitBasic');
    const project = doc.tables.find((t) => t.kind === 'unitProject');
    const subtotal = (rows: Row[] | undefined, unit: string) => rows?.find((r) => r.role === 'subtotal' && r.unit !== undefined && sameUnit(r.unit, unit));
    if (income && (basic || project)) {
      for (const row of income.rows) {
        if (row.role !== 'item' || !row.unit || row.code || !row.cells.total) continue;
        const parts: Term[] = [];
        const b = subtotal(basic?.rows, row.unit);
        const p = subtotal(project?.rows, row.unit);
        if (b?.cells.total && basic) parts.push(plus(basic, b, 'total'));
        if (p?.cells.total && project) parts.push(plus(project, p, 'total'));
        ctx.identity({ rule: 'cross/units', left: [plus(income, row, 'total')], right: parts, relation: '=', zh: `单位「${row.unit}」：收入合计应等于基本支出小计 + 项目支出小计`, en: `unit ${row.unit}: income equals basic + project subtotals` });
      }
    }
    const econ = doc.tables.find((t) => t.kind === 'gpbBasicEconomic' && t.columns.some((c) => c.key === 'amount'));
    const total = basic?.rows.find((r) => r.role === 'total');
    if (!basic || !econ || !total || (total.cells.total?.fen ?? 0) !== (total.cells.gpb?.fen ?? -1)) return;
    const classes = new Map(econ.rows.filter((r) => r.level === 1).map((r) => [className(r.name), r]));
    const categories = basic.rows.filter((r) => r.role === 'item');
    if (categories.length === 0 || !categories.every((r) => classes.has(className(r.name)))) return;
    for (const [name, econRow] of classes) {
      const right = categories.filter((r) => className(r.name) === name && r.cells.total).map((r) => plus(basic, r, 'total'));
      ctx.identity({ rule: 'cross/units', left: [plus(econ, econRow, 'amount')], right, relation: '=', zh: `基本支出经济分类「${econRow.name}」应等于各单位同类之和`, en: `basic economic ${econRow.code} equals the per-unit categories` });
    }
  },
});
