import type { Section } from '../../model/index.js';
import { defineRule } from '../rule.js';
import { isPart, numberedHeading, walkSections } from '../text/units.js';

/** The last item of a list that ends the text before a heading: 「具体包括： 1. 普陀区司法局本部」 → 1. */
const LAST_ITEM = /(?:^|[\s：:])[（(]?(\d{1,2})[)）]?[.．、]?\s*[^，,。；;：:\d]{2,30}$/u;

/**
 * 「具体包括： 1. 普陀区司法局本部」⏎「2. 普陀区法律援助中心」: the numbered line after a list that the
 * text before it opened is the list's next item, read as a heading, not an empty section.
 */
function continuesList(s: Section, textBefore: string | undefined): boolean {
  if (!s.number || !/^\d{1,2}$/.test(s.number) || textBefore === undefined) return false;
  const last = textBefore.trimEnd().split('\n').pop() ?? '';
  const m = LAST_ITEM.exec(last);
  return m !== null && Number(m[1]) === Number(s.number) - 1 && /[：:]/.test(last);
}

export default defineRule({
  meta: {
    id: 'text/empty-section',
    severity: 'warning',
    description: { zh: '有标题没有内容的空节', en: 'A heading with no body' },
    docs:
      '情况说明中有编号标题、其下却既没有正文、也没有下级标题或表格的节，通常是漏写了内容或删改时留下的空标题。' +
      '“标签：内容”式的标题（如「6) 年度预算安排：50 万元」）、带逗号的长标题（换行断开的句子），以及接着上文名单的编号行（「具体包括： 1. 普陀区司法局本部」之后的「2. 普陀区法律援助中心」）不算。修正：补写内容或删去空标题。' +
      ' A numbered heading followed by neither text, sub-sections nor a table.',
  },
  check(ctx) {
    const { doc } = ctx;
    const visits = walkSections(doc);
    const starts = visits.map((v) => v.section.span.from).sort((a, b) => a - b);
    for (const { section: s, parent } of visits) {
      if (s.text.trim() !== '' || s.children.length > 0) continue;
      if (s.heading.length > 30 || /[，,。；;：:]/.test(s.heading)) continue;
      const siblings = parent ? parent.children : doc.narrative;
      const previous = siblings[siblings.indexOf(s) - 1];
      if (continuesList(s, previous ? previous.text : parent?.text)) continue;
      const next = starts.find((l) => l > s.span.from) ?? Infinity;
      const tableFollows = doc.tables.some((t) => (t.at.line ?? 0) > s.span.from && (t.at.line ?? 0) < next) || doc.unrecognised.some((x) => x.what === 'table' && (x.at.line ?? 0) > s.span.from && (x.at.line ?? 0) < next);
      if (tableFollows) continue;
      ctx.report({
        message: `${isPart(s) ? '' : '标题'}「${numberedHeading(s)}」下没有内容`,
        messageEn: `The heading "${s.heading}" has no body`,
        locations: [{ file: s.span.file, line: s.span.from, text: s.heading }],
      });
    }
  },
});
