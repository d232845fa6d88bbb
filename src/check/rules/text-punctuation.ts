import { defineRule } from '../rule.js';
import { excerpt } from '../text/scan.js';
import { anyUnitMatches, locate, textUnits, unitPlace, unitPlaceEn } from '../text/units.js';

/** Two sentence or clause marks in a row: 「。。」「，，」「，。」「；。」「、，」 (「……」「——」「？！」 are not flagged). */
const DOUBLED = /[。，、；：,;]\s*[。，、；,;]|[。，、；,;]\s*：/gu;

export default defineRule({
  meta: {
    id: 'text/punctuation',
    severity: 'warning',
    description: { zh: '标点重复', en: 'Doubled punctuation' },
    docs:
      '连续两个句读标点，如「。。」「，，」「，。」「；。」，是录入或删改时留下的错误（审核清单：「信息化建设及运行维护等方面的支出。。」存在连续两个句号）。' +
      '省略号「……」、破折号「——」和「？！」不算。修正：删去多余的标点。' +
      ' Two clause or sentence marks in a row (「。。」, 「，，」, 「，。」) are typing errors.',
  },
  check(ctx) {
    if (!anyUnitMatches(ctx.doc, DOUBLED)) return;
    for (const u of textUnits(ctx.doc)) {
      for (const m of u.text.matchAll(DOUBLED)) {
        const ex = excerpt(u.text, m.index, m.index + m[0].length);
        ctx.report({
          message: `${unitPlace(u)}标点重复「${m[0]}」：「${ex}」`,
          messageEn: `${unitPlaceEn(u)} has doubled punctuation "${m[0]}": "${ex}"`,
          locations: [locate(u, m.index, ex)],
        });
      }
    }
  },
});
