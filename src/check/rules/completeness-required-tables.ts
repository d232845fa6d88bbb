import { defineRule } from '../rule.js';
import { expectedTitle, printsKind, specForTitle, tablesPartLocation, templateOf } from '../text/tables.js';

export default defineRule({
  meta: {
    id: 'completeness/required-tables',
    severity: 'error',
    description: { zh: '模板规定的必备表格齐全', en: 'Every table the template requires is published' },
    docs:
      '《地方预决算公开操作规程》（财预〔2016〕143号）要求部门预决算公开财政批复的全部报表；各地模板据此规定必须公开的表格' +
      '（广东12张、江西11张、部门决算9张）。文档所用模板规定为必备、正文却没有印出的表，报为错误；目录列出而正文缺失的，在消息中注明。' +
      '没有表内数据的表也应照常公开并加注说明（见 completeness/empty-table-note）。修正：补齐缺失的表。' +
      ' A table the document\'s template marks as required that the body does not print (143号: the approved budget/final account is published with all its tables).',
  },
  check(ctx) {
    const template = templateOf(ctx.doc);
    if (!template) return;
    const where = tablesPartLocation(ctx.doc);
    for (const spec of template.tables) {
      if (!spec.required || printsKind(ctx.doc, template, spec.kind)) continue;
      const listed = ctx.doc.contents.find((c) => specForTitle(template, c)?.kind === spec.kind);
      const name = listed ?? expectedTitle(spec);
      ctx.report({
        message: `缺少${template.name}规定必须公开的表${spec.number !== undefined ? `（表${spec.number}）` : ''}「${name}」${listed ? '：目录列有此表，正文未印出' : ''}`,
        messageEn: `The ${template.id} template requires table ${spec.number ?? ''} "${name}", which the document does not print${listed ? ' (the table of contents lists it)' : ''}`.replace('table  ', 'table '),
        locations: [{ ...where, table: spec.kind, tableTitle: name }],
      });
    }
  },
});
