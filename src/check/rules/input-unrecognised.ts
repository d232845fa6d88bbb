import type { Location } from '../../model/index.js';
import { defineRule } from '../rule.js';

/** Page-level problems that hide content from every other check. */
const UNREADABLE = /无文字层|无法读取|截断|只读取了|读取到第/;

export default defineRule({
  meta: {
    id: 'input/unrecognised',
    severity: 'warning',
    description: { zh: '未能识别的页面、表格、行或单元格', en: 'Pages, tables, rows or cells that could not be recognised' },
    docs:
      '读取时无法识别的内容不会被丢弃，而是记入文档模型的 unrecognised 并在此报告：无文字层（扫描件）的页面、截断的文件为错误，因为其中的数字无法核对；空白页、无法识别的表格或行为警告；' +
      '单个无法识别的单元格或表头为提示。修正：提供带文字层的 PDF 或原始表格文件；删去空白页；核对被报告的行。 ' +
      'What could not be recognised is kept and reported: unreadable pages (no text layer) and truncated files are errors, blank pages and unrecognised tables or rows are warnings, single cells are info.',
  },
  check(ctx) {
    for (const u of ctx.doc.unrecognised) {
      const severity = u.what === 'document' && UNREADABLE.test(u.reason) ? 'error' : u.what === 'cell' ? 'info' : 'warning';
      const at: Location = { file: u.at.file, ...(u.at.line !== undefined ? { line: u.at.line } : {}), ...(u.at.page !== undefined ? { page: u.at.page } : {}), ...(u.text ? { text: u.text } : {}) };
      ctx.report({ severity, message: `未能识别：${u.reason}`, messageEn: `not recognised: ${u.reasonEn}`, locations: [at] });
    }
  },
});
