import { extname } from 'node:path';
import { unzipSync } from 'fflate';
import { buildDocument, entryInTemplate, readEntryWorkbook } from '../generate/index.js';
import { parseSource, readInputFile } from '../index.js';
import { documentSchema, InputError, type Document, type TemplateId } from '../model/index.js';
import { sniff } from '../read/index.js';
import { readClaims } from '../narrative/index.js';

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

/**
 * The document model as JSON (`yusuan parse --format json`), validated; its `summary` is dropped, and its
 * claims are read again from its narrative, so that edited prose is never checked against stale claims.
 */
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
  const doc = parsed.data as Omit<Document, 'claims'>;
  return { ...doc, claims: readClaims(doc) };
}

/**
 * Read INPUT as a document: model JSON, data-entry workbook, or a disclosure in any readable format.
 * With `template` (another than the input's own), every table is computed anew for that template:
 * from the workbook's lines, or from lines reconstructed from the published tables; `notes` says
 * where a reconstruction had to choose between published figures that disagree.
 */
export async function loadDocument(file: string, template?: TemplateId): Promise<{ doc: Document; notes: string[] }> {
  const bytes = await readInputFile(file);
  if (isEntryWorkbook(bytes)) return { doc: await readEntryWorkbook(bytes, file, template), notes: [] };
  const head = new TextDecoder().decode(bytes.subarray(0, 64)).replace(/^\uFEFF/, '').trimStart();
  const doc = head.startsWith('{') || extname(file).toLowerCase() === '.json' ? documentFromJson(bytes, file) : await parseSource(bytes, file);
  if (!template || template === doc.template) return { doc, notes: [] };
  const { input, notes } = entryInTemplate({ ...doc, source: { ...doc.source, file } }, template);
  return { doc: buildDocument(input, file, bytes.length), notes };
}
