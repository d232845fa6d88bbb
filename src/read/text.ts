import { cutNote, decodeText } from './decode.js';
import type { Grid, GridCell, GridLine } from './grid.js';

const TAG = /<\/?(?:b|strong|i|em|span|br|p|div|u)\b[^>]*>/gi;
const BOLD_TAG = /<(?:b|strong)\b[^>]*>/i;
const MD_HEADING = /^(#{1,6})\s+(.*)$/;
const MD_BOLD = /\*\*(.*?)\*\*/g;
const SPACES = /[ \u3000\u00a0]+/;

function cleanCell(raw: string, index: number): GridCell {
  // Fast path: most cells carry no markup.
  if (raw.indexOf('<') < 0 && raw.indexOf('*') < 0) return { text: raw.trim(), index, bold: false };
  const bold = BOLD_TAG.test(raw) || /^\s*\*\*.+\*\*\s*$/.test(raw);
  const text = raw.replace(TAG, '').replace(MD_BOLD, '$1').trim();
  return { text, index, bold };
}

function splitLine(no: number, raw: string, markdown: boolean): GridLine {
  let body = raw.charCodeAt(raw.length - 1) === 13 ? raw.slice(0, -1) : raw;
  let heading: number | undefined;
  if (markdown && body.charCodeAt(0) === 35 /* # */) {
    const h = MD_HEADING.exec(body);
    if (h) {
      heading = h[1]!.length;
      body = h[2]!;
    }
  }
  let line: GridLine;
  if (body.includes('\t')) {
    const parts = body.split('\t');
    const cells: GridCell[] = new Array(parts.length);
    for (let i = 0; i < parts.length; i++) cells[i] = cleanCell(parts[i]!, i);
    line = { no, text: cells.map((c) => c.text).join('\t'), split: 'tab', cells };
  } else {
    const trimmed = body.trim();
    const parts = SPACES.test(trimmed) ? trimmed.split(SPACES) : [body];
    const cells: GridCell[] = new Array(parts.length);
    for (let i = 0; i < parts.length; i++) cells[i] = cleanCell(parts[i]!, i);
    line = { no, text: cleanCell(body, 0).text, split: parts.length > 1 ? 'space' : 'none', cells };
  }
  if (heading) line.heading = heading;
  return line;
}

/** Markdown is recognised by headings or HTML-tagged cells; it changes only markup stripping. */
function looksLikeMarkdown(text: string): boolean {
  return /^#{1,6}\s/m.test(text) || /<b>/i.test(text);
}

/** Read a text disclosure (plain, tab-separated, markdown) into a grid of lines and cells. */
export function readText(bytes: Uint8Array, file: string): Grid {
  const { text, encoding, cutBytes } = decodeText(bytes, file);
  const markdown = looksLikeMarkdown(text);
  const rawLines = text.split('\n');
  const lines = rawLines.map((raw, i) => splitLine(i + 1, raw, markdown));
  const grid: Grid = { file, format: markdown ? 'markdown' : 'text', encoding, bytes: bytes.length, lines };
  if (cutBytes) grid.notes = [{ ...cutNote(cutBytes), line: lines.length }];
  return grid;
}
