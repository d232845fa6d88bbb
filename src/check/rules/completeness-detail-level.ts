import { tableName } from '../identity.js';
import { defineRule } from '../rule.js';
import { codedGroups, hasAmount, LEVEL_ZH, tableScheme, type CodedRow } from '../text/codes.js';
import { rowLocation } from '../text/units.js';

export default defineRule({
  meta: {
    id: 'completeness/detail-level',
    severity: 'error',
    description: { zh: '功能分类细化到项级，经济分类细化到款级', en: 'Function classification down to 项, economic down to 款' },
    docs:
      '143号要求一般公共预算支出按功能分类公开到项级、基本支出按经济分类公开到款级。' +
      '功能分类表中有金额的末级科目（其下不再列子科目的行）必须是7位的项，经济分类表中有金额的末级科目必须是5位的款；' +
      '金额为零的末级行不要求细化。功能分类表印有金额行却完全没有科目编码的，也报告。修正：把汇总到类、款的数字细化列示到项（经济分类到款）。' +
      ' In function tables every non-zero leaf row must be a 7-digit 项, in economic tables a 5-digit 款 (143号: 一般公共预算支出 by function to 项级, 基本支出 by economic class to 款级).',
  },
  check(ctx) {
    for (const t of ctx.doc.tables) {
      const scheme = tableScheme(ctx.doc, t);
      if (!scheme) continue;
      const deepest = scheme === 'function' ? 3 : 2;
      const coarse: CodedRow[] = [];
      for (const group of codedGroups(ctx.doc, t)) {
        group.forEach((c, i) => {
          if (c.level === undefined || c.level >= deepest) return;
          const next = group[i + 1];
          const isLeaf = !next || !(next.code.startsWith(c.code) && next.code.length > c.code.length);
          // Amounts last: most coarse rows have sub-items, and reading every cell costs more.
          if (isLeaf && hasAmount(c.row)) coarse.push(c);
        });
      }
      const levelName = LEVEL_ZH[scheme][deepest - 1]!;
      if (coarse.length > 0) {
        const list = coarse.map((c) => `${c.code}「${c.row.name}」`).join('、');
        ctx.report({
          message: `${tableName(t)}未细化到${levelName}级：${list}有金额但其下未列${levelName}`,
          messageEn: `${t.title} is not detailed to the ${scheme === 'function' ? '项 (7-digit)' : '款 (5-digit)'} level: ${coarse.map((c) => c.code).join(', ')} carry amounts without sub-items`,
          locations: coarse.map((c) => rowLocation(t, c.row)),
        });
      } else if (scheme === 'function' && t.kind === 'gpbExpenditure') {
        const items = t.rows.filter((r) => r.role === 'item' && hasAmount(r));
        if (items.length > 0 && items.every((r) => !r.code)) {
          ctx.report({
            message: `${tableName(t)}未按功能分类科目编码列示（没有科目编码），无法确认细化到项级`,
            messageEn: `${t.title} prints no classification codes, so it is not shown by function down to 项`,
            locations: items.slice(0, 1).map((r) => rowLocation(t, r)),
          });
        }
      }
    }
  },
});
