import { defineRule } from '../rule.js';
import { bracketProblems, CLOSER_OF, excerpt, OPENER_OF, type BracketProblem } from '../text/scan.js';
import { locate, textUnits, unitPlace, unitPlaceEn, type TextUnit } from '../text/units.js';

const FAMILY: Record<string, string> = { '“': 'dq', '”': 'dq', '‘': 'sq', '’': 'sq', '（': 'paren', '(': 'paren', '）': 'paren', ')': 'paren', '《': 'book', '》': 'book', '【': 'lent', '[': 'lent', '】': 'lent', ']': 'lent', '「': 'corner', '」': 'corner', '『': 'wcorner', '』': 'wcorner', '〔': 'tort', '〕': 'tort', '"': 'straight' };

function describe(p: BracketProblem): { zh: string; en: string } {
  const f = FAMILY[p.char] ?? '';
  if (f === 'straight') return { zh: '英文引号“"”不成对', en: 'an unpaired straight quote' };
  return p.kind === 'unclosed'
    ? { zh: `「${p.char}」没有对应的「${CLOSER_OF[f] ?? ''}」`, en: `"${p.char}" is never closed` }
    : { zh: `多了一个「${p.char}」（前面没有对应的「${OPENER_OF[f] ?? ''}」）`, en: `"${p.char}" closes nothing` };
}

export default defineRule({
  meta: {
    id: 'text/brackets',
    severity: 'warning',
    description: { zh: '引号、括号、书名号不成对', en: 'Unbalanced quotes and brackets' },
    docs:
      '检查“”‘’（）()《》【】「」在每段文字（情况说明按节，连同换行断开的标题一起检查）、单元格、表题和表注中是否成对（审核清单：「……优秀调解案例”活动。”，这里多了一个右引号」）。' +
      '全角与半角括号视为同一种（「维修（护)费」不报）；引号可以嵌套（“…“两库”…”）；「1)」「(2)」这类列项序号不算括号。' +
      '修正：补上或删去多余的引号、括号。 Quotes and brackets must pair within each section, cell, title and note; full- and half-width brackets pair with each other, quotes may nest, list markers such as 「1)」 are ignored.',
  },
  check(ctx) {
    const { doc } = ctx;
    /** `index` is in `text`; `base` is where `text` starts in the unit's own text (negative: in the heading before it). */
    const report = (u: TextUnit, text: string, problems: BracketProblem[], base = 0) => {
      for (const p of problems) {
        const d = describe(p);
        const ex = excerpt(text, p.index, p.index + 1);
        ctx.report({
          message: `${unitPlace(u)}${d.zh}：「${ex}」`,
          messageEn: `${unitPlaceEn(u)}: ${d.en}: "${ex}"`,
          locations: [locate(u, Math.max(0, p.index - base), ex)],
        });
      }
    };
    const units = textUnits(doc);
    // Narrative: one check per section (heading + its own text), so a quote may span a wrapped line or a paragraph break.
    for (const u of units) {
      if (u.kind !== 'part' && u.kind !== 'heading') continue;
      const s = u.section!;
      const whole = `${s.heading}\n${s.text}`;
      const problems = bracketProblems(whole);
      if (problems.length === 0) continue;
      const body = s.heading.length + 1;
      const at = problems[0]!.index - body;
      const para = at < 0 ? undefined : units.find((p) => p.kind === 'paragraph' && p.section === s && p.offset !== undefined && p.offset <= at && at < p.offset + p.text.length);
      if (para) report(para, whole, problems, body + para.offset!);
      else report(u, whole, problems);
    }
    for (const u of units) {
      if (u.kind === 'part' || u.kind === 'heading' || u.kind === 'paragraph') continue;
      report(u, u.text, bracketProblems(u.text));
    }
  },
});
