import { InputError } from '../model/errors.js';
import type { Grid } from './grid.js';
import { readText } from './text.js';

export type { Grid, GridLine, GridCell } from './grid.js';
export { readText } from './text.js';

export type SourceKind = 'text' | 'pdf' | 'xlsx' | 'docx' | 'html' | 'zip';

const ascii = (bytes: Uint8Array, n: number) => String.fromCharCode(...bytes.subarray(0, n));

/** What a file is, from its first bytes (and, for zip packages, its parts), not its name. */
export function sniff(bytes: Uint8Array): SourceKind {
  if (ascii(bytes, 5) === '%PDF-') return 'pdf';
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    const head = new TextDecoder('latin1').decode(bytes.subarray(0, Math.min(bytes.length, 1 << 16)));
    if (head.includes('xl/')) return 'xlsx';
    if (head.includes('word/')) return 'docx';
    return 'zip';
  }
  const start = new TextDecoder('utf-8').decode(bytes.subarray(0, 512)).replace(/^\uFEFF/, '').trimStart().toLowerCase();
  if (start.startsWith('<!doctype html') || start.startsWith('<html')) return 'html';
  return 'text';
}

/** Read any supported source into a grid. */
export async function readSource(bytes: Uint8Array, file: string): Promise<Grid> {
  const kind = sniff(bytes);
  switch (kind) {
    case 'text':
      return readText(bytes, file);
    default:
      throw new InputError(file, `暂不支持读取 ${kind.toUpperCase()} 文件`, `${kind} files are not supported yet`);
  }
}
