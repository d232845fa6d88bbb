import { lookupCode, namesMatch, normaliseName, type CodeScheme } from '../../catalog/index.js';
import { tableName } from '../identity.js';
import { defineRule } from '../rule.js';
import { codedRows, SCHEME_ZH } from '../text/codes.js';
import { locate, rowLocation, textUnits } from '../text/units.js';

/** 「医疗卫生与计划生育支出（210类）」: a name followed by its code in brackets, in the narrative. */
/** Cheap pre-check before the backtracking NAMED_CODE scan. */
const CODE_IN_BRACKETS = /[（(]\d{3}/;
const NAMED_CODE = /([^\s，。；：、,;:“”"（）()]{2,30})[（(](\d{3}|\d{5}|\d{7})\s*(类|款|项)?[)）]/gu;

export default defineRule({
  meta: {
    id: 'classification/code-name',
    severity: 'warning',
    description: { zh: '科目名称与科目编码一致', en: 'Classification names match their codes' },
    docs:
      '表中每个科目编码的名称应与《政府收支分类科目》中该编码的名称一致（全角、半角括号视为相同）；情况说明中写作「名称（210类）」的科目也一样。' +
      '名称不一致通常是编码填错、沿用了旧科目名称（如把 210 写成「医疗卫生与计划生育支出」）或名称录入有误。' +
      '只核对内置目录收录的编码；目录未收录的编码由 classification/unknown-code 报告。修正：按当年科目表核对编码和名称。' +
      ' The name printed with a catalogued code should be the catalogue name (bracket width ignored), in tables and in 「name（210类）」 mentions in the prose.',
  },
  check(ctx) {
    for (const t of ctx.doc.tables) {
      for (const c of codedRows(ctx.doc, t)) {
        if (c.level === undefined) continue;
        const entry = lookupCode(c.scheme, c.code);
        if (!entry || namesMatch(entry.name, c.row.name)) continue;
        ctx.report({
          message: `${tableName(t)}科目 ${c.code} 的名称「${c.row.name}」与《政府收支分类科目》名称「${entry.name}」不一致`,
          messageEn: `${t.title}: code ${c.code} is printed as "${c.row.name}", the catalogue name is "${entry.name}"`,
          locations: [{ ...rowLocation(t, c.row), value: c.row.name }],
        });
      }
    }
    for (const u of textUnits(ctx.doc)) {
      if (u.kind !== 'paragraph' || !CODE_IN_BRACKETS.test(u.text)) continue;
      for (const m of u.text.matchAll(NAMED_CODE)) {
        const code = m[2]!;
        const scheme: CodeScheme = /^3/.test(code) && code.length <= 5 ? 'economic' : 'function';
        const entry = lookupCode(scheme, code);
        const name = m[1]!;
        // The captured text may start with a verb or subject (「安排卫生健康支出（210类）」): a name ending with the catalogue name matches.
        if (!entry || namesMatch(entry.name, name) || normaliseName(name).endsWith(normaliseName(entry.name))) continue;
        ctx.report({
          message: `情况说明中「${m[0]}」：${SCHEME_ZH[scheme]}科目 ${code} 的名称是「${entry.name}」`,
          messageEn: `The narrative writes "${m[0]}", but ${scheme} code ${code} is "${entry.name}"`,
          locations: [locate(u, m.index, m[0])],
        });
      }
    }
  },
});
