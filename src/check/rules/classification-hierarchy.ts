import { lookupCode, parentCode } from '../../catalog/index.js';
import { tableName } from '../identity.js';
import { defineRule } from '../rule.js';
import { codedGroups, LEVEL_ZH } from '../text/codes.js';
import { rowLocation } from '../text/units.js';

export default defineRule({
  meta: {
    id: 'classification/hierarchy',
    severity: 'error',
    description: { zh: '款列在其所属类之下，项列在其所属款之下', en: 'Each 款 follows its 类 and each 项 its 款' },
    docs:
      '分类科目表按“类—款—项”逐级列示：款（5位）的前3位是它所属的类，项（7位）的前5位是它所属的款。' +
      '表中列有某一级科目时，其下级科目必须紧随其所属的上级科目列示；否则或是编码有误，或是行的顺序错乱，或是漏列了上级科目。' +
      '逐表、逐栏（两栏并列的表分别检查）按行序检查。修正：核对编码，补列上级科目或调整行序。' +
      ' In a coded table, a 5-digit row must come under the 3-digit row that prefixes it and a 7-digit row under its 5-digit parent, whenever the table prints that level.',
  },
  check(ctx) {
    for (const t of ctx.doc.tables) {
      for (const group of codedGroups(ctx.doc, t)) {
        const printed = new Set(group.map((c) => c.level));
        let current: [string | undefined, string | undefined] = [undefined, undefined];
        for (const c of group) {
          if (c.level === undefined) continue;
          if (c.level === 1) {
            current = [c.code, undefined];
            continue;
          }
          const parent = parentCode(c.scheme, c.code)!;
          const levelAbove = c.level - 1;
          // The parent level is expected when the table prints it (or, for 项, prints 类: then 款 must be there too).
          const expected = printed.has(levelAbove as 1 | 2) || (c.level === 3 && printed.has(1));
          const under = current[levelAbove - 1];
          if (c.level === 2) current = [current[0], c.code];
          if (!expected || under === parent) continue;
          const names = LEVEL_ZH[c.scheme];
          const me = names[c.level - 1]!;
          const up = names[levelAbove - 1]!;
          const parentName = lookupCode(c.scheme, parent)?.name;
          const seen = group.some((o) => o.code === parent);
          const where = under ? `却列在${up} ${under} 之下` : `前面没有${up}`;
          ctx.report({
            message: `${tableName(t)}${me} ${c.code}「${c.row.name}」应列在${up} ${parent}${parentName ? `「${parentName}」` : ''}之下，${where}${seen ? '（行序错乱）' : `（表中未列${up} ${parent}）`}`,
            messageEn: `${t.title}: ${c.code} "${c.row.name}" must come under ${parent}, but ${under ? `follows ${under}` : 'no parent precedes it'}${seen ? ' (rows out of order)' : ` (${parent} is not printed)`}`,
            locations: [rowLocation(t, c.row)],
          });
        }
      }
    }
  },
});
