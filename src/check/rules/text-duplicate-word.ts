import { defineRule } from '../rule.js';
import { excerpt, repeatedWords } from '../text/scan.js';
import { locate, textUnits, unitPlace, unitPlaceEn } from '../text/units.js';

// A word of 2–4 characters written twice in a row: 「两个项目项目全年预算数」 (see repeatedWords).
/** Reduplication that is correct Chinese (ABAB verbs, AABB adjectives are not matched by the scan). */
const ALLOWED = /^(研究|讨论|考虑|商量|学习|检查|整理|清理|打扫)$/;

export default defineRule({
  meta: {
    id: 'text/duplicate-word',
    severity: 'warning',
    description: { zh: '词语重复', en: 'A word written twice' },
    docs:
      '同一个词连写两遍（如「两个项目项目全年预算数」）通常是录入或删改时留下的错误。只检查2至4个汉字的词紧接着重复；' +
      '单字叠用（「常常」「人人」）不在此列，「研究研究」一类动词重叠不报。修正：删去重复的词。' +
      ' A word of two to four characters immediately repeated (「项目项目」) is a typing error.',
  },
  check(ctx) {
    for (const u of textUnits(ctx.doc)) {
      if (u.kind === 'column') continue;
      for (const m of repeatedWords(u.text)) {
        const word = m.word;
        if (ALLOWED.test(word) || new Set(word).size === 1) continue;
        const ex = excerpt(u.text, m.index, m.index + m.match.length);
        ctx.report({
          message: `${unitPlace(u)}「${word}」重复：「${ex}」`,
          messageEn: `${unitPlaceEn(u)} repeats "${word}": "${ex}"`,
          locations: [locate(u, m.index, ex)],
        });
      }
    }
  },
});
