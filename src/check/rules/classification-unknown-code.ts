import { findByName, lookupCode } from '../../catalog/index.js';
import { tableName } from '../identity.js';
import { defineRule } from '../rule.js';
import { codedRows, SCHEME_ZH } from '../text/codes.js';
import { rowLocation } from '../text/units.js';

export default defineRule({
  meta: {
    id: 'classification/unknown-code',
    severity: 'warning',
    description: { zh: '科目编码不在内置科目目录中', en: 'Classification code not in the catalogue' },
    docs:
      '格式正确、但不在 yusuan 内置科目目录中的编码。内置目录只收录了各“类”和常见的款、项，并不完整，' +
      '所以这只是提示核对：编码可能有效而未收录，也可能是已废止或填错的编码（若名称与目录中另一编码相同，多半是编码填错）。' +
      '修正：按当年《政府收支分类科目》核对。 A well-formed code that the built-in catalogue does not list. The catalogue is incomplete, so this asks for a check rather than asserting an error.',
  },
  check(ctx) {
    for (const t of ctx.doc.tables) {
      for (const c of codedRows(ctx.doc, t)) {
        if (c.level === undefined || lookupCode(c.scheme, c.code)) continue;
        const same = findByName(c.scheme, c.row.name).filter((e) => e.level === c.level);
        const hint = same.length > 0 ? `；目录中名为「${c.row.name}」的${SCHEME_ZH[c.scheme]}科目编码是 ${same.map((e) => e.code).join('、')}，请核对是否填错` : '';
        ctx.report({
          message: `${tableName(t)}科目编码 ${c.code}「${c.row.name}」不在内置的${SCHEME_ZH[c.scheme]}科目目录中（内置目录并不完整，可能只是未收录，请按当年科目表核对）${hint}`,
          messageEn: `${t.title}: ${c.scheme} code ${c.code} "${c.row.name}" is not in the built-in catalogue (which is incomplete: check it against this year's list)${same.length > 0 ? `; the catalogue has this name as ${same.map((e) => e.code).join(', ')}` : ''}`,
          locations: [rowLocation(t, c.row)],
        });
      }
    }
  },
});
