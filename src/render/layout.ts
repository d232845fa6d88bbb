/**
 * A Table as a printable grid, shared by every renderer (HTML and PDF here, XLSX and DOCX
 * elsewhere). Pure: it sees one Table (and, optionally, the template it belongs to) and returns
 * text, spans and alignment — no markup, no I/O.
 *
 * - Header rows are rebuilt from the column label paths ("财政拨款收入/一般公共预算"): a group
 *   label spans the adjacent columns that share it, a leaf spans down to the last header row. Row
 *   label columns (科目编码 | 科目名称, or 项目) come first; two-panel tables (收入 | 支出) print
 *   each panel's label and value columns under the panel's own label. A 栏次 row follows when
 *   every value column has its printed number 1..n.
 * - Body rows print the ordinal (一、 （一） 1.) before the name, the code in its own column, and
 *   every amount formatted exactly from 分 with the table's decimals (more when an amount needs
 *   them: nothing is ever rounded) and thousands separators (unless the source printed amounts of
 *   four or more digits without them), never through floating point.
 * - Performance-target tables (部门整体绩效目标, 项目支出绩效目标表) print their field block
 *   (部门编码 / 项目名称 / 项目资金 / 总绩效目标) and their indicator rows, 一级/二级 指标 merged
 *   down over the rows they cover.
 *
 * Spans follow the HTML table model: a cell covered by another cell's rowSpan/colSpan is not
 * listed in its row. `placeCells` gives every cell its grid position for renderers that need one.
 */
import { DEFAULT_REPORTING_LABEL, FEN_PER_UNIT, formatFen, groupThousands, TABLE_KINDS } from '../model/index.js';
import type { Amount, Column, Document, MoneyUnit, Row, RowRole, Section, Table, TableKind, TemplateId } from '../model/index.js';
import { templateById } from '../templates/index.js';
import type { TableLayout, TableSpec } from '../templates/index.js';

export interface PrintableHeaderCell {
  text: string;
  rowSpan: number;
  colSpan: number;
}

/** What a grid column holds, for widths: a code, a row name, an amount, free text, or a field label. */
export type PrintableColumnKind = 'code' | 'name' | 'amount' | 'text' | 'label';

export interface PrintableCell {
  text: string;
  align: 'left' | 'right';
  bold: boolean;
  /** Absent for 1. */
  rowSpan?: number;
  /** Absent for 1. */
  colSpan?: number;
}

export interface PrintableRow {
  cells: PrintableCell[];
  /** The model row's role, when the printed row is one model row (two-panel lines: the first panel's). */
  role?: RowRole;
  /** Classification level of the row's code (1 类, 2 款, 3 项), for indentation. */
  level?: 1 | 2 | 3;
  /**
   * A heading row inside the body (the indicator header of a performance table, printed again for
   * each project): renderers print it like a header cell row.
   */
  header?: boolean;
}

export interface PrintableTable {
  kind: TableKind;
  layout: TableLayout;
  number?: number;
  /** False where the template prints the title without 「表N」 (上海); the number still names XLSX sheets. */
  numberPrinted: boolean;
  /** The title as printed (without 表N). */
  title: string;
  /** 「单位：万元」; undefined where the table prints none (performance tables, tables inside the prose). */
  unitLine?: string;
  /** The reporting-unit line as printed, 「单位名称：江门市医疗保障局」; undefined where none is printed. */
  reportingUnit?: string;
  /** The table's note (「注：…」), lines separated by \n. */
  note?: string;
  /** Where the template prints the note: after the table (most) or above its title (Jiangxi). */
  notePosition: 'after' | 'before';
  /**
   * A table printed inside the prose without a title or unit lines, started by its header row
   * (重点项目预算绩效目标表 in the 情况说明 of the Guangdong template).
   */
  inline: boolean;
  /** A sub-title line printed under the title (「（2026年度）」 of 项目支出绩效目标表), if any. */
  subtitle?: string;
  /** Number of grid columns. */
  width: number;
  /** What each grid column holds (length `width`). */
  columns: PrintableColumnKind[];
  /** Header rows (repeated on each printed page), the 栏次 row last when printed. */
  headers: PrintableHeaderCell[][];
  rows: PrintableRow[];
}

export interface PrintableOptions {
  /**
   * The template of the document the table belongs to: gives the table's layout, its code scheme
   * and the wording of panel labels, and where notes go. Without it they are inferred from the table.
   */
  template?: TemplateId;
  /** Print thousands separators (default: as the source did, see above). */
  thousands?: boolean;
  /** The document's year, for the 「（2026年度）」 line of 项目支出绩效目标表. */
  year?: number;
}

// ---- amounts ------------------------------------------------------------------------------------

const DASH = /^[-—–－─]+$/;

