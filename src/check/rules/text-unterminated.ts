import { defineRule } from '../rule.js';
import { HAN } from '../text/scan.js';
import { locate, textUnits, unitPlace, unitPlaceEn, type TextUnit } from '../text/units.js';

const CLOSERS = /[”’」』》）)\]】\s]+$/u;
const TERMINAL = /[。！？!?；;：:…]$/u;
/** 「实施主体：景德镇市医疗保障局（本级）」「立项依据：《…》、《…》」: a label and its value, not a sentence. */
const LABEL_VALUE = /^[^，。；,;]{1,20}[：:][^，。；,;]*$/u;

function isSentence(text: string): boolean {
  if (LABEL_VALUE.test(text)) return false;
  if (/^表\s*\d+$/.test(text)) return false;
  const han = [...text].filter((c) => HAN.test(c)).length;
  return han >= 12 || /[，,]/.test(text);
}

function unterminated(text: string): boolean {
  const t = text.replace(CLOSERS, '');
  return t !== '' && !TERMINAL.test(t) && !TERMINAL.test(text.trimEnd());
}

function candidate(u: TextUnit): boolean {
  if (u.kind === 'paragraph') return u.last === true;
  if (u.kind === 'note') return true;
  return u.kind === 'cell' && u.prose;
}

export default defineRule({
  meta: {
    id: 'text/unterminated',
    severity: 'warning',
    description: { zh: '句子未以句号结束（漏句号或被截断）', en: 'Sentence without a final full stop (missing, or cut off)' },
    docs:
      '情况说明各节正文的末句、绩效目标等文字单元格、表注，应以句号（或问号、叹号、冒号、分号）结束。' +
      '末尾没有标点，或是漏了句号（审核清单：「……工作量增加」后面漏了个句号），或是句子被截断（如「……支出预算支」）。' +
      '换行造成的断句已在读入时接续，不会误报；「实施主体：XX局」这类“标签：内容”和过短的短语不检查。表注只作提示（info）。' +
      '正文和单元格的行号：单元格为所在行，正文为该节最后一行。修正：补上句号，或补全被截断的句子。' +
      ' The last sentence of a section, a 绩效目标 cell or a note should end with 。 (or ！？：；). A missing mark is either a missing full stop or a cut-off sentence. Notes are info only.',
  },
  check(ctx) {
    for (const u of textUnits(ctx.doc)) {
      if (!candidate(u)) continue;
      const text = u.kind === 'note' ? u.text.split('\n').pop()!.trim() : u.text.trim();
      if (!isSentence(text.replace(/^注[:：]/, '')) && !(u.kind === 'note' && /^注[:：]/.test(text))) continue;
      if (!unterminated(text)) continue;
      const tail = [...text].slice(-12).join('');
      ctx.report({
        ...(u.kind === 'note' ? { severity: 'info' as const } : {}),
        message: `${unitPlace(u)}的句子「…${tail}」没有以句号结束：漏了句号，或句子被截断`,
        messageEn: `${unitPlaceEn(u)}: the sentence "…${tail}" has no final full stop (missing, or cut off)`,
        locations: [locate(u, u.text.length - 1, text)],
      });
    }
  },
});
