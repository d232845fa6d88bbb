import { readFile, writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { unzipSync } from 'fflate';
import { checkDocument, RULES } from '../check/index.js';
import { buildDocument, entryInTemplate, readEntryWorkbook } from '../generate/index.js';
import { parseSource } from '../index.js';
import { documentSchema, InputError, type Document, type TemplateId } from '../model/index.js';
import { sniff } from '../read/index.js';
import { renderDocument, RENDER_FORMATS, type RenderFormat } from '../render/index.js';
import { formatText } from '../report/index.js';
import { EXIT, VERSION } from './constants.js';

export interface RenderCommandOptions {
  /** Output format; default: from the --out file's extension. */
  format?: RenderFormat;
  out: string;
  /** Build the document in another template (default: the input's own). */
  template?: TemplateId;
  /** Render even when the document has `error` findings. */
  force?: boolean;
}

/** The sheet every data-entry workbook has (src/generate): how `render` tells one from a disclosure. */
export const ENTRY_GUIDE_SHEET = '填报说明';

/** True for an .xlsx whose workbook lists a sheet named 填报说明 (only the workbook part is unzipped). */
export function isEntryWorkbook(bytes: Uint8Array): boolean {
  if (sniff(bytes) !== 'xlsx') return false;
  try {
    const parts = unzipSync(bytes, { filter: (f) => f.name === 'xl/workbook.xml' });
    const xml = parts['xl/workbook.xml'];
    if (!xml) return false;
    return new RegExp(`<(?:\\w+:)?sheet\\b[^>]*\\bname="${ENTRY_GUIDE_SHEET}"`).test(new TextDecoder().decode(xml));
  } catch {
    return false;
  }
}

/** The document model as JSON (`yusuan parse --format json`), validated; its `summary` is dropped. */
export function documentFromJson(bytes: Uint8Array, file: string): Document {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder().decode(bytes).replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new InputError(file, `不是有效的 JSON：${e instanceof Error ? e.message : String(e)}`, `not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (value && typeof value === 'object' && !Array.isArray(value)) delete (value as Record<string, unknown>).summary;
  const parsed = documentSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = issue.path.join('.') || '(根 root)';
    throw new InputError(file, `JSON 不是 yusuan 文档模型：${path}：${issue.message}`, `JSON is not a yusuan document model: ${path}: ${issue.message}`);
  }
  return parsed.data as Document;
}

/**
 * Read INPUT as a document: model JSON, data-entry workbook, or a disclosure in any readable format.
 * With `template` (another than the input's own), every table is computed anew for that template:
 * from the workbook's lines, or from lines reconstructed from the published tables; `notes` says
 * where a reconstruction had to choose between published figures that disagree.
 */
export async function loadDocument(file: string, template?: TemplateId): Promise<{ doc: Document; notes: string[] }> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(file, code === 'ENOENT' ? '文件不存在' : code === 'EISDIR' ? '这是一个目录，不是文件' : `无法读取文件（${code ?? 'error'}）`, code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : `cannot read file (${code ?? 'error'})`);
  }
  if (isEntryWorkbook(bytes)) return { doc: await readEntryWorkbook(bytes, file, template), notes: [] };
  const head = new TextDecoder().decode(bytes.subarray(0, 64)).replace(/^\uFEFF/, '').trimStart();
  const doc = head.startsWith('{') || extname(file).toLowerCase() === '.json' ? documentFromJson(bytes, file) : await parseSource(bytes, file);
  if (!template || template === doc.template) return { doc, notes: [] };
  const { input, notes } = entryInTemplate({ ...doc, source: { ...doc.source, file } }, template);
  return { doc: buildDocument(input, file, bytes.length), notes };
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
