import { defineRule } from '../rule.js';
import { excerpt } from '../text/scan.js';
import { anyUnitMatches, locate, textUnits, unitPlace, unitPlaceEn } from '../text/units.js';

/** U+FFFD (a byte sequence that could not be decoded), classic GBK/UTF-8 mojibake, private-use and control characters. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this rule looks for
const GARBLED = /\uFFFD|锟斤拷|烫烫烫|屯屯屯|[\uE000-\uF8FF]|[\u0000-\u0008\u000B\u000C\u000E-\u001F]/gu;

export default defineRule({
  meta: {
    id: 'text/garbled',
    severity: 'error',
    description: { zh: '文字未正常显示（乱码、替换字符）', en: 'Garbled text (replacement characters, mojibake)' },
    docs:
      '文字中出现替换字符“�”（U+FFFD，原文字节无法解码）、「锟斤拷」「烫烫烫」等典型乱码、私用区字符或控制字符，说明该处文字在转换或排版中损坏，' +
      '读者看到的内容不完整（审核清单：「主要职能中部分文字未正常显示」）。表格单元格以“�”结尾，通常是被截断的多字节字符。' +
      '修正：从原始文件重新导出该段文字。 Text containing U+FFFD, mojibake, private-use or control characters: the text was damaged in conversion and readers cannot see it.',
  },
  check(ctx) {
    if (!anyUnitMatches(ctx.doc, GARBLED)) return;
    for (const u of textUnits(ctx.doc)) {
      const hits = [...u.text.matchAll(GARBLED)];
      if (hits.length === 0) continue;
      const first = hits[0]!;
      const truncated = u.text.trimEnd().endsWith('\uFFFD');
      ctx.report({
        message: `${unitPlace(u)}有${hits.length}处文字未正常显示（乱码或替换字符“�”）${truncated ? '，且文字在此截断' : ''}：「${excerpt(u.text, first.index, first.index + first[0].length)}」`,
        messageEn: `${unitPlaceEn(u)} has ${hits.length} garbled character(s) (replacement character or mojibake)${truncated ? ', and the text is cut off there' : ''}`,
        locations: [locate(u, first.index, u.text)],
      });
    }
  },
});
