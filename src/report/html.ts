import type { Amount, Column, Document, Finding, Location, Row, Section, Severity, Table } from '../model/index.js';
import { countBySeverity, countsLine, describeLocation, documentTitle, money, panelLabel, sectionLabel, SEVERITIES, SEVERITY_RANK, SEVERITY_ZH, sortFindings, tableLabel } from './common.js';
import { resolveLocation, rowHasColumn, type Place } from './resolve.js';
import type { ReportInput } from './types.js';

/** Escape text for HTML element content and attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
const esc = escapeHtml;

const CSS = `
:root{--err:#fde2e1;--err-b:#c81e1e;--warn:#fdf3d0;--warn-b:#b7791f;--info:#e1effe;--info-b:#1c64f2;--line:#d8dde3;--muted:#667085}
*{box-sizing:border-box}
body{font:14px/1.55 system-ui,-apple-system,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;margin:0;padding:0 24px 48px;color:#1f2933;background:#fff}
header.page{border-bottom:2px solid var(--line);margin-bottom:16px}
h1{font-size:22px;margin:20px 0 4px}h2{font-size:19px;margin:28px 0 6px;border-bottom:1px solid var(--line);padding-bottom:4px}
h3{font-size:16px;margin:22px 0 6px}h4{font-size:14px;margin:14px 0 4px}
.muted,.en{color:var(--muted)}.en{font-size:13px}
code{font:12px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:#f3f4f6;padding:1px 4px;border-radius:3px}
.badge{display:inline-block;font-size:12px;font-weight:600;padding:0 6px;border-radius:10px;border:1px solid}
.badge.error{background:var(--err);border-color:var(--err-b);color:var(--err-b)}
.badge.warning{background:var(--warn);border-color:var(--warn-b);color:var(--warn-b)}
.badge.info{background:var(--info);border-color:var(--info-b);color:var(--info-b)}
ol.findings{padding-left:0;list-style:none}
li.finding{border-left:4px solid var(--line);padding:6px 10px;margin:8px 0;background:#fafafa}
li.finding.error{border-left-color:var(--err-b)}li.finding.warning{border-left-color:var(--warn-b)}li.finding.info{border-left-color:var(--info-b)}
li.finding p{margin:2px 0}.no{font-weight:600;margin-right:6px}
ul.locs{margin:4px 0 0;padding-left:18px;font-size:13px}
.amounts{font-size:13px}
table.data{border-collapse:collapse;margin:6px 0 4px;font-size:13px;max-width:100%}
table.data th,table.data td{border:1px solid var(--line);padding:3px 6px;vertical-align:top}
table.data th{background:#f3f4f6;font-weight:600;text-align:center}
td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
td.code{font-family:ui-monospace,Menlo,Consolas,monospace;white-space:nowrap}
td.txt{max-width:28em}
tr.role-total td,tr.role-subtotal td{font-weight:600}
td.l2{padding-left:1.5em}td.l3{padding-left:2.7em}
.hit-error{background:var(--err)!important;outline:2px solid var(--err-b);outline-offset:-2px}
.hit-warning{background:var(--warn)!important;outline:2px solid var(--warn-b);outline-offset:-2px}
.hit-info{background:var(--info)!important;outline:1px dashed var(--info-b);outline-offset:-1px}
td a,mark a{color:inherit;text-decoration:none}
sup.refs a{font-size:10px;margin-left:2px;color:var(--err-b)}
:target{box-shadow:0 0 0 3px #1c64f2}
section.sec{margin-left:12px}section.sec>.body{white-space:pre-wrap}
section.sec>.body.hit-error,section.sec>.body.hit-warning,section.sec>.body.hit-info{padding:4px}
mark{padding:0 1px}
.note{color:var(--muted);margin:2px 0 8px}
.lines{font-size:12px;color:var(--muted);font-weight:normal}
nav ul{margin:4px 0;padding-left:18px}
`;

interface Hit {
  n: number;
  id: string;
  severity: Severity;
  finding: Finding;
}

interface SectionMark {
  hit: Hit;
  text: string;
  id: string;
}

/** Where every finding of one document lands, and the anchor of each place. */
class Hits {
  readonly cells = new Map<string, Hit[]>();
  readonly rows = new Map<string, Hit[]>();
  readonly tables = new Map<number, Hit[]>();
  /** Findings quoting a table's note (「注：…」). */
  readonly notes = new Map<number, Hit[]>();
  readonly sections = new Map<Section, Hit[]>();
  readonly marks = new Map<Section, SectionMark[]>();
  readonly unrecognised = new Map<number, Hit[]>();
  /** For each finding, the anchor of each of its locations (undefined when the place is not shown). */
  readonly targets = new Map<Finding, (string | undefined)[]>();
  private readonly sectionIds = new Map<Section, string>();

