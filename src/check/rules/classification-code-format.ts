import { codeLevel } from '../../catalog/index.js';
import { tableName } from '../identity.js';
import { defineRule } from '../rule.js';
import { codedRows, DIGITS, SCHEME_ZH } from '../text/codes.js';
import { rowLocation } from '../text/units.js';

export default defineRule({
  meta: {
    id: 'classification/code-format',
    severity: 'error',
    description: { zh: '科目编码的位数和格式', en: 'Classification code format and level' },
    docs:
      '支出功能分类科目编码为3位（类）、5位（款）或7位（项）数字，部门预算支出经济分类科目编码为3位（类）或5位（款）数字。' +
      '编码表中位数不符或含非数字字符的编码，无法对应到任何科目层级。修正：按《政府收支分类科目》核对编码。' +
      ' Function codes have 3, 5 or 7 digits (类/款/项), economic codes 3 or 5 (类/款); any other code in a coded table is malformed.',
  },
  check(ctx) {
    for (const t of ctx.doc.tables) {
      for (const c of codedRows(ctx.doc, t)) {
        if (c.level !== undefined) continue;
        const digits = DIGITS[c.scheme].join('/');
        const other = c.scheme === 'economic' ? 'function' : 'economic';
        const hint = codeLevel(other, c.code) !== undefined && c.scheme === 'economic' ? `；「${c.code}」是${SCHEME_ZH[other]}的编码格式` : '';
        ctx.report({
          message: `${tableName(t)}「${c.row.name}」的科目编码「${c.code}」格式不符：${SCHEME_ZH[c.scheme]}编码应为 ${digits} 位数字${hint}`,
          messageEn: `${t.title}: code "${c.code}" of "${c.row.name}" is malformed: ${c.scheme} codes have ${digits} digits`,
          locations: [rowLocation(t, c.row)],
        });
      }
    }
  },
});
