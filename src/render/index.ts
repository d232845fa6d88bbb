/**
 * Renderers: the Document as a publishable disclosure (HTML, PDF, XLSX, DOCX). They see only the
 * document model and the templates — never readers, recognisers or checks (the CLI runs
 * `checkDocument` before rendering).
 */
import type { Document } from '../model/index.js';
import { renderDocx } from './docx.js';
import { renderHtml } from './html.js';
import { renderPdf, type PdfOptions } from './pdf.js';
import { renderXlsx } from './xlsx.js';

export { renderHtml, escapeHtml, tableGridHtml, RENDER_CSS } from './html.js';
export { renderPdf, htmlToPdf, chromiumAvailable, chromiumPath, DEFAULT_CHROMIUM, CHROMIUM_ARGS, type PdfOptions } from './pdf.js';
export { renderXlsx } from './xlsx.js';
export { renderDocx } from './docx.js';
export {
  printableTable,
  documentOutline,
  formatAmount,
  usesThousands,
  placeCells,
  chineseNumber,
  sectionHeading,
  coverLines,
  tableTitle,
  documentTitle,
  type PrintableTable,
  type PrintableHeaderCell,
  type PrintableCell,
  type PrintableRow,
  type PrintableColumnKind,
  type PrintableOptions,
  type PlacedCell,
  type OutlineBlock,
} from './layout.js';

export const RENDER_FORMATS = ['html', 'pdf', 'xlsx', 'docx'] as const;
export type RenderFormat = (typeof RENDER_FORMATS)[number];

/** Render a document in one of the output formats, as bytes (HTML as UTF-8). */
export async function renderDocument(doc: Document, format: RenderFormat, options: PdfOptions = {}): Promise<Uint8Array> {
  switch (format) {
    case 'html':
      return new TextEncoder().encode(renderHtml(doc));
    case 'pdf':
      return renderPdf(doc, options);
    case 'xlsx':
      return renderXlsx(doc);
    case 'docx':
      return renderDocx(doc);
  }
}
