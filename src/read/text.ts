import { decodeText } from './decode.js';
import type { Grid, GridCell, GridLine } from './grid.js';

const TAG = /<\/?(?:b|strong|i|em|span|br|p|div|u)\b[^>]*>/gi;
const BOLD_TAG = /<(?:b|strong)\b[^>]*>/i;
const MD_HEADING = /^(#{1,6})\s+(.*)$/;
const MD_BOLD = /\*\*(.*?)\*\*/g;
const SPACES = /[ \u3000\u00a0]+/;

function cleanCell(raw: string): { text: string; bold: boolean } {
  // Fast path: most cells carry no markup.
  if (raw.indexOf('<') < 0 && raw.indexOf('*') < 0) return { text: raw.trim(), bold: false };
  const bold = BOLD_TAG.test(raw) || /^\s*\*\*.+\*\*\s*$/.test(raw);
  const text = raw.replace(TAG, '').replace(MD_BOLD, '$1').trim();
  return { text, bold };
}

function splitLine(no: number, raw: string, markdown: boolean): GridLine {
  let body = raw.replace(/\r$/, '');
  let heading: number | undefined;
  if (markdown) {
    const h = MD_HEADING.exec(body);
    if (h) {
      heading = h[1]!.length;
      body = h[2]!;
    }
  }
  let split: GridLine['split'];
  let parts: string[];
  if (body.includes('\t')) {
    split = 'tab';
    parts = body.split('\t');
  } else if (SPACES.test(body.trim())) {
    split = 'space';
    parts = body.trim().split(SPACES);
  } else {
    split = 'none';
    parts = [body];
  }
  const cells: GridCell[] = parts.map((p, index) => ({ index, ...cleanCell(p) }));
  const text = split === 'tab' ? cells.map((c) => c.text).join('\t') : cleanCell(body).text;
  return { no, text, split, cells, ...(heading ? { heading } : {}) };
}

/** Markdown is recognised by headings or HTML-tagged cells; it changes only markup stripping. */
function looksLikeMarkdown(text: string): boolean {
  return /^#{1,6}\s/m.test(text) || /<b>/i.test(text);
}

/** Read a text disclosure (plain, tab-separated, markdown) into a grid of lines and cells. */
export function readText(bytes: Uint8Array, file: string): Grid {
  const { text, encoding } = decodeText(bytes, file);
  const markdown = looksLikeMarkdown(text);
  const rawLines = text.split('\n');
  const lines = rawLines.map((raw, i) => splitLine(i + 1, raw, markdown));
  return { file, format: markdown ? 'markdown' : 'text', encoding, bytes: bytes.length, lines };
}
