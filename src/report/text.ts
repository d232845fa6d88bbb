import type { Document, Finding, Severity } from '../model/index.js';
import { addCounts, countBySeverity, countsLine, documentTitle, firstLine, sectionLabel, tableLabel } from './common.js';
import { resolveLocation } from './resolve.js';
import type { FormatOptions, ReportInput } from './types.js';

type Style = (s: string) => string;
const ansi = (open: number, close: number): Style => (s) => `\u001b[${open}m${s}\u001b[${close}m`;
const PLAIN: Style = (s) => s;

interface Styles {
  bold: Style;
  dim: Style;
  underline: Style;
  severity: Record<Severity, Style>;
  summary: Style;
}

function styles(color: boolean): Styles {
  if (!color) return { bold: PLAIN, dim: PLAIN, underline: PLAIN, severity: { error: PLAIN, warning: PLAIN, info: PLAIN }, summary: PLAIN };
  return {
    bold: ansi(1, 22),
    dim: ansi(2, 22),
    underline: ansi(4, 24),
    severity: { error: ansi(31, 39), warning: ansi(33, 39), info: ansi(36, 39) },
    summary: ansi(1, 22),
  };
}

/** Terminal width of a string: CJK and full-width characters take two columns. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    w += (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) || c >= 0x20000 ? 2 : 1;
  }
  return w;
}

const padEnd = (s: string, width: number) => s + ' '.repeat(Math.max(0, width - displayWidth(s)));

interface Group {
  key: string;
  label: string;
  order: number;
  findings: Finding[];
}

/** Group a document's findings by the table or narrative section of their first location. */
function groupFindings(doc: Document, findings: readonly Finding[]): Group[] {
  const groups = new Map<string, Group>();
  for (const f of findings) {
    const loc = f.locations[0];
    const place = loc ? resolveLocation(doc, loc) : ({ kind: 'other' } as const);
    let key: string;
    let label: string;
    let order: number;
    if (place.kind === 'cell' || place.kind === 'row' || place.kind === 'table') {
      const t = doc.tables[place.table]!;
      key = `t${place.table}`;
      label = tableLabel(t);
      order = t.span.from;
    } else if (place.kind === 'section') {
      const s = place.section;
      key = `s${s.span.from}-${s.span.to}`;
      label = place.path.map(sectionLabel).join(' › ');
      order = s.span.from;
    } else if (loc && loc.file !== doc.source.file) {
      key = `f${loc.file}`;
      label = `文件 file ${loc.file}`;
      order = Number.MAX_SAFE_INTEGER;
    } else {
      key = 'doc';
      label = '文档 document';
      order = 0;
    }
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { key, label, order, findings: [] }));
    g.findings.push(f);
  }
  const sorted = [...groups.values()].sort((a, b) => a.order - b.order);
  for (const g of sorted) g.findings.sort((a, b) => firstLine(a) - firstLine(b));
  return sorted;
}

function lineLabel(f: Finding): string {
  const loc = f.locations[0];
  if (loc?.line !== undefined) return `行${loc.line}`;
  if (loc?.page !== undefined) return `第${loc.page}页`;
  return '—';
}

function alsoLabel(f: Finding): string | undefined {
  const first = f.locations[0];
  const more = f.locations.slice(1).map((l) => {
    const where = l.line !== undefined ? `行${l.line}` : l.page !== undefined ? `第${l.page}页` : '';
    const what = l.columnLabel ?? l.column ?? (l.row !== undefined ? `「${l.row}」` : l.tableTitle !== undefined ? `「${l.tableTitle}」` : '');
    return [l.file !== first?.file ? `${l.file}:` : '', where, where && what ? ' ' : '', what].join('');
  });
  const shown = [...new Set(more.filter(Boolean))];
  if (!shown.length) return undefined;
  const MAX = 6;
  return `另见 also: ${shown.slice(0, MAX).join(', ')}${shown.length > MAX ? ` 等 ${shown.length} 处 (${shown.length} places)` : ''}`;
}

/**
 * ESLint "stylish"-like text: grouped by file, then by table or section; Chinese message first with
 * the English one on a dim line below; `info` findings counted unless `verbose`.
 */
export function formatText(input: ReportInput, options: FormatOptions = {}): string {
  const st = styles(options.color ?? false);
  const out: string[] = [];
  let total = { error: 0, warning: 0, info: 0 };
  for (const { file, doc, findings } of input.documents) {
    const counts = countBySeverity(findings);
    total = addCounts(total, counts);
    out.push(`${st.underline(file)}  ${documentTitle(doc)}`);
    const shown = options.verbose ? findings : findings.filter((f) => f.severity !== 'info');
    if (findings.length === 0) out.push(`  ${st.severity.info('✔')} 没有发现问题 no problems found`);
    const groups = groupFindings(doc, shown);
    const lineW = Math.max(0, ...shown.map((f) => displayWidth(lineLabel(f))));
    const sevW = Math.max(0, ...shown.map((f) => f.severity.length));
    const indent = ' '.repeat(2 + lineW + 2 + sevW + 2);
    for (const g of groups) {
      out.push(` ${st.bold(g.label)}`);
      for (const f of g.findings) {
        out.push(`  ${st.dim(padEnd(lineLabel(f), lineW))}  ${st.severity[f.severity](padEnd(f.severity, sevW))}  ${f.message}  ${st.dim(f.rule)}`);
        out.push(indent + st.dim(f.messageEn));
        const also = alsoLabel(f);
        if (also) out.push(indent + st.dim(also));
      }
    }
    if (!options.verbose && counts.info > 0) out.push(`  ${st.dim(`另有 ${counts.info} 条提示 info 未列出（--verbose 显示 show them with --verbose）`)}`);
    out.push('');
  }
  const mark = total.error + total.warning > 0 ? st.severity[total.error > 0 ? 'error' : 'warning']('✖') : st.severity.info('✔');
  out.push(`${mark} ${st.summary(countsLine(total))}`);
  return out.join('\n') + '\n';
}