  constructor(
    readonly prefix: string,
    readonly doc: Document,
    findings: Finding[],
  ) {
    const walk = (sections: Section[], path: number[]) =>
      sections.forEach((s, i) => {
        this.sectionIds.set(s, `${prefix}-s${[...path, i].join('-')}`);
        walk(s.children, [...path, i]);
      });
    walk(doc.narrative, []);
    findings.forEach((finding, i) => {
      const hit: Hit = { n: i + 1, id: `${prefix}-f${i + 1}`, severity: finding.severity, finding };
      this.targets.set(
        finding,
        finding.locations.map((loc) => this.place(hit, loc, resolveLocation(doc, loc))),
      );
    });
  }

  private add<K>(map: Map<K, Hit[]>, key: K, hit: Hit): void {
    const list = map.get(key) ?? [];
    if (!list.includes(hit)) list.push(hit);
    map.set(key, list);
  }

  private place(hit: Hit, loc: Location, place: Place): string | undefined {
    switch (place.kind) {
      case 'cell':
        this.add(this.cells, `${place.table}-${place.row}-${place.column}`, hit);
        return this.cellId(place.table, place.row, place.column);
      case 'row':
        this.add(this.rows, `${place.table}-${place.row}`, hit);
        return this.rowId(place.table, place.row);
      case 'table':
        if (loc.text && this.doc.tables[place.table]!.note?.includes(loc.text)) {
          this.add(this.notes, place.table, hit);
          return `${this.tableId(place.table)}-note`;
        }
        this.add(this.tables, place.table, hit);
        return this.tableId(place.table);
      case 'section': {
        const s = place.section;
        if (loc.text && s.text.includes(loc.text)) {
          const marks = this.marks.get(s) ?? [];
          const existing = marks.find((m) => m.text === loc.text);
          if (existing) {
            if (existing.hit !== hit) this.add(this.sections, s, hit);
            return existing.id;
          }
          const mark = { hit, text: loc.text, id: `${this.sectionId(s)}-m${marks.length + 1}` };
          marks.push(mark);
          this.marks.set(s, marks);
          return mark.id;
        }
        this.add(this.sections, s, hit);
        return `${this.sectionId(s)}-body`;
      }
      case 'unrecognised':
        this.add(this.unrecognised, place.index, hit);
        return `${this.prefix}-u${place.index}`;
      case 'other':
        return undefined;
    }
  }

  tableId(t: number): string {
    return `${this.prefix}-t${t}`;
  }
  rowId(t: number, r: number): string {
    return `${this.prefix}-t${t}-r${r}`;
  }
  cellId(t: number, r: number, c: number): string {
    return `${this.prefix}-t${t}-r${r}-c${c}`;
  }
  sectionId(s: Section): string {
    return this.sectionIds.get(s)!;
  }
}

function worst(hits: Hit[]): Severity {
  return hits.reduce<Severity>((w, h) => (SEVERITY_RANK[h.severity] < SEVERITY_RANK[w] ? h.severity : w), 'info');
}

