import { defineRule } from '../rule.js';
import { isPart, numberedHeading, walkSections } from '../text/units.js';

export default defineRule({
  meta: {
    id: 'text/empty-section',
    severity: 'warning',
    description: { zh: '有标题没有内容的空节', en: 'A heading with no body' },
    docs:
      '情况说明中有编号标题、其下却既没有正文、也没有下级标题或表格的节，通常是漏写了内容或删改时留下的空标题。' +
      '“标签：内容”式的标题（如「6) 年度预算安排：50 万元」）和带逗号的长标题（换行断开的句子）不算。修正：补写内容或删去空标题。' +
      ' A numbered heading followed by neither text, sub-sections nor a table.',
  },
  check(ctx) {
    const { doc } = ctx;
    const visits = walkSections(doc);
    const starts = visits.map((v) => v.section.span.from).sort((a, b) => a - b);
    for (const { section: s } of visits) {
      if (s.text.trim() !== '' || s.children.length > 0) continue;
      if (s.heading.length > 30 || /[，,。；;：:]/.test(s.heading)) continue;
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
