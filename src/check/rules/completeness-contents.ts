import { tableName } from '../identity.js';
import { defineRule } from '../rule.js';
import { normalisedTitlesMatch, normaliseTitle, printsKind, specForTitle, templateOf, titlesMatch, unreadTableTitles } from '../text/tables.js';
import { tableLocation } from '../text/units.js';

export default defineRule({
  meta: {
    id: 'completeness/contents',
    severity: 'warning',
    description: { zh: '目录与正文表格一致', en: 'The table of contents matches the tables printed' },
    docs:
      '目录列出的表应在正文中印出，正文印出的（模板编号的）表也应列入目录。二者不一致，说明漏印了表、目录未更新或表题写错。' +
      '模板规定的必备表缺失已由 completeness/required-tables 报为错误，此处不重复报告。没有目录的文档不检查。' +
      '修正：补印表格或更新目录。 Entries of the 目录 without a printed table, and numbered tables missing from the 目录 (missing required tables are reported by completeness/required-tables).',
  },
  check(ctx) {
    const { doc } = ctx;
    if (doc.contents.length === 0) return;
    const template = templateOf(doc);
    const bodyTitles = [...doc.tables.map((t) => t.title), ...unreadTableTitles(doc)];
    const file = doc.source.file;
    // The template table each 目录 entry names (looked up once: the tables below ask again).
    const entrySpecs = doc.contents.map((entry) => (template ? specForTitle(template, entry) : undefined));
    doc.contents.forEach((entry, i) => {
      const spec = entrySpecs[i];
      if (spec && template) {
        if (printsKind(doc, template, spec.kind)) return;
        if (spec.required) return; // completeness/required-tables
      } else if (bodyTitles.some((t) => titlesMatch(t, entry))) return;
      ctx.report({
        message: `目录列有「${entry}」，正文中没有这张表`,
        messageEn: `The table of contents lists "${entry}", which the body does not print`,
        locations: [{ file, text: entry, ...(spec ? { table: spec.kind } : {}) }],
      });
    });
    // The entries as titlesMatch compares them, normalised once for all the tables.
    const entryTitles = doc.contents.map(normaliseTitle);
    for (const t of doc.tables) {
      const spec = template?.tables.find((s) => s.kind === t.kind);
      if (!spec || spec.titles.length === 0) continue; // tables printed inside the narrative (重点项目) are not 目录 entries
      const title = normaliseTitle(t.title);
      const listed = entryTitles.some((c, i) => (template && entrySpecs[i]?.kind === t.kind) || normalisedTitlesMatch(c, title));
      if (listed) continue;
      ctx.report({
        message: `正文中的${tableName(t)}未列入目录`,
        messageEn: `Table "${t.title}" is printed but not listed in the table of contents`,
        locations: [tableLocation(t)],
      });
    }
  },
});
