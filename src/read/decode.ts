import { isUtf8 } from 'node:buffer';
import { InputError } from '../model/errors.js';

export interface DecodedText {
  text: string;
  encoding: string;
  /** UTF-8 that ends inside a character (a file cut off): how many bytes of it were dropped. */
  cutBytes?: number;
}

/** Bytes of an incomplete UTF-8 character at the end of `body` (0 when it ends on a boundary). */
function incompleteTail(body: Uint8Array): number {
  // A lead byte within the last 3 bytes whose sequence is longer than what follows it.
  for (let k = 1; k <= Math.min(3, body.length); k++) {
    const b = body[body.length - k]!;
    if (b < 0x80) return 0;
    if (b >= 0xc0) {
      const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      return need > k ? k : 0;
    }
  }
  return 0;
}

/** Share of NUL / C0 control bytes above which a file is treated as binary. */
const BINARY_CONTROL_SHARE = 0.01;

function controlShare(bytes: Uint8Array): number {
  const n = Math.min(bytes.length, 64 * 1024);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0 || (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b)) control++;
  }
  return n === 0 ? 0 : control / n;
}

/**
 * Decode a text file: UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030/GBK (common in
 * China). Chinese text that is not valid UTF-8 is decoded as GB18030, a superset of GBK and GB2312.
 */
export function decodeText(bytes: Uint8Array, file: string): DecodedText {
  if (bytes.length === 0) throw new InputError(file, '文件为空', 'file is empty');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  if (controlShare(bytes) > BINARY_CONTROL_SHARE) {
    throw new InputError(file, '不是文本文件（含二进制内容），无法读取', 'binary file, not text');
  }
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasBom ? bytes.subarray(3) : bytes;
  // Native validation, then decoding: much faster than a fatal TextDecoder on large files.
  if (isUtf8(body)) return { text: Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8'), encoding: 'utf-8' };
  // UTF-8 cut off inside its last character: decode what is whole, and say that the file was cut.
  const tail = incompleteTail(body);
  if (tail > 0 && isUtf8(body.subarray(0, body.length - tail))) {
    return { text: Buffer.from(body.buffer, body.byteOffset, body.byteLength - tail).toString('utf8'), encoding: 'utf-8', cutBytes: tail };
  }
  // Not UTF-8: try GB18030, refusing text that still decodes to replacement characters.
  const text = new TextDecoder('gb18030').decode(bytes);
  const bad = (text.match(/\uFFFD/g) ?? []).length;
  if (bad > Math.max(3, text.length / 1000)) {
    throw new InputError(file, '无法识别文本编码（既不是 UTF-8 也不是 GB18030/GBK）', 'unknown text encoding (neither UTF-8 nor GB18030/GBK)');
  }
  return { text, encoding: 'gb18030' };
}

/** The reader's note for a file that ends inside a character. */
export function cutNote(cutBytes: number): { zh: string; en: string } {
  return {
    zh: `文件在一个字符中间结束（最后 ${cutBytes} 个字节不成字），可能被截断`,
    en: `the file ends inside a character (its last ${cutBytes} bytes are incomplete): it was probably cut off`,
  };
}
