import type { Location, Section } from '../../model/index.js';
import { defineRule } from '../rule.js';

/** Shorter texts (「与上年持平。」) legitimately recur. */
const MIN_LENGTH = 15;

interface Piece {
  key: string;
  text: string;
  at: Location;
}

/** Paragraphs and numbered headings of one part, in order, with the line each starts on. */
function pieces(part: Section): Piece[] {
  const out: Piece[] = [];
  const visit = (s: Section) => {
    if (s !== part && s.number) out.push({ key: `${s.number}|${s.heading.replace(/\s/g, '')}`, text: `${s.number} ${s.heading}`, at: { file: s.span.file, line: s.span.from, text: s.heading } });
    let offset = 0;
    for (const p of s.text.split('\n')) {
      // The last line anchor at or before the paragraph.
      let line = s.span.from;
      const anchors = s.lines ?? [];
      for (let k = anchors.length - 1; k >= 0; k--) {
        if (anchors[k]!.offset <= offset) {
          line = anchors[k]!.line;
          break;
        }
      }
      const norm = p.replace(/\s/g, '');
      if (norm.length >= MIN_LENGTH) out.push({ key: norm, text: p, at: { file: s.span.file, line, text: p } });
      offset += p.length + 1;
    }
    for (const c of s.children) visit(c);
  };
  visit(part);
  return out;
}

export default defineRule({
  meta: {
    id: 'text/repeated-paragraph',
    severity: 'warning',
    description: { zh: '同一部分中整段文字或编号标题重复出现', en: 'A paragraph or numbered heading printed twice in the same part' },
    docs:
      '在同一部分（概况、情况说明等）中，一整段文字（至少 15 个字）或一个带编号的标题原样出现两次，通常是排版或复制粘贴的错误，例如职能条目（六）至（十）在下一页又印了一遍（审核清单：「部分文字未显示」）。' +
      '不同部分之间的重复（如情况说明与名词解释对机关运行经费的相同定义）不报。修正：删去重复的段落，补全缺失的内容。' +
      ' A paragraph (15 characters or more) or numbered heading printed twice within one part is a layout or copy-paste error.',
  },
  check(ctx) {
    for (const part of ctx.doc.narrative) {
      const seen = new Map<string, Piece>();
      // Consecutive repeated pieces (a block printed twice) make one finding.
      const runs: { first: Piece; repeat: Piece; index: number }[][] = [];
      pieces(part).forEach((p, index) => {
        const first = seen.get(p.key);
        if (!first) {
          seen.set(p.key, p);
          return;
        }
        const run = runs[runs.length - 1];
        const last = run?.[run.length - 1];
        if (run && last && last.index === index - 1) run.push({ first, repeat: p, index });
        else runs.push([{ first, repeat: p, index }]);
      });
      for (const run of runs) {
        const head = run[0]!;
        const excerpt = head.repeat.text.length > 40 ? `${head.repeat.text.slice(0, 40)}…` : head.repeat.text;
        const more = run.length > 1 ? `等 ${run.length} 段` : '';
        ctx.report({
          message: `「${part.heading}」中「${excerpt}」${more}重复出现（第${head.first.at.line}行起、第${head.repeat.at.line}行起）`,
          messageEn: `"${excerpt}"${run.length > 1 ? ` and ${run.length - 1} following paragraph(s)` : ''} printed twice in part "${part.heading}" (from lines ${head.first.at.line} and ${head.repeat.at.line})`,
          locations: [...run.map((r) => r.repeat.at), ...run.map((r) => r.first.at)],
        });
      }
    }
  },
});
