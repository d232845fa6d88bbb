import { readFile } from 'node:fs/promises';
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

/** Read and parse a disclosure file. Throws InputError for unusable input. */
export async function parseFile(file: string): Promise<Document> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(file, code === 'ENOENT' ? '文件不存在' : code === 'EISDIR' ? '这是一个目录，不是文件' : `无法读取文件（${code ?? 'error'}）`, code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : `cannot read file (${code ?? 'error'})`);
  }
  return parseSource(bytes, file);
}
