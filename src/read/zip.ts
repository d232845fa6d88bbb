import { unzipSync, zipSync } from 'fflate';
import { InputError } from '../model/errors.js';

/**
 * Zip packages (XLSX, DOCX) with a hard cap on what they may inflate to. The cap is checked on
 * the sizes the archive declares before anything is inflated, and fflate never writes more than
 * the declared size of an entry (an entry that lies about its size comes out truncated, and then
 * fails to parse), so a zip bomb is refused before it can take the memory.
 */

/** Default cap on the total inflated size of a package: 200 MB. */
export const MAX_UNZIPPED_BYTES = 200 * 1024 * 1024;
/** No real workbook or document has more parts than this. */
const MAX_ENTRIES = 20_000;

export interface ZipOptions {
  /** Cap on the total inflated size of all entries (bytes). */
  maxUnzippedBytes?: number;
}

const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

class TooBig extends Error {}

/** Inflate every entry of a zip package, refusing archives over the cap. */
export function unzipCapped(bytes: Uint8Array, file: string, kind: string, options: ZipOptions = {}): Map<string, Uint8Array> {
  const cap = options.maxUnzippedBytes ?? MAX_UNZIPPED_BYTES;
  let total = 0;
  let entries = 0;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter(f) {
        entries++;
        total += f.originalSize;
        if (total > cap || entries > MAX_ENTRIES) throw new TooBig();
        return true;
      },
    });
  } catch (e) {
    if (e instanceof TooBig) {
      throw new InputError(
        file,
        entries > MAX_ENTRIES ? `解压后超过上限：${kind} 压缩包内文件数超过 ${MAX_ENTRIES} 个，拒绝读取` : `解压后超过上限：${kind} 压缩包解压后大于 ${mb(cap)}，拒绝读取（可能是压缩炸弹）`,
        entries > MAX_ENTRIES ? `over the limit: the ${kind} package has more than ${MAX_ENTRIES} parts` : `over the limit: the ${kind} package would inflate to more than ${mb(cap)} (zip bomb?)`,
      );
    }
    throw corrupt(file, kind, e);
  }
  return new Map(Object.entries(files));
}

/** Re-pack inflated entries without compression, for libraries that unzip by themselves. */
export function storeZip(entries: Map<string, Uint8Array>): Uint8Array {
  return zipSync(Object.fromEntries(entries), { level: 0 });
}

export function corrupt(file: string, kind: string, e: unknown): InputError {
  const why = e instanceof Error ? e.message : String(e);
  return new InputError(file, `${kind} 文件已损坏或不完整，无法读取（${why}）`, `corrupt or truncated ${kind} file (${why})`);
}
