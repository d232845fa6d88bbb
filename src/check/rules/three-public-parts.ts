import { THREE_PUBLIC_ROWS } from '../../templates/identities.js';
import { plus } from '../identity.js';
import { amountColumns, normaliseRowName } from '../lookup.js';
import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'three-public/parts',
    severity: 'error',
    description: { zh: '“三公”经费 = 因公出国（境）+ 公务用车购置及运行维护 + 公务接待；公务用车 = 购置 + 运行维护', en: '3-public spending equals its parts; vehicles = purchase + running' },
    docs: '“三公”经费表中，“三公”经费合计应等于因公出国（境）费、公务用车购置及运行维护费、公务接待费之和，公务用车购置及运行维护费应等于公务用车购置费与运行维护费之和，逐列（合计、一般公共预算、政府性基金、国有资本经营；决算的预算数、决算数）检查。单行列示的“三公”表由 sum/row 按列检查。\nThe 3-public table adds up: total = abroad + vehicles + reception; vehicles = purchase + running.',
  },
  check(ctx) {
    for (const table of ctx.doc.tables) {
      if (table.kind !== 'threePublic') continue;
      const find = (re: RegExp) => table.rows.find((r) => re.test(normaliseRowName(r.name)));
      for (const spec of THREE_PUBLIC_ROWS) {
        const total = find(spec.total);
        const parts = spec.parts.map(find);
        if (!total || parts.some((p) => !p)) continue;
        for (const column of amountColumns(table)) {
          if (!total.cells[column]) continue;
          ctx.identity({ rule: 'three-public/parts', left: [plus(table, total, column)], right: parts.filter((p) => p!.cells[column]).map((p) => plus(table, p!, column)), relation: '=', zh: spec.zh, en: spec.en });
        }
      }
    }
  },
});
