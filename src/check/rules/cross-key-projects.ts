import type { Row, Table } from '../../model/index.js';
import { locationOf, plus } from '../identity.js';
import { defineRule } from '../rule.js';

/** Project names compared without spaces, quotes and dash variants (「--」 vs 「—」). */
const key = (s: string) => s.replace(/[\s“”"']/g, '').replace(/[-—–－]+/g, '-').replace(/项目$/, '');

export default defineRule({
  meta: {
    id: 'cross/key-projects',
    severity: 'warning',
    description: { zh: '重点项目绩效目标中的预算数应与项目支出表同名项目一致', en: 'Key-project amounts match the same-named projects of the project table' },
    docs: '情况说明「重点项目预算绩效目标」表列出的项目，若在部门预算项目支出表中有同名项目（忽略空格、引号、破折号写法和末尾的「项目」），两处的预算数应一致；同名项目在多个单位出现时与其合计比较。找不到同名项目的（例如由其他渠道安排的资金）只作提示，因为名称不同不一定是错误。\nKey projects listed in the narrative match the same-named rows of the per-project table (warning: matching is by name).',
  },
  check(ctx) {
    const projects = ctx.doc.tables.filter((t) => t.kind === 'unitProject');
    const index = new Map<string, { table: Table; row: Row }[]>();
    for (const table of projects) for (const row of table.rows) if (row.role === 'item') index.set(key(row.name), [...(index.get(key(row.name)) ?? []), { table, row }]);
    for (const table of ctx.doc.tables) {
      if (table.kind !== 'keyProjects') continue;
      for (const row of table.rows) {
        if (!row.cells.amount) continue;
        const matches = index.get(key(row.name));
        if (!matches) {
          if (projects.length) ctx.report({ severity: 'info', message: `重点项目「${row.name}」在项目支出表中没有同名项目，无法核对金额`, messageEn: `key project "${row.name}" has no same-named row in the project table; amount not verified`, locations: [locationOf({ table, row, column: 'amount' })] });
          continue;
        }
        ctx.identity({ rule: 'cross/key-projects', left: [plus(table, row, 'amount')], right: matches.map((m) => plus(m.table, m.row, 'total')), relation: '=', zh: `重点项目「${row.name}」的预算数应与项目支出表一致`, en: `key project ${row.name} equals the project table` });
      }
    }
  },
});
