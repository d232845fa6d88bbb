import { readFile, stat } from 'node:fs/promises';
import type { Document } from './model/index.js';
import { InputError } from './model/index.js';
import { readSource } from './read/index.js';
import { readText } from './read/text.js';
import { recognize } from './recognize/document.js';

export * from './model/index.js';
export { readText } from './read/text.js';
export { recognize } from './recognize/document.js';

/** Parse disclosure bytes (text formats) into a Document. */
export function parseBytes(bytes: Uint8Array, file: string): Document {
  const grid = readText(bytes, file);
  return recognize(grid);
}

/** Parse disclosure bytes of any supported format (text, PDF, XLSX, DOCX, HTML). */
export async function parseSource(bytes: Uint8Array, file: string): Promise<Document> {
  return recognize(await readSource(bytes, file));
}

/** Largest input accepted: disclosures are a few MB; anything far larger is refused before reading. */
export const MAX_INPUT_BYTES = 150 * 1024 * 1024;

/** Read and parse a disclosure file. Throws InputError for unusable input. */
export async function parseFile(file: string, maxBytes = MAX_INPUT_BYTES): Promise<Document> {
  return parseSource(await readInputFile(file, maxBytes), file);
}

/** The bytes of an input file; InputError (naming the file) when missing, a directory or too large. */
export async function readInputFile(file: string, maxBytes = MAX_INPUT_BYTES): Promise<Uint8Array> {
  try {
    const size = (await stat(file)).size;
    if (size > maxBytes) {
      const mb = (n: number) => Math.round(n / 1024 / 1024);
      throw new InputError(file, `文件过大（${mb(size)} MB，上限 ${mb(maxBytes)} MB），不像是一份部门预决算公开文件`, `file too large (${mb(size)} MB, limit ${mb(maxBytes)} MB)`);
    }
    return await readFile(file);
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(file, code === 'ENOENT' ? '文件不存在' : code === 'EISDIR' ? '这是一个目录，不是文件' : `无法读取文件（${code ?? 'error'}）`, code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : `cannot read file (${code ?? 'error'})`);
  }
}