/** Digits after the point that `fen` needs in `unit` to be printed exactly (0..6). */
function neededDecimals(fen: number, unit: MoneyUnit): number {
  const unitDigits = Math.round(Math.log10(FEN_PER_UNIT[unit]));
  let abs = Math.abs(fen);
  let d = unitDigits;
  while (d > 0 && abs % 10 === 0) {
    abs = Math.floor(abs / 10);
    d--;
  }
  return d;
}


/**
 * An exact amount: `fen` printed in `unit` with at least `decimals` digits after the point (more if
 * the amount needs them — never rounded), with thousands separators if asked. Integer arithmetic only.
 */
export function formatAmount(fen: number, unit: MoneyUnit, decimals: number, thousands = true): string {
  const d = Math.max(decimals, neededDecimals(fen, unit));
  const text = formatFen(fen, unit, d);
  if (!thousands) return text;
  const m = /^(-?)(\d+)(.*)$/.exec(text)!;
  return `${m[1]}${groupThousands(m[2]!)}${m[3]}`;
}

/** How an amount cell prints: a dash stays a dash (it means nothing, i.e. 0); otherwise exactly from 分. */
function amountText(a: Amount | null | undefined, table: Table, thousands: boolean): string {
  if (!a) return '';
  if (DASH.test(a.raw.trim()) && a.fen === 0) return a.raw.trim();
  return formatAmount(a.fen, table.unit, table.decimals, thousands);
}

/**
 * Did the source print thousands separators? Yes, unless it printed an amount of four or more
 * integer digits without one (重点项目 amounts 「5874.04」); yes when it printed none that large.
 */
export function usesThousands(table: Table): boolean {
  for (const row of table.rows) {
    for (const a of Object.values(row.cells)) {
      if (!a) continue;
      const raw = a.raw.replace(/[\s（）()+-]/g, '');
      const whole = raw.split('.')[0]!;
      if (/^\d{4,}$/.test(whole)) return false;
    }
  }
  return true;
}

// ---- table shape ----------------------------------------------------------------------------------

function specOf(table: Table, template: TemplateId | undefined): TableSpec | undefined {
  if (!template) return undefined;
  const specs = templateById(template)?.tables.filter((s) => s.kind === table.kind) ?? [];
  // National 决算 has two state-capital specs: prefer the one whose title matches.
  return specs.find((s) => s.titles.some((re) => re.test(table.title))) ?? specs[0];
}