const hitClass = (hits: Hit[] | undefined) => (hits?.length ? ` hit hit-${worst(hits)}` : '');
const hitTitle = (hits: Hit[] | undefined) => (hits?.length ? ` title="${esc(hits.map((h) => `#${h.n} ${h.finding.rule}: ${h.finding.message}`).join('\n'))}"` : '');
const refs = (hits: Hit[] | undefined, skipFirst = false) => {
  const list = (hits ?? []).slice(skipFirst ? 1 : 0);
  return list.length ? `<sup class="refs">${list.map((h) => `<a href="#${h.id}">#${h.n}</a>`).join('')}</sup>` : '';
};

function amountText(a: Amount): string {
  return /^[-—–－─]+$/.test(a.raw) ? a.raw : money(a.fen, a.unit, a.decimals);
}

function cellHtml(row: Row | undefined, ri: number, column: Column, ti: number, ci: number, hits: Hits): string {
  if (!row || !rowHasColumn(row, column)) return column.type === 'amount' ? '<td class="num"></td>' : '<td class="txt"></td>';
  const h = hits.cells.get(`${ti}-${ri}-${ci}`);
  const id = h ? ` id="${hits.cellId(ti, ri, ci)}"` : '';
  let content: string;
  let cls: string;
  if (column.type === 'amount') {
    const a = row.cells[column.key];
    content = a ? esc(amountText(a)) : '';
    cls = 'num';
    if (a && !h) return `<td class="num" title="${esc(`行${a.at.line ?? '?'} 原文 printed: ${a.raw}`)}">${content}</td>`;
  } else {
    content = esc(row.text?.[column.key] ?? '');
    cls = 'txt';
  }
  if (h) content = `<a href="#${h[0]!.id}">${content || '∅'}</a>${refs(h, true)}`;
  return `<td${id} class="${cls}${hitClass(h)}"${hitTitle(h)}>${content}</td>`;
}

function nameCells(ti: number, row: Row | undefined, ri: number, withCode: boolean, hits: Hits, anchorHere: boolean): string {
  if (!row) return (withCode ? '<td class="code"></td>' : '') + '<td></td>';
  const h = hits.rows.get(`${ti}-${ri}`);
  const cls = [row.level && row.level > 1 ? `l${row.level}` : '', anchorHere ? hitClass(h).trim() : ''].filter(Boolean).join(' ');
  const attrs = `${anchorHere && h ? ` id="${hits.rowId(ti, ri)}"` : ''}${cls ? ` class="${cls}"` : ''}${anchorHere ? hitTitle(h) : ''}`;
  const name = esc(row.name);
  const nameHtml = h ? `<a href="#${h[0]!.id}">${name || '∅'}</a>${refs(h, true)}` : name;
  return `${withCode ? `<td class="code">${esc(row.code ?? '')}</td>` : ''}<td${attrs}>${nameHtml}</td>`;
}

function tableHtml(table: Table, ti: number, hits: Hits): string {
  const th = hits.tables.get(ti);
  const out: string[] = [];
  out.push(`<section class="tbl" id="${hits.tableId(ti)}">`);
  out.push(`<h4${th ? ` class="${hitClass(th).trim()}"` : ''}${hitTitle(th)}>${esc(tableLabel(table))} <span class="lines">单位：${esc(table.unit)} · 行${table.span.from}–${table.span.to}${table.reportingUnit ? ` · ${esc(table.reportingUnit)}` : ''}</span>${th ? ` ${th.map((h) => `<a href="#${h.id}">#${h.n}</a>`).join(' ')}` : ''}</h4>`);
  const panels: (string | undefined)[] = [];
  for (const c of table.columns) if (!panels.includes(c.panel)) panels.push(c.panel);
  const twoPanel = panels.length > 1 && panels.every((p) => p !== undefined);
  const slots = twoPanel ? panels : [undefined];
  const columnsOf = (p: string | undefined) => table.columns.map((c, ci) => ({ c, ci })).filter(({ c }) => !twoPanel || c.panel === p);
  const rowsOf = (p: string | undefined) => table.rows.map((r, ri) => ({ r, ri })).filter(({ r }) => !twoPanel || r.panel === p || (r.panel === undefined && p === panels[0]));
  const withCode = new Map(slots.map((p) => [p, rowsOf(p).some(({ r }) => r.code)]));
  const head: string[] = [];
  for (const p of slots) {
    if (withCode.get(p)) head.push('<th>编码</th>');
    head.push(`<th>项目${p ? `（${esc(panelLabel(p))}）` : ''}</th>`);
    for (const { c } of columnsOf(p)) head.push(`<th>${esc(c.label)}${c.printedNumber ? `<br><span class="muted">${esc(c.printedNumber)}</span>` : ''}</th>`);
  }
  out.push(`<table class="data"><thead><tr>${head.join('')}</tr></thead><tbody>`);
  // Two-panel tables print one income row and one expense row per source line: show them side by side.
  const lines: { line: number | undefined; byPanel: Map<string | undefined, { r: Row; ri: number }[]> }[] = [];
  for (const p of slots) {
    for (const x of rowsOf(p)) {
      const line = x.r.at.line;
      let entry = twoPanel && line !== undefined ? lines.find((l) => l.line === line) : undefined;
      if (!entry) lines.push((entry = { line, byPanel: new Map() }));
      entry.byPanel.set(p, [...(entry.byPanel.get(p) ?? []), x]);
    }
  }
  if (twoPanel) lines.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  for (const entry of lines) {
    const depth = Math.max(...[...entry.byPanel.values()].map((v) => v.length));
    for (let k = 0; k < depth; k++) {
      const cells: string[] = [];
      let trAttrs = '';
      const roles: string[] = [];
      for (const p of slots) {
        const x = entry.byPanel.get(p)?.[k];
        if (x) {
          roles.push(`role-${x.r.role}`);
          const rh = hits.rows.get(`${ti}-${x.ri}`);
          // One-panel tables highlight the whole row; two-panel tables the name cell of its panel.
          if (rh && !twoPanel) {
            trAttrs = ` id="${hits.rowId(ti, x.ri)}"${hitTitle(rh)}`;
            roles.push(hitClass(rh).trim());
          }
        }
        cells.push(nameCells(ti, x?.r, x?.ri ?? -1, withCode.get(p) ?? false, hits, twoPanel));
        for (const { c, ci } of columnsOf(p)) cells.push(cellHtml(x?.r, x?.ri ?? -1, c, ti, ci, hits));
      }
      out.push(`<tr${trAttrs} class="${[...new Set(roles)].join(' ')}">${cells.join('')}</tr>`);
    }
  }
  out.push('</tbody></table>');
  const nh = hits.notes.get(ti);
  if (table.note || nh) out.push(`<p id="${hits.tableId(ti)}-note" class="note${hitClass(nh)}"${hitTitle(nh)}>${esc(table.note ?? '')}${refs(nh)}</p>`);
  out.push('</section>');
  return out.join('\n');
}

function markedText(text: string, marks: SectionMark[]): string {
  const ranges: { from: number; to: number; mark: SectionMark }[] = [];
  for (const mark of marks) {
    const from = text.indexOf(mark.text);
    if (from < 0 || ranges.some((r) => from < r.to && from + mark.text.length > r.from)) continue;
    ranges.push({ from, to: from + mark.text.length, mark });
  }
  ranges.sort((a, b) => a.from - b.from);
  let out = '';
  let at = 0;
  for (const r of ranges) {
    out += esc(text.slice(at, r.from));
    out += `<mark id="${r.mark.id}" class="hit hit-${r.mark.hit.severity}"${hitTitle([r.mark.hit])}><a href="#${r.mark.hit.id}">${esc(r.mark.text)}</a></mark>`;
    at = r.to;
  }
  return out + esc(text.slice(at));
}

function sectionHtml(s: Section, hits: Hits, depth: number): string {
  const id = hits.sectionId(s);
  const h = hits.sections.get(s);
  const heading = `<h${Math.min(6, 4 + depth)}>${esc(sectionLabel(s))} <span class="lines">行${s.span.from}–${s.span.to}</span>${h ? ` ${h.map((x) => `<a href="#${x.id}">#${x.n}</a>`).join(' ')}` : ''}</h${Math.min(6, 4 + depth)}>`;
  const body = s.text || h ? `<div id="${id}-body" class="body${hitClass(h)}"${hitTitle(h)}>${markedText(s.text, hits.marks.get(s) ?? [])}</div>` : '';
  return `<section class="sec" id="${id}">${heading}${body}${s.children.map((c) => sectionHtml(c, hits, depth + 1)).join('\n')}</section>`;
}

function findingHtml(hit: Hit, hits: Hits): string {
  const f = hit.finding;
  const targets = hits.targets.get(f) ?? [];
  const amounts: string[] = [];
  if (f.expected !== undefined) amounts.push(`应为 expected ${money(f.expected, f.unit ?? '万元')}`);
  if (f.actual !== undefined) amounts.push(`实际 actual ${money(f.actual, f.unit ?? '万元')}`);
  if (f.difference !== undefined) amounts.push(`差额 difference ${money(f.difference, f.unit ?? '万元')}`);
  const locs = f.locations.map((loc, i) => {
    const text = esc(describeLocation(loc, { withFile: loc.file !== hits.doc.source.file }));
    const target = targets[i];
    return `<li>${target ? `<a href="#${target}">${text}</a>` : text}</li>`;
  });
  return [
    `<li id="${hit.id}" class="finding ${f.severity}">`,
    `<p><span class="no">#${hit.n}</span><span class="badge ${f.severity}">${SEVERITY_ZH[f.severity]} ${f.severity}</span> <code>${esc(f.rule)}</code></p>`,
    `<p lang="zh">${esc(f.message)}</p>`,
    `<p lang="en" class="en">${esc(f.messageEn)}</p>`,
    amounts.length ? `<p class="amounts muted">${amounts.join(' · ')}${f.unit ? ` ${esc(f.unit)}` : ''}</p>` : '',
    locs.length ? `<ul class="locs">${locs.join('')}</ul>` : '',
    '</li>',
  ].join('');
}

function documentHtml(file: string, doc: Document, findingsIn: Finding[], di: number): string {
  const prefix = `d${di}`;
  const findings = sortFindings(findingsIn);
  const hits = new Hits(prefix, doc, findings);
  const all = findings.map((finding, i) => ({ n: i + 1, id: `${prefix}-f${i + 1}`, severity: finding.severity, finding }));
  const counts = countBySeverity(findings);
  const out: string[] = [];
  out.push(`<article class="doc" id="${prefix}">`);
  out.push(`<h2>${esc(documentTitle(doc))}</h2>`);
  out.push(`<p class="muted">文件 file: <code>${esc(file)}</code> · 模板 template: ${esc(doc.template)} · ${doc.source.lines} 行 lines · ${esc(countsLine(counts))}</p>`);
  out.push(`<h3 id="${prefix}-findings">问题 findings</h3>`);
  if (!findings.length) out.push('<p>✔ 没有发现问题 no problems found</p>');
  for (const sev of SEVERITIES) {
    const list = all.filter((h) => h.severity === sev);
    if (!list.length) continue;
    out.push(`<h4 id="${prefix}-${sev}">${SEVERITY_ZH[sev]} ${sev} (${list.length})</h4>`);
    out.push(`<ol class="findings">${list.map((h) => findingHtml(h, hits)).join('\n')}</ol>`);
  }
  out.push(`<h3>表格 tables (${doc.tables.length})</h3>`);
  out.push(doc.tables.map((t, ti) => tableHtml(t, ti, hits)).join('\n'));
  if (doc.narrative.length) {
    out.push('<h3>说明 narrative</h3>');
    out.push(doc.narrative.map((s) => sectionHtml(s, hits, 0)).join('\n'));
  }
  if (doc.unrecognised.length) {
    out.push('<h3>未识别 unrecognised</h3><ul>');
    doc.unrecognised.forEach((u, i) => {
      const h = hits.unrecognised.get(i);
      out.push(`<li id="${prefix}-u${i}"${h ? ` class="${hitClass(h).trim()}"` : ''}${hitTitle(h)}>行${u.at.line ?? '?'} ${esc(u.reason)} <span class="en">${esc(u.reasonEn)}</span>${refs(h)}<br><code>${esc(u.text)}</code></li>`);
    });
    out.push('</ul>');
  }
  out.push('</article>');
  return out.join('\n');
}

/**
 * One self-contained HTML page: each document's tables and narrative with every cell, row, table
 * or sentence involved in a finding highlighted and linked to the finding, and each finding
 * linking back to its places. Inline CSS only; nothing is loaded from anywhere.
 */
export function formatHtml(input: ReportInput): string {
  const counts = input.documents.reduce((c, d) => {
    const x = countBySeverity(d.findings);
    return { error: c.error + x.error, warning: c.warning + x.warning, info: c.info + x.info };
  }, { error: 0, warning: 0, info: 0 });
  const nav = input.documents.map(({ file, doc, findings }, i) => `<li><a href="#d${i + 1}">${esc(documentTitle(doc))}</a> <code>${esc(file)}</code> — ${esc(countsLine(countBySeverity(findings)))}</li>`);
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="generator" content="yusuan${input.version ? ` ${esc(input.version)}` : ''}">
<title>yusuan 检查报告 check report</title>
<style>${CSS}</style>
</head>
<body>
<header class="page">
<h1>yusuan 检查报告 <span class="en">check report</span></h1>
<p>${esc(countsLine(counts))}</p>
<nav><ul>${nav.join('')}</ul></nav>
</header>
${input.documents.map(({ file, doc, findings }, i) => documentHtml(file, doc, findings, i + 1)).join('\n')}
</body>
</html>
`;
}
