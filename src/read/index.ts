import { InputError } from '../model/errors.js';
import type { Grid } from './grid.js';
import { readDocx } from './docx.js';
import { readHtml } from './html.js';
import { readPdf } from './pdf.js';
import { readText } from './text.js';
import { readXlsx } from './xlsx.js';

export type { Grid, GridLine, GridCell, GridNote } from './grid.js';
export { readText } from './text.js';
export { readPdf } from './pdf.js';
export { readXlsx } from './xlsx.js';
export { readDocx } from './docx.js';
export { readHtml } from './html.js';
export { MAX_UNZIPPED_BYTES } from './zip.js';

export type SourceKind = 'text' | 'pdf' | 'xlsx' | 'docx' | 'html' | 'zip' | 'ole';

const ascii = (bytes: Uint8Array, n: number) => String.fromCharCode(...bytes.subarray(0, n));

/** What a file is, from its first bytes (and, for zip packages, its parts), not its name. */
export function sniff(bytes: Uint8Array): SourceKind {
  if (ascii(bytes, 5) === '%PDF-') return 'pdf';
  // OLE2 compound file: legacy .xls / .doc (Office 97-2003).
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0 && bytes[4] === 0xa1 && bytes[5] === 0xb1 && bytes[6] === 0x1a && bytes[7] === 0xe1) return 'ole';
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    // Part names are in the local headers up front and in the central directory at the end.
    const head = new TextDecoder('latin1').decode(bytes.subarray(0, Math.min(bytes.length, 1 << 16)));
    const tail = new TextDecoder('latin1').decode(bytes.subarray(Math.max(0, bytes.length - (1 << 16))));
    if (head.includes('xl/workbook') || tail.includes('xl/workbook') || head.includes('xl/')) return 'xlsx';
    if (head.includes('word/document') || tail.includes('word/document') || head.includes('word/')) return 'docx';
    return 'zip';
  }
  const start = new TextDecoder('utf-8').decode(bytes.subarray(0, 512)).replace(/^\uFEFF/, '').trimStart().toLowerCase();
  if (/^<(?:!doctype html|html|head|body|meta)[\s>/]/.test(start) || (start.startsWith('<?xml') && /<html[\s>]/.test(start))) return 'html';
  return 'text';
}

/** Read any supported source into a grid. */
export async function readSource(bytes: Uint8Array, file: string): Promise<Grid> {
  const kind = sniff(bytes);
  switch (kind) {
    case 'text':
      return readText(bytes, file);
    case 'pdf':
      return readPdf(bytes, file);
    case 'xlsx':
      return readXlsx(bytes, file);
    case 'docx':
      return readDocx(bytes, file);
    case 'html':
      return readHtml(bytes, file);
    case 'ole':
      throw new InputError(file, '旧版 Office 文件（.xls / .doc）暂不支持读取，请另存为 .xlsx / .docx 后再试', 'legacy Office files (.xls / .doc) are not supported: save as .xlsx / .docx');
    default:
      throw new InputError(file, `暂不支持读取 ${kind.toUpperCase()} 文件`, `${kind} files are not supported yet`);
  }
}
