import { ROW_IDENTITIES } from '../../templates/identities.js';
import { minus, plus, type Term } from '../identity.js';
import { defineRule } from '../rule.js';

/** A spec's parts: column keys, 「-key」 subtracted. Parsed once per spec. */
const parsedParts = new WeakMap<readonly string[], { key: string; negative: boolean }[]>();
function partsOf(parts: readonly string[]): { key: string; negative: boolean }[] {
  let parsed = parsedParts.get(parts);
  if (!parsed) parsedParts.set(parts, (parsed = parts.map((p) => ({ key: p.replace(/^-/, ''), negative: p.startsWith('-') }))));
  return parsed;
}

export default defineRule({
  meta: {
    id: 'sum/row',
    severity: 'error',
    description: { zh: '行内合计应等于各组成列之和', en: 'Each row total equals the sum of its component columns' },
    docs: '每一行的「合计/总计」列应等于其组成列之和，例如 合计 = 基本支出 + 项目支出，总计 = 财政拨款 + 财政专户拨款 + 其他资金，财政拨款 = 一般公共预算 + 政府性基金 + 国有资本经营。组成关系按表的种类和列的含义以数据声明（src/templates/identities.ts），差额在尾数误差以内的只作提示。修正：核对该行的合计与各组成列，改正错误的一格。\nIn every row, the total column equals the sum of its component columns, as declared per table kind.',
  },
  check(ctx) {
    for (const table of ctx.doc.tables) {
      const keys = new Set(table.columns.map((c) => c.key));
      for (const spec of ROW_IDENTITIES) {
        if (!spec.kinds.includes(table.kind) || !keys.has(spec.total) || (spec.when && !keys.has(spec.when))) continue;
        const parts = partsOf(spec.parts);
        for (const row of table.rows) {
          const total = row.cells[spec.total];
          if (!total) continue;
          const right: Term[] = [];
          for (const { key, negative } of parts) {
            const cell = row.cells[key];
            if (cell) right.push(negative ? minus(table, row, key) : plus(table, row, key));
          }
          if (right.length === 0) continue;
          ctx.identity({ rule: 'sum/row', left: [plus(table, row, spec.total)], right, relation: '=', zh: spec.zh, en: spec.en });
        }
      }
    }
  },
});
