import type { Severity } from '../../model/index.js';
import { defineRule } from '../rule.js';
import { excerpt } from '../text/scan.js';
import { anyUnitMatches, locate, textUnits, unitPlace, unitPlaceEn } from '../text/units.js';

interface Pattern {
  re: RegExp;
  /** A simpler pattern every match of `re` also matches (tested first on the whole text). */
  needs?: RegExp;
  zh: string;
  en: string;
  severity: Severity;
}

const PATTERNS: Pattern[] = [
  { re: /(?<![\d.])20\d(?!\d)\s*年/gu, needs: /20\d(?!\d)\s*年/, zh: '年份缺位', en: 'an incomplete year', severity: 'error' },
  { re: /(?:19|20)?[XxＸｘ×＊*]{2}\s*年/gu, zh: '年份未填', en: 'a year left as a placeholder', severity: 'error' },
  { re: /(?<=\p{Script=Han})[XＸxｘ×]{2,}|[XＸxｘ×]{2,}(?=\p{Script=Han})/gu, needs: /[XＸxｘ×]{2}/, zh: '占位符未替换', en: 'a placeholder (XX/××)', severity: 'error' },
  { re: /某某/gu, zh: '占位符未替换', en: 'a placeholder (某某)', severity: 'error' },
  { re: /（\s*）|\(\s*\)|【\s*】|“\s*”|《\s*》|「\s*」/gu, zh: '括号或引号内容空缺', en: 'empty brackets or quotes', severity: 'error' },
  { re: /_{3,}|＿{2,}/gu, zh: '填空线未填写', en: 'a blank to be filled in', severity: 'error' },
  { re: /各部门(?:应)?结合(?:本部门)?实际|结合(?:部门|本部门|单位|本单位)实际[^。；]{0,40}(?:进行)?(?:解释|说明|填写|填列)|(?:请|应)(?:根据|按照|结合)[^。；]{0,12}(?:填写|填列)|(?:此处|这里)(?:填写|填列|删除)/gu, zh: '模板填写说明未替换为实际内容', en: 'template instructions left in the text', severity: 'warning' },
];

/** Characters or words every pattern needs: texts without any of them are skipped cheaply. */
const MAY_MATCH = /\d|[XxＸｘ×＊*某（(【“《「_＿]|实际|填写|填列|删除/;

export default defineRule({
  meta: {
    id: 'text/placeholder',
    severity: 'error',
    description: { zh: '占位符、空缺和模板说明未替换', en: 'Placeholders, blanks and template instructions left in' },
    docs:
      '公开文本中残留模板的占位内容：缺位的年份（「202 年度」「20XX年」）、「XX局」「××」「某某」、空括号（「（）」「“”」）、填空线，' +
      '以及应替换为实际内容的模板填写说明（如「各部门结合实际进行解释」「结合部门实际……进行解释」）。前几类为错误，模板说明为警告（需人工确认其后是否已补写实际内容）。' +
      '修正：填入实际内容，删除模板说明。 Template placeholders (incomplete years, XX/××, empty brackets, blanks) are errors; template instructions left in the text are warnings.',
  },
  check(ctx) {
    const patterns = PATTERNS.filter((p) => (!p.needs || anyUnitMatches(ctx.doc, p.needs)) && anyUnitMatches(ctx.doc, p.re));
    if (patterns.length === 0) return;
    for (const u of textUnits(ctx.doc)) {
      if (!MAY_MATCH.test(u.text)) continue;
      for (const p of patterns) {
        // exec over the shared global regex (matchAll would copy it for every unit); no pattern matches empty.
        p.re.lastIndex = 0;
        for (let m = p.re.exec(u.text); m; m = p.re.exec(u.text)) {
          ctx.report({
            severity: p.severity,
            message: `${unitPlace(u)}${p.zh}：「${excerpt(u.text, m.index, m.index + m[0].length)}」`,
            messageEn: `${unitPlaceEn(u)} contains ${p.en}: "${m[0]}"`,
            locations: [locate(u, m.index, excerpt(u.text, m.index, m.index + m[0].length, 30))],
          });
        }
      }
    }
  },
});
