import type { Document, Section } from '../../model/index.js';
import { defineRule } from '../rule.js';
import type { RuleContext } from '../rule.js';
import { countHan, HAN } from '../text/scan.js';
import { locate, textUnits, unitPlace, unitPlaceEn, type TextUnit } from '../text/units.js';

const COMMA = /[，,]/;
const CLOSERS = /[”’」』》）)\]】\s]+$/u;
const TERMINAL = /[。！？!?；;：:…]$/u;
/** 「实施主体：景德镇市医疗保障局（本级）」「立项依据：《…》、《…》」: a label and its value, not a sentence. */
const LABEL_VALUE = /^[^，。；,;]{1,20}[：:][^，。；,;]*$/u;

function isSentence(text: string): boolean {
  if (LABEL_VALUE.test(text)) return false;
  if (/^表\s*\d+$/.test(text)) return false;
  return COMMA.test(text) || countHan(text, 12) >= 12;
}

/** 「…X。（如持平作持平表述）」「…。（单位：万元）」: a bracketed remark after a finished sentence. */
const REMARK_AFTER_STOP = /[。！？!?；;…][\s]*[（(][^（）()]*[)）]\s*$/u;
/** 「具体包括： 1. 普陀区司法局本部」: the text ends with an item of a list of names, not a sentence. */
const LIST_ITEM_TAIL = /[：:]\s*(?:\d{1,2}[.．、)）]|[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}、)\s*[^，,。；;：:]{1,30}$/u;

function unterminated(text: string): boolean {
  if (TERMINAL.test(text.trimEnd())) return false;
  const t = text.replace(CLOSERS, '');
  if (t === '' || TERMINAL.test(t) || TERMINAL.test(text.trimEnd())) return false;
  if (REMARK_AFTER_STOP.test(text)) return false;
  // A table printed inside the prose (tab-separated cells) ends with a cell, not a sentence.
  const lastLine = text.split('\n').pop() ?? '';
  if (lastLine.includes('\t')) return false;
  return !LIST_ITEM_TAIL.test(text);
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
      'PDF 中，段落里的一行远短于正文行宽、末尾没有标点、下一行却接着同一段（「……的主要原因是工作量增加」⏎「财政拨款支出主要内容如下：」），是句子写完却漏了句号：同样报告。' +
      '句号后的括注（「……。（如持平作持平表述）」）、以「具体包括：1. ×××」结尾的名单、段中的表格行不算。' +
      ' The last sentence of a section, a 绩效目标 cell or a note should end with 。 (or ！？：；). A missing mark is either a missing full stop or a cut-off sentence. Notes are info only. In a PDF, a line of a paragraph that ends far short of the text width, without punctuation, while the paragraph goes on, is a sentence whose full stop is missing.',
  },
  check(ctx) {
    if (ctx.doc.source.format === 'pdf') checkLineEnds(ctx);
    for (const u of textUnits(ctx.doc)) {
      if (!candidate(u)) continue;
      const text = u.kind === 'note' ? u.text.split('\n').pop()!.trim() : u.text.trim();
      // (Both tests are pure: the cheaper one first.)
      if (!unterminated(text)) continue;
      if (!isSentence(text.replace(/^注[:：]/, '')) && !(u.kind === 'note' && /^注[:：]/.test(text))) continue;
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

/** Width of a line in full-width characters (digits and Latin letters count half). */
function width(line: string): number {
  let w = 0;
  for (const ch of line) w += ch.charCodeAt(0) < 0x2000 ? 0.5 : 1;
  return w;
}

const ANY_PUNCTUATION = /[。！？!?；;：:，,、…—）)》」』”’]$/u;

/**
 * PDF paragraphs: a source line that stops far short of the text width without punctuation, while the
 * paragraph goes on at the next line, ended a sentence whose full stop is missing (the reader joins
 * wrapped lines, so the sentences run together: 「…主要原因是工作量增加财政拨款支出主要内容如下：」).
 */
function checkLineEnds(ctx: RuleContext): void {
  const doc: Document = ctx.doc;
  const sections: Section[] = [];
  const visit = (s: Section) => {
    sections.push(s);
    s.children.forEach(visit);
  };
  doc.narrative.forEach(visit);
  const linesOf = (s: Section) => {
    const anchors = s.lines ?? [];
    return anchors.map((a, i) => ({ line: a.line, offset: a.offset, text: s.text.slice(a.offset, anchors[i + 1]?.offset ?? s.text.length) }));
  };
  // The text width: the widest line of the narrative (lines that wrap fill it).
  const full = Math.max(0, ...sections.flatMap((s) => linesOf(s).map((l) => width(l.text.trim()))));
  if (full < 20) return;
  for (const s of sections) {
    if (s.part !== 'explanation' && s.part !== 'overview') continue;
    const lines = linesOf(s);
    for (let i = 0; i + 1 < lines.length; i++) {
      const l = lines[i]!;
      // The paragraph goes on: no line break between this line and the next.
      if (l.text.endsWith('\n') || l.text.includes('\t')) continue;
      const text = l.text.trim();
      const next = lines[i + 1]!.text.trim();
      if (!text || !next || ANY_PUNCTUATION.test(text) || width(text) > 0.6 * full) continue;
      if ([...text].filter((c) => HAN.test(c)).length < 8) continue;
      // The next line starts a sentence of its own (not a closing bracket or punctuation).
      if (!HAN.test(next[0]!)) continue;
      const tail = [...text].slice(-12).join('');
      ctx.report({
        message: `「${s.heading}」一节第${l.line}行「…${tail}」在行中结束、没有句号，下一行「${[...next].slice(0, 10).join('')}…」却接着排在同一段：漏了句号`,
        messageEn: `section "${s.heading}", line ${l.line}: "…${tail}" ends short of the line without a full stop, and the paragraph goes on: a missing full stop`,
        locations: [{ file: s.span.file, line: l.line, text: `${text}${next}` }],
      });
    }
  }
}