/** The subject a single-row table's one row is named after by readers (「“三公”经费」). */
function subjectOf(kind: TableKind): string {
  return TABLE_KINDS[kind].replace(/[（(].*$/, '').replace(/表$/, '');
}

function layoutOf(table: Table, spec: TableSpec | undefined): TableLayout {
  if (spec) return spec.layout;
  if (table.kind === 'deptPerformance') return 'dept-performance';
  if (table.kind === 'projectPerformance') return 'project-performance';
  if (table.columns.some((c) => c.panel)) return 'panels';
  if (table.kind === 'threePublic' && table.rows.length === 1 && !table.rows[0]!.code && (table.rows[0]!.name === '' || table.rows[0]!.name === subjectOf(table.kind))) return 'single-row';
  return 'grid';
}

const PANEL_LABELS: Record<string, string[]> = {
  income: ['收入', '本年收入', '财政拨款收入'],
  expense: ['支出', '本年支出', '财政拨款支出'],
  personnel: ['人员经费'],
  publicUse: ['公用经费'],
};

/** A panel's printed label: the first usual wording the template's panel header accepts. */
function panelLabel(key: string, spec: TableSpec | undefined): string {
  const candidates = PANEL_LABELS[key] ?? [key];
  const header = spec?.panels?.find((p) => p.key === key)?.header;
  return (header && candidates.find((c) => header.test(c))) ?? candidates[0]!;
}

/** Ordinal printed before a row name: 一 → 「一、」, （一） and 1. as printed, a bare number → 「1、」. */
function withOrdinal(row: Row, lineNumbers: boolean): string {
  const n = row.printedNumber;
  if (!n || (lineNumbers && /^\d+$/.test(n))) return row.name;
  if (/^[一二三四五六七八九十百]+$/.test(n)) return `${n}、${row.name}`;
  if (/^\d+$/.test(n)) return `${n}、${row.name}`;
  if (/^\d+[.．]$/.test(n)) return `${n} ${row.name}`;
  return `${n}${row.name}`;
}

/**
 * Bare-number printed numbers on (nearly) every row are 行次 (line numbers of the national 决算
 * tables), not ordinals: they have no column of their own in a re-readable table and are not printed.
 */
function hasLineNumbers(rows: Row[]): boolean {
  if (rows.length === 0) return false;
  const numbered = rows.filter((r) => r.printedNumber !== undefined && /^\d+$/.test(r.printedNumber)).length;
  return numbered >= Math.max(2, Math.ceil(rows.length * 0.8));
}

const split = (label: string): string[] => label.split('/').map((s) => s.trim()).filter((s) => s !== '');

/** Header cells of value columns from their label paths, `depth` rows deep. */
function columnHeaders(columns: Column[], depth: number): PrintableHeaderCell[][] {
  const paths = columns.map((c) => {
    const p = split(c.label);
    return p.length > 0 ? p : [''];
  });
  const rows: PrintableHeaderCell[][] = Array.from({ length: depth }, () => []);
  for (let r = 0; r < depth; r++) {
    for (let c = 0; c < columns.length; c++) {
      const p = paths[c]!;
      if (r >= p.length) continue; // covered by the leaf above
      const leaf = r === p.length - 1;
      if (leaf) {
        rows[r]!.push({ text: p[r]!, rowSpan: depth - r, colSpan: 1 });
        continue;
      }
      const prefix = p.slice(0, r + 1).join('/');
      const prev = c > 0 ? paths[c - 1]! : undefined;
      if (prev && prev.length > r + 1 && prev.slice(0, r + 1).join('/') === prefix) continue; // merged into the cell on the left
      let span = 1;
      while (c + span < columns.length) {
        const next = paths[c + span]!;
        if (next.length > r + 1 && next.slice(0, r + 1).join('/') === prefix) span++;
        else break;
      }
      rows[r]!.push({ text: p[r]!, rowSpan: 1, colSpan: span });
    }
  }
  return rows;
}

/** The 栏次 numbers of the value columns, if every one is printed and they run 1..n. */
function columnNumbers(columns: Column[]): string[] | undefined {
  if (columns.length === 0) return undefined;
  const numbers = columns.map((c) => c.printedNumber);
  return numbers.every((n, i) => n === String(i + 1)) ? (numbers as string[]) : undefined;
}

interface Slot {
  panel: string | undefined;
  label: string | undefined;
  columns: Column[];
  rows: Row[];
  /** Row label columns: code and name, name only, or none. */
  labels: ('code' | 'name')[];
}

const cell = (text: string, align: 'left' | 'right' = 'left', bold = false, span: { rowSpan?: number; colSpan?: number } = {}): PrintableCell => ({
  text,
  align,
  bold: bold && text !== '',
  ...(span.rowSpan && span.rowSpan > 1 ? { rowSpan: span.rowSpan } : {}),
  ...(span.colSpan && span.colSpan > 1 ? { colSpan: span.colSpan } : {}),
});

function valueCell(row: Row | undefined, column: Column, table: Table, thousands: boolean): PrintableCell {
  if (!row) return cell('', column.type === 'text' ? 'left' : 'right');
  if (column.type === 'text') return cell(row.text?.[column.key] ?? '', 'left', row.bold ?? false);
  return cell(amountText(row.cells[column.key], table, thousands), 'right', row.bold ?? false);
}

function labelCells(row: Row | undefined, labels: Slot['labels'], lineNumbers: boolean): PrintableCell[] {
  return labels.map((l) => {
    if (!row) return cell('');
    if (l === 'code') return cell(row.code ?? '', 'left', row.bold ?? false);
    return cell(withOrdinal(row, lineNumbers), 'left', row.bold ?? false);
  });
}

/** Grid, panels and single-row tables. */
function gridTable(table: Table, spec: TableSpec | undefined, layout: TableLayout, thousands: boolean): Pick<PrintableTable, 'width' | 'columns' | 'headers' | 'rows'> {
  const panelKeys: (string | undefined)[] = [];
  if (layout === 'panels' || table.columns.some((c) => c.panel)) for (const c of table.columns) if (!panelKeys.includes(c.panel)) panelKeys.push(c.panel);
  const panels = panelKeys.length > 0 && panelKeys.every((p) => p !== undefined);
  const keys: (string | undefined)[] = panels ? panelKeys : [undefined];
  const firstPanel = keys[0];
  const scheme = spec?.codes ?? table.rows.find((r) => r.scheme)?.scheme;
  const slots: Slot[] = keys.map((panel) => {
    const columns = table.columns.filter((c) => !panels || c.panel === panel);
    const rows = table.rows.filter((r) => !panels || (r.panel ?? firstPanel) === panel);
    let labels: Slot['labels'];
    if (layout === 'single-row') {
      const subject = subjectOf(table.kind);
      labels = rows.some((r) => r.code) ? ['code', 'name'] : rows.some((r) => r.name !== '' && r.name !== subject) ? ['name'] : [];
    } else {
      // Codes in a column of their own; an empty table of a coded kind still prints the code column.
      labels = rows.some((r) => r.code) || (rows.length === 0 && scheme !== undefined) ? ['code', 'name'] : ['name'];
    }
    return { panel, label: panels ? panelLabel(panel!, spec) : undefined, columns, rows, labels };
  });

  // Header.
  const depth = Math.max(1, ...table.columns.map((c) => split(c.label).length));
  const top = panels ? 1 : 0;
  const headerRows = top + depth;
  const headers: PrintableHeaderCell[][] = Array.from({ length: headerRows }, () => []);
  const kinds: PrintableColumnKind[] = [];
  const byUnit = table.rows.some((r) => r.unit !== undefined && r.unit === r.name && r.role !== 'total');
  for (const slot of slots) {
    const width = slot.labels.length + slot.columns.length;
    if (panels) headers[0]!.push({ text: slot.label ?? '', rowSpan: 1, colSpan: Math.max(1, width) });
    if (slot.labels.length === 2) {
      if (depth >= 2) {
        headers[top]!.push({ text: scheme === 'economic' ? '经济分类科目' : '功能分类科目', rowSpan: depth - 1, colSpan: 2 });
        headers[top + depth - 1]!.push({ text: '科目编码', rowSpan: 1, colSpan: 1 }, { text: '科目名称', rowSpan: 1, colSpan: 1 });
      } else {
        headers[top]!.push({ text: '科目编码', rowSpan: 1, colSpan: 1 }, { text: '科目名称', rowSpan: 1, colSpan: 1 });
      }
    } else if (slot.labels.length === 1) {
      headers[top]!.push({ text: byUnit && !panels ? '单位名称' : '项目', rowSpan: depth, colSpan: 1 });
    }
    const valueHeaders = columnHeaders(slot.columns, depth);
    valueHeaders.forEach((cells, r) => headers[top + r]!.push(...cells));
    kinds.push(...slot.labels, ...slot.columns.map((c): PrintableColumnKind => (c.type === 'text' ? 'text' : 'amount')));
  }
  const numbers = columnNumbers(slots.flatMap((s) => s.columns));
  if (numbers) {
    const row: PrintableHeaderCell[] = [];
    let k = 0;
    for (const slot of slots) {
      slot.labels.forEach((_, i) => row.push({ text: i === 0 ? '栏次' : '', rowSpan: 1, colSpan: 1 }));
      for (let i = 0; i < slot.columns.length; i++) row.push({ text: numbers[k++]!, rowSpan: 1, colSpan: 1 });
    }
    headers.push(row);
  }

  // Body: two-panel tables print one line per source line, each panel's row side by side.
  const lineNumbers = new Map(slots.map((s) => [s.panel, hasLineNumbers(s.rows)]));
  const rows: PrintableRow[] = [];
  if (panels) {
    const lines: Map<string | undefined, Row>[] = [];
    let last = Infinity;
    let lastLine: number | undefined;
    for (const r of table.rows) {
      const k = keys.indexOf(r.panel ?? firstPanel);
      const line = r.at?.line;
      if (lines.length === 0 || k <= last || (line !== undefined && lastLine !== undefined && line !== lastLine)) lines.push(new Map());
      lines[lines.length - 1]!.set(r.panel ?? firstPanel, r);
      last = k;
      lastLine = line;
    }
    for (const line of lines) {
      const cells: PrintableCell[] = [];
      for (const slot of slots) {
        const r = line.get(slot.panel);
        cells.push(...labelCells(r, slot.labels, lineNumbers.get(slot.panel) ?? false));
        for (const c of slot.columns) cells.push(valueCell(r, c, table, thousands));
      }
      const first = slots.map((s) => line.get(s.panel)).find((r) => r !== undefined);
      rows.push({ cells, ...(first ? { role: first.role } : {}) });
    }
  } else {
    const slot = slots[0]!;
    for (const r of slot.rows) {
      const cells = [...labelCells(r, slot.labels, lineNumbers.get(undefined) ?? false), ...slot.columns.map((c) => valueCell(r, c, table, thousands))];
      rows.push({ cells, role: r.role, ...(r.level ? { level: r.level } : {}) });
    }
  }
  return { width: kinds.length, columns: kinds, headers, rows };
}

// ---- performance tables ---------------------------------------------------------------------------

const INDICATOR_KEYS = ['level1', 'level2', 'level3', 'operator', 'target', 'measure'];
const INDICATOR_LABELS: Record<string, string> = { level1: '一级指标', level2: '二级指标', level3: '三级指标', operator: '计算符号', target: '目标值', measure: '度量单位' };

interface IndicatorColumn {
  /** Printed header. */
  label: string;
  /** Model text keys joined into this printed cell (指标值 printed as one cell: operator + target + measure). */
  keys: string[];
}

/**
 * The printed indicator columns. A 指标值 printed as one cell was split by the reader into
 * operator, target and measure, labelled 「指标值/计算符号」 and 「指标值/度量单位」: print it as one again.
 */
function indicatorColumns(table: Table): IndicatorColumn[] {
  const byKey = new Map(table.columns.filter((c) => INDICATOR_KEYS.includes(c.key)).map((c) => [c.key, c]));
  const target = byKey.get('target');
  const combinedOperator = target && byKey.get('operator')?.label === `${target.label}/计算符号`;
  const combinedMeasure = target && byKey.get('measure')?.label === `${target.label}/度量单位`;
  const out: IndicatorColumn[] = [];
  for (const key of ['level1', 'level2', 'level3']) out.push({ label: byKey.get(key)?.label ?? INDICATOR_LABELS[key]!, keys: [key] });
  if (combinedOperator || combinedMeasure) {
    const keys = [...(combinedOperator ? ['operator'] : []), 'target', ...(combinedMeasure ? ['measure'] : [])];
    if (!combinedOperator) out.push({ label: byKey.get('operator')?.label ?? INDICATOR_LABELS.operator!, keys: ['operator'] });
    out.push({ label: target!.label, keys });
    if (!combinedMeasure) out.push({ label: byKey.get('measure')?.label ?? INDICATOR_LABELS.measure!, keys: ['measure'] });
    return out;
  }
  for (const key of ['operator', 'target', 'measure']) out.push({ label: byKey.get(key)?.label ?? INDICATOR_LABELS[key]!, keys: [key] });
  return out;
}

function performanceTable(table: Table, layout: 'dept-performance' | 'project-performance', thousands: boolean): Pick<PrintableTable, 'width' | 'columns' | 'headers' | 'rows'> {
  const indicators = indicatorColumns(table);
  const width = Math.max(4, indicators.length);
  const blockColumns = table.columns.filter((c) => !INDICATOR_KEYS.includes(c.key));
  const labelOf = (key: string, fallback: string) => table.columns.find((c) => c.key === key && !INDICATOR_KEYS.includes(c.key))?.label ?? fallback;
  const rows: PrintableRow[] = [];
  const span = (n: number) => ({ colSpan: n });
  const field = (label: string) => cell(label, 'left', true);

  const blockRows = (row: Row): void => {
    const text = row.text ?? {};
    if (layout === 'dept-performance') {
      const pair: PrintableCell[] = [];
      if (text.departmentCode !== undefined) pair.push(field(labelOf('departmentCode', '部门编码')), cell(text.departmentCode));
      if (text.department !== undefined) pair.push(field(labelOf('department', '部门名称')), cell(text.department));
      if (pair.length > 0) {
        const used = pair.length - 1;
        pair[pair.length - 1] = cell(pair[pair.length - 1]!.text, 'left', false, span(width - used));
        rows.push({ cells: pair, role: row.role });
      }
      if (text.target !== undefined) rows.push({ cells: [field('年度绩效总目标'), cell(text.target, 'left', false, span(width - 1))], role: row.role });
    } else {
      const project = row.project ?? table.project ?? row.name;
      rows.push({ cells: [field('项目名称'), cell(project, 'left', false, span(width - 1))], role: row.role });
      const pair: PrintableCell[] = [];
      if (text.department !== undefined) pair.push(field(labelOf('department', '主管部门及代码')), cell(text.department));
      if (text.implementer !== undefined) pair.push(field(labelOf('implementer', '实施单位')), cell(text.implementer));
      if (pair.length > 0) {
        pair[pair.length - 1] = cell(pair[pair.length - 1]!.text, 'left', false, span(width - (pair.length - 1)));
        rows.push({ cells: pair, role: row.role });
      }
      const funds = blockColumns.filter((c) => c.type === 'amount' && row.cells[c.key] !== undefined);
      funds.forEach((c, i) => {
        const cells: PrintableCell[] = [];
        if (i === 0) cells.push(cell(`项目资金（${table.unit}）`, 'left', true, { rowSpan: funds.length }));
        cells.push(field(c.label), cell(amountText(row.cells[c.key], table, thousands), 'right', false, span(width - 2)));
        rows.push({ cells, role: row.role });
      });
      if (text.target !== undefined) {
        rows.push({ cells: [cell('总绩效目标', 'left', true, span(width))], role: row.role });
        rows.push({ cells: [cell(text.target, 'left', false, span(width))], role: row.role });
      }
    }
    // Fields this layout does not know: one 「label | value」 line each.
    const known = new Set(['departmentCode', 'department', 'implementer', 'target', 'project']);
    for (const c of blockColumns) {
      if (known.has(c.key) || c.type === 'amount' || text[c.key] === undefined) continue;
      rows.push({ cells: [field(c.label), cell(text[c.key]!, 'left', false, span(width - 1))], role: row.role });
    }
  };

  const indicatorHeader = (): PrintableRow => ({
    header: true,
    cells: indicators.map((c, i) => cell(c.label, 'left', false, i === indicators.length - 1 ? span(width - indicators.length + 1) : {})),
  });

  /** Indicator rows of one block, 一级/二级 merged down over the rows of their group. */
  const indicatorRows = (group: Row[]): void => {
    const value = (r: Row, key: string) => r.text?.[key] ?? '';
    group.forEach((r, i) => {
      const cells: PrintableCell[] = [];
      indicators.forEach((c, k) => {
        const last = k === indicators.length - 1 ? span(width - indicators.length + 1) : {};
        if (c.keys[0] === 'level1' || c.keys[0] === 'level2') {
          const same = (a: Row, b: Row) => value(a, 'level1') === value(b, 'level1') && (c.keys[0] === 'level1' || value(a, 'level2') === value(b, 'level2'));
          if (i > 0 && same(group[i - 1]!, r)) return; // covered by the cell above
          let n = 1;
          while (i + n < group.length && same(group[i + n]!, r)) n++;
          cells.push(cell(value(r, c.keys[0]), 'left', r.bold ?? false, { rowSpan: n, ...last }));
          return;
        }
        cells.push(cell(c.keys.map((key) => value(r, key)).join(''), 'left', r.bold ?? false, last));
      });
      rows.push({ cells, role: r.role });
    });
  };

  let pending: Row[] = [];
  const flush = () => {
    if (pending.length === 0) return;
    rows.push(indicatorHeader());
    indicatorRows(pending);
    pending = [];
  };
  for (const row of table.rows) {
    if (row.role === 'indicator') {
      pending.push(row);
      continue;
    }
    flush();
    blockRows(row);
  }
  flush();
  // 三级指标 is the long text; the group labels and the value cells are short.
  const columns: PrintableColumnKind[] = Array.from({ length: width }, (_, i) => (indicators[i]?.keys[0] === 'level3' ? 'text' : 'label'));
  return { width, columns, headers: [], rows };
}

// ---- the printable table --------------------------------------------------------------------------

/** Turn a Table into a printable grid (see the module comment). */
export function printableTable(table: Table, options: PrintableOptions = {}): PrintableTable {
  const spec = specOf(table, options.template);
  const layout = layoutOf(table, spec);
  const thousands = options.thousands ?? usesThousands(table);
  const template = options.template ? templateById(options.template) : undefined;
  const inline = spec !== undefined && spec.titles.length === 0 && spec.headerLine !== undefined;
  const performance = layout === 'dept-performance' || layout === 'project-performance';
  const body = performance ? performanceTable(table, layout, thousands) : gridTable(table, spec, layout, thousands);
  const out: PrintableTable = {
    kind: table.kind,
    layout,
    ...(table.number !== undefined && !inline ? { number: table.number } : {}),
    numberPrinted: template?.tableNumbersPrinted ?? true,
    title: table.title,
    notePosition: template?.notes ?? 'after',
    inline,
    ...body,
  };
  if (!inline && !performance) out.unitLine = `单位：${table.unit}`;
  if (!inline && !performance && table.reportingUnit) out.reportingUnit = `${table.reportingLabel ?? DEFAULT_REPORTING_LABEL}：${table.reportingUnit}`;
  if (layout === 'project-performance' && options.year) out.subtitle = `（${options.year}年度）`;
  if (table.note !== undefined) out.note = table.note;
  return out;
}

export interface PlacedCell<C> {
  row: number;
  column: number;
  cell: C;
}

/**
 * Every cell of rows laid out with spans (the HTML table model) with its grid position: for
 * renderers that address cells by row and column (XLSX merges, DOCX grid spans).
 */
export function placeCells<C extends { rowSpan?: number; colSpan?: number }>(rows: { cells: C[] }[] | C[][]): PlacedCell<C>[] {
  const taken: boolean[][] = [];
  const out: PlacedCell<C>[] = [];
  rows.forEach((row, r) => {
    const cells = Array.isArray(row) ? row : row.cells;
    let c = 0;
    for (const x of cells) {
      while (taken[r]?.[c]) c++;
      out.push({ row: r, column: c, cell: x });
      const rs = x.rowSpan ?? 1;
      const cs = x.colSpan ?? 1;
      for (let dr = 0; dr < rs; dr++) for (let dc = 0; dc < cs; dc++) (taken[r + dr] ??= [])[c + dc] = true;
      c += cs;
    }
  });
  return out;
}

// ---- the document in print order --------------------------------------------------------------

/** One block of the printed document, in order. */
export type OutlineBlock =
  /** The cover: its lines, e.g. 「2026年」, 「江门市医疗保障局部门预算」. */
  | { type: 'cover'; lines: string[] }
  /** 目录: part headings (level 1) and the sections and table titles under them (level 2). */
  | { type: 'contents'; title: string; entries: { text: string; level: 1 | 2 }[] }
  /** A part heading (level 1: 第一部分 …) or a section heading (2, 3 …), numbering included. */
  | { type: 'heading'; level: number; text: string }
  /** A paragraph of prose: one printed line of a section's text. */
  | { type: 'paragraph'; text: string }
  /**
   * A table, by its index in `doc.tables`; `landscape`: printed on a landscape page of its own
   * (a titled table wider than `WIDE_TABLE` grid columns).
   */
  | { type: 'table'; index: number; table: PrintableTable; landscape: boolean };

/** Titled tables with more grid columns than this print on A4 landscape pages. */
export const WIDE_TABLE = 6;

/** A table's title line as printed: 「表1 收支总体情况表」 (the title alone when unnumbered). */
export function tableTitle(t: PrintableTable): string {
  return t.number !== undefined && t.numberPrinted ? `表${t.number} ${t.title}` : t.title;
}

const CN_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 12 → 十二, 20 → 二十, 23 → 二十三 (up to 99). */
export function chineseNumber(n: number): string {
  if (n < 10) return CN_DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : CN_DIGITS[tens]}十${ones ? CN_DIGITS[ones] : ''}`;
}

/** A section's heading as printed: 「第一部分 X」, 「一、X」, 「（一）X」, 「1.X」. */
export function sectionHeading(s: Section): string {
  const n = s.number;
  if (!n) return s.heading;
  if (/^第.+部分$/.test(n)) return `${n} ${s.heading}`;
  if (/^[一二三四五六七八九十百]+$/.test(n)) return `${n}、${s.heading}`;
  if (/^\d+$/.test(n)) return `${n}.${s.heading}`;
  return `${n}${s.heading}`;
}

/** The cover lines of a document: year, then department and kind. */
export function coverLines(doc: Document): string[] {
  const year = doc.year ? (doc.kind === 'final' ? `${doc.year}年度` : `${doc.year}年`) : '';
  const title = `${doc.department}${doc.kind === 'final' ? '部门决算' : '部门预算'}`;
  return year ? [year, title] : [title];
}

/** The document's title, its cover lines in one: 「2026年江门市医疗保障局部门预算」. */
export function documentTitle(doc: Document): string {
  return coverLines(doc).join('');
}

/** A table-of-contents line that `contents` readers would take for a table title. */
const TABLE_TITLE_LIKE = /表$|表[（(].*[)）]$|绩效目标$/;

interface Anchored {
  /** Section the tables follow (undefined: before the first part). */
  section: Section | undefined;
  /** Position among the section's children (source line), Infinity for after all of them. */
  at: number;
  tables: number[];
}

function flatten(parts: Section[]): Section[] {
  const flat: Section[] = [];
  const walk = (list: Section[]) => list.forEach((s) => (flat.push(s), walk(s.children)));
  walk(parts);
  return flat;
}

/** Tables and sections of a parsed document: every span a real, distinct source line of one file. */
function provenanceUsable(doc: Document): boolean {
  const file = doc.narrative[0]?.span.file;
  return (
    doc.tables.length > 0 &&
    doc.tables.every((t) => t.span.from > 0 && (file === undefined || t.span.file === file)) &&
    flatten(doc.narrative).every((s) => s.span.from > 0) &&
    new Set(doc.tables.map((t) => t.span.from)).size === doc.tables.length
  );
}

function chineseValue(s: string | undefined): number | undefined {
  if (!s) return undefined;
  const m = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(s);
  if (!m) return undefined;
  const digit = (c: string | undefined) => (c ? CN_DIGITS.indexOf(c) : 0);
  return m[2] ? (m[1] ? digit(m[1]) : 1) * 10 + digit(m[3]) : digit(m[1]);
}

/**
 * The document's parts, with a tables part added when the document has none and its tables
 * cannot be placed by provenance (a document built from a data-entry workbook): 「第二部分
 * 2026年部门预算表」, numbered after the 概况 part when that number is free.
 */
function partsWithTables(doc: Document, printables: PrintableTable[], usable: boolean): Section[] {
  const parts = doc.narrative;
  if (usable || !printables.some((p) => !p.inline) || parts.some((p) => p.part === 'other' && /表/.test(p.heading))) return parts;
  const numbers = parts.map((p) => chineseValue(/^第(.+)部分$/.exec(p.number ?? '')?.[1]));
  if (!numbers.some((n) => n !== undefined)) return parts;
  const overview = parts.findIndex((p) => p.part === 'overview');
  const n = (overview >= 0 ? (numbers[overview] ?? 1) : 0) + 1;
  if (numbers.includes(n)) return parts;
  const heading = doc.kind === 'final' ? `${doc.year}年度部门决算表` : `${doc.year}年部门预算表`;
  const tablesPart: Section = { heading, number: `第${chineseNumber(n)}部分`, part: 'other', text: '', span: { file: doc.source.file, from: 0, to: 0 }, children: [] };
  return [...parts.slice(0, overview + 1), tablesPart, ...parts.slice(overview + 1)];
}

/**
 * Which section each table is printed in. With usable provenance (the tables and sections of a
 * parsed document), a table follows the last section that starts before it in the source — where
 * it was printed. Otherwise: titled tables go to the part that holds tables (第二部分 …表), else
 * after the part the template prints them after (`tablesAfter`: the overview, or 上海's 编制说明); tables printed inside the prose (重点项目) to the end of the 情况说明.
 */
function anchorTables(doc: Document, parts: Section[], printables: PrintableTable[], usable: boolean): Anchored[] {
  const flat = flatten(parts);
  const tablesAfter = templateById(doc.template)?.tablesAfter ?? 'overview';
  const groups: Anchored[] = [];
  const add = (section: Section | undefined, at: number, index: number) => {
    const last = groups[groups.length - 1];
    if (last && last.section === section) {
      last.tables.push(index);
      last.at = Math.min(last.at, at);
    } else groups.push({ section, at, tables: [index] });
  };
  doc.tables.forEach((t, i) => {
    if (usable) {
      let anchor: Section | undefined;
      for (const s of flat) if (s.span.from <= t.span.from) anchor = s;
      add(anchor, t.span.from, i);
      return;
    }
    const anchor = printables[i]!.inline
      ? parts.find((p) => p.part === 'explanation')
      : (parts.find((p) => p.part === 'other' && /表/.test(p.heading)) ?? parts.find((p) => p.part === tablesAfter) ?? parts.find((p) => p.part === 'overview'));
    add(anchor, Infinity, i);
  });
  return groups;
}

/**
 * The whole disclosure in print order, in the document's own parts and wording: cover, 目录, then
 * the parts (概况, 表, 情况说明, 名词解释 …) with their sections, each table where it stands.
 */
export function documentOutline(doc: Document): OutlineBlock[] {
  const printables = doc.tables.map((t) => printableTable(t, { template: doc.template, year: doc.year }));
  const usable = provenanceUsable(doc);
  const parts = partsWithTables(doc, printables, usable);
  const groups = anchorTables(doc, parts, printables, usable);
  const out: OutlineBlock[] = [{ type: 'cover', lines: coverLines(doc) }];

  // 目录.
  const numbered = parts.some((p) => p.number !== undefined && /^第.+部分$/.test(p.number));
  const titles = doc.contents.length > 0 ? doc.contents : printables.filter((p) => !p.inline).map((p) => p.title);
  const tableEntries = titles.map((t, i) => ({ text: `${chineseNumber(i + 1)}、${t}`, level: 2 as const }));
  const holder = groups.find((g) => g.tables.some((i) => !printables[i]!.inline))?.section;
  const partOf = (s: Section | undefined) => (s ? parts.find((p) => p === s || contains(p, s)) : undefined);
  const tablesPart = partOf(holder);
  const entries: { text: string; level: 1 | 2 }[] = [];
  if (!tablesPart) entries.push(...tableEntries);
  parts.forEach((p, i) => {
    // Unnumbered parts (上海) are listed with an ordinal, so the list is not read as the parts themselves.
    entries.push({ text: numbered ? sectionHeading(p) : `${chineseNumber(i + 1)}、${p.heading}`, level: 1 });
    if (p.part !== 'glossary') for (const c of p.children) if (!TABLE_TITLE_LIKE.test(sectionHeading(c))) entries.push({ text: sectionHeading(c), level: 2 });
    if (p === tablesPart) entries.push(...tableEntries);
  });
  out.push({ type: 'contents', title: '目 录', entries });

  const tableBlocks = (g: Anchored): OutlineBlock[] =>
    g.tables.map((index) => {
      const table = printables[index]!;
      return { type: 'table', index, table, landscape: !table.inline && table.width > WIDE_TABLE };
    });
  const section = (s: Section, depth: number): void => {
    out.push({ type: 'heading', level: depth, text: sectionHeading(s) });
    for (const line of s.text.split('\n')) {
      const t = line.trim();
      // A lone 「表1」 line in the tables part is the first table's printed number, not prose.
      if (t === '' || (/^表\s*\d+$/.test(t) && groups.some((g) => g.section && (g.section === s || contains(s, g.section))))) continue;
      out.push({ type: 'paragraph', text: t });
    }
    const mine = groups.filter((g) => g.section === s);
    let k = 0;
    for (const child of s.children) {
      while (k < mine.length && mine[k]!.at < child.span.from) out.push(...tableBlocks(mine[k++]!));
      section(child, depth + 1);
    }
    while (k < mine.length) out.push(...tableBlocks(mine[k++]!));
  };
  for (const g of groups.filter((x) => x.section === undefined)) out.push(...tableBlocks(g));
  for (const p of parts) section(p, 1);
  if (!parts.some((p) => p.part === 'glossary') && doc.glossary.length > 0) {
    out.push({ type: 'heading', level: 1, text: numbered ? `第${chineseNumber(parts.length + 1)}部分 名词解释` : '名词解释' });
    doc.glossary.forEach((g, i) => out.push({ type: 'paragraph', text: `${chineseNumber(i + 1)}、${g.term}：${g.definition}` }));
  }
  return out;
}

function contains(parent: Section, s: Section): boolean {
  return parent.children.some((c) => c === s || contains(c, s));
}
