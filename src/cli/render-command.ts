import { writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { checkDocument, RULES } from '../check/index.js';
import { InputError, type Document, type TemplateId } from '../model/index.js';
import { renderDocument, RENDER_FORMATS, type RenderFormat } from '../render/index.js';
import { formatText } from '../report/index.js';
import { EXIT, VERSION } from './constants.js';
import { loadDocument } from './load-document.js';

export interface RenderCommandOptions {
  /** Output format; default: from the --out file's extension. */
  format?: RenderFormat;
  out: string;
  /** Build the document in another template (default: the input's own). */
  template?: TemplateId;
  /** Render even when the document has `error` findings. */
  force?: boolean;
}

function formatOf(opts: RenderCommandOptions): RenderFormat {
  if (opts.format) return opts.format;
  const ext = extname(opts.out).slice(1).toLowerCase();
  const format = ext === 'htm' ? 'html' : ext;
  if ((RENDER_FORMATS as readonly string[]).includes(format)) return format as RenderFormat;
  throw new InputError(opts.out, `无法从文件名判断输出格式，请用 --format 指定（${RENDER_FORMATS.join('|')}）`, `cannot tell the output format from the file name: use --format (${RENDER_FORMATS.join('|')})`);
}

/**
 * `yusuan render INPUT --format html|pdf|xlsx|docx --out FILE [--template ID] [--force]`: read the
 * document, rebuild it in --template, check it, and write it in the format asked for. Exit 0
 * when written, 1 when refused because the document has `error` findings (they are printed; use
 * --force to render anyway), 2 for unusable input, arguments or output.
 */
export async function renderCommand(input: string, opts: RenderCommandOptions): Promise<number> {
  let doc: Document;
  let format: RenderFormat;
  try {
    format = formatOf(opts);
    const loaded = await loadDocument(input, opts.template);
    doc = loaded.doc;
    for (const note of loaded.notes) process.stderr.write(`yusuan: ${input}: 按公开表格反推明细 reconstructing lines: ${note}\n`);
  } catch (e) {
    process.stderr.write(`yusuan: ${e instanceof InputError ? e.message : `${input}: 内部错误 internal error: ${e instanceof Error ? e.message : String(e)}`}\n`);
    return EXIT.input;
  }
  const errors = checkDocument(doc).filter((f) => f.severity === 'error');
  if (errors.length > 0) {
    const report = formatText({ documents: [{ file: input, doc, findings: errors }], rules: RULES.map((r) => r.meta), version: VERSION }, { color: false });
    if (!opts.force) {
      process.stderr.write(report);
      process.stderr.write(`yusuan: ${input}: 有 ${errors.length} 个错误，未生成 ${opts.out}；改正后再试，或加 --force 仍然生成 (${errors.length} error finding(s): not rendered; fix them or use --force)\n`);
      return EXIT.findings;
    }
    process.stderr.write(`yusuan: ${input}: 有 ${errors.length} 个错误，按 --force 仍然生成 (${errors.length} error finding(s), rendered anyway because of --force)\n`);
  }
  let bytes: Uint8Array;
  try {
    bytes = await renderDocument(doc, format);
  } catch (e) {
    process.stderr.write(`yusuan: ${e instanceof InputError ? e.message : `${input}: 生成 ${format} 时内部错误 internal error while rendering ${format}: ${e instanceof Error ? e.message : String(e)}`}\n`);
    return EXIT.input;
  }
  try {
    await writeFile(opts.out, bytes);
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code ?? (e instanceof Error ? e.message : String(e));
    process.stderr.write(`yusuan: ${opts.out}: 无法写入 cannot write (${why})\n`);
    return EXIT.input;
  }
  process.stdout.write(`${opts.out}: 已生成 ${format.toUpperCase()}（${bytes.length} 字节） wrote ${format} (${bytes.length} bytes)\n`);
  return EXIT.ok;
}
