import { looksLikeAmount } from '../model/index.js';
import type { Column, MoneyUnit, Row, Table } from '../model/index.js';
import type { GridCell, GridLine } from '../read/grid.js';
import type { ColumnSpec, TableSpec } from '../templates/types.js';
import type { RecognizeContext } from './context.js';
import { emptyTable } from './table-shell.js';
import { amountCell, reportUnreadCells, unrecognisedLine } from './context.js';
import { isNoteLine, type TableBounds } from './grid-table.js';

/**
 * Readers for the performance-target tables (layouts 'dept-performance' and
 * 'project-performance'). Both are a block of labelled fields followed by indicator rows
 * (一级指标 | 二级指标 | 三级指标 | … ).
 *
 * Model choices:
 * - Indicator rows: role 'indicator', name = 三级指标, text = { level1, level2, level3, operator,
 *   target, measure } (keys present only when printed). 一级/二级 cells printed only on the first
 *   row of their group are carried down. A combined 指标值 cell (≥10000张) is split into
 *   operator ('≥'), target ('10000') and measure ('张'); full-width and two-character operators
 *   are normalised to ≥ ≤ = > <.
 * - A row whose operator (or 指标值) cell is not in its column has slipped sideways: the cells
 *   from the operator on are read relative to it, and the name cells before it are the rightmost
 *   indicator levels (one name = a 三级 indicator under the current 一级/二级). The row keeps its
 *   line; rows that cannot be placed this way are reported as unrecognised rows.
 * - 部门整体绩效目标: 部门名称 becomes table.reportingUnit; 部门编码, 部门名称 and 年度绩效总目标
 *   form one row (role 'item', name = 部门名称, text { departmentCode, department, target }).
 * - 项目支出绩效目标表: 项目名称 becomes table.project and every row's project; the 项目资金 block
 *   forms one row (role 'item', name = project) with amount cells total, nonFiscal, other,
 *   carriedOver (fiscal when printed) and text cells department (主管部门及代码, as printed),
 *   implementer (实施单位) and target (总绩效目标). A second 项目名称 in the same table starts a
 *   new project block; table.project is then left unset and each row names its own project.
 * - The key 'target' is the goal in both row kinds: the overall goal text on the 'item' row, the
 *   target value on indicator rows.
 */

const UNIT_LINE = /^(?:金额)?单位\s*[:：]\s*(万元|元)\s*$/;
const YEAR_LINE = /^[（(]\s*\d{4}\s*年度?\s*[)）]$/;
const OPERATOR = /^(≥|≤|>=|<=|=|＝|>|<|＞|＜|≧|≦)/;
const NORMALISED: Record<string, string> = { '>=': '≥', '≧': '≥', '<=': '≤', '≦': '≤', '＝': '=', '＞': '>', '＜': '<' };
const VALUE = /^(-?\d+(?:\.\d+)?)\s*(.*)$/;

/** Labels of the fields above the indicators. `key` is the text key on the block row. */
const FIELDS: { key: string; label: RegExp }[] = [
  { key: 'departmentCode', label: /^部门(编码|代码)$/ },
  { key: 'department', label: /^(部门名称|主管部门(及代码)?)$/ },
  { key: 'project', label: /^项目名称$/ },
  { key: 'implementer', label: /^实施单位$/ },
  { key: 'target', label: /^(年度绩效总目标|总绩效目标|年度总体目标|整体绩效目标|年度绩效目标)$/ },
];
const FUNDING_GROUP = /^项目资金\s*(?:[（(](万元|元)[)）])?$/;

type Level = 'level1' | 'level2' | 'level3';
const LEVELS: Level[] = ['level1', 'level2', 'level3'];

interface IndicatorMapping {
  /** Column index of each indicator key in the header line. */
  index: Map<string, number>;
  columns: Column[];
  /** True when 指标值 holds operator, value and unit in one cell. */
  combined: boolean;
  headerText: string;
}

function clean(s: string): string {
  return s.replace(/\s+/g, '');
}

function isIndicatorHeader(line: GridLine): boolean {
  return line.split === 'tab' && line.cells.some((c) => /^一级指标$/.test(clean(c.text))) && line.cells.some((c) => /^二级指标$/.test(clean(c.text)));
}

function indicatorMapping(line: GridLine, specs: ColumnSpec[]): IndicatorMapping {
  const index = new Map<string, number>();
  const columns: Column[] = [];
  const label = new Map<string, string>();
  for (const cell of line.cells) {
    const text = clean(cell.text);
    if (text === '') continue;
    const spec = specs.find((s) => s.type === 'text' && !index.has(s.key) && s.header.test(text));
    if (!spec) continue;
    index.set(spec.key, cell.index);
    label.set(spec.key, cell.text);
  }
  const combined = index.has('target') && !index.has('operator');
  for (const key of ['level1', 'level2', 'level3', 'operator', 'target', 'measure']) {
    if (index.has(key)) columns.push({ key, label: label.get(key)!, type: 'text' });
    else if (combined && key === 'operator') columns.push({ key, label: `${label.get('target')}/计算符号`, type: 'text' });
    else if (combined && key === 'measure' && !index.has('measure')) columns.push({ key, label: `${label.get('target')}/度量单位`, type: 'text' });
  }
  return { index, columns, combined, headerText: line.text };
}

/** Split a printed indicator value: 「≥10000张」 → ≥, 10000, 张; 「=100%」 → =, 100, %; 「优」 → target 优. */
export function splitIndicatorValue(printed: string): { operator?: string; target?: string; measure?: string } {
  let rest = printed.trim();
  const out: { operator?: string; target?: string; measure?: string } = {};
  const op = OPERATOR.exec(rest);
  if (op) {
    out.operator = NORMALISED[op[1]!] ?? op[1]!;
    rest = rest.slice(op[0].length).trim();
  }
  const v = VALUE.exec(rest);
  if (v) {
    out.target = v[1]!;
    if (v[2]!.trim()) out.measure = v[2]!.trim();
  } else if (rest) {
    out.target = rest;
  }
  return out;
}

function normaliseOperator(text: string): string {
  const t = text.trim();
  return NORMALISED[t] ?? t;
}

interface Carry {
  level1: string;
  level2: string;
}

/**
 * One indicator row, or undefined if the line carries nothing but group labels (which still
 * update the carry) — or 'unplaced' if its cells cannot be assigned to columns.
 */
function indicatorRow(ctx: RecognizeContext, line: GridLine, m: IndicatorMapping, carry: Carry, project: string | undefined, title: string): Row | 'unplaced' | undefined {
  const cell = (i: number | undefined) => (i === undefined ? '' : (line.cells[i]?.text ?? '').trim());
  const anchorKey = m.combined ? 'target' : 'operator';
  const expected = m.index.get(anchorKey);
  const anchor = line.cells.findIndex((c) => OPERATOR.test(c.text.trim()));
  const names: Partial<Record<Level, string>> = {};
  let shift = 0;
  if (expected !== undefined && anchor >= 0 && anchor !== expected) {
    // Misaligned: the name cells before the operator are the rightmost indicator levels.
    const before = line.cells.slice(0, anchor).map((c) => c.text.trim()).filter((t) => t !== '');
    if (before.length === 0 || before.length > 3) return 'unplaced';
    LEVELS.slice(3 - before.length).forEach((level, k) => (names[level] = before[k]!));
    shift = expected - anchor;
    const used = new Set([anchor, ...['target', 'measure'].flatMap((k) => (m.index.has(k) ? [m.index.get(k)! - shift] : []))]);
    if (line.cells.some((c) => c.index > anchor && c.text.trim() !== '' && !used.has(c.index))) return 'unplaced';
  } else {
    for (const level of LEVELS) names[level] = cell(m.index.get(level));
    reportUnreadCells(ctx, line, new Set(m.index.values()), title);
  }
  if (names.level1) {
    carry.level1 = names.level1;
    carry.level2 = '';
  }
  if (names.level2) carry.level2 = names.level2;
  const at = (key: string) => {
    const i = m.index.get(key);
    return i === undefined ? '' : cell(i - shift);
  };
  let operator = '';
  let target = '';
  let measure = '';
  if (m.combined) {
    const parts = splitIndicatorValue(at('target'));
    operator = parts.operator ?? '';
    target = parts.target ?? '';
    measure = m.index.has('measure') ? at('measure') : (parts.measure ?? '');
  } else {
    operator = normaliseOperator(at('operator'));
    target = at('target');
    measure = at('measure');
  }
  const level3 = names.level3 ?? '';
  if (level3 === '' && operator === '' && target === '') return undefined;
  if (level3 === '') return 'unplaced';
  const text: Record<string, string> = {};
  const put = (key: string, value: string) => {
    if (value !== '') text[key] = value;
  };
  put('level1', carry.level1);
  put('level2', carry.level2);
  put('level3', level3);
  put('operator', operator);
  put('target', target);
  put('measure', measure);
  return {
    name: level3,
    role: 'indicator',
    ...(project !== undefined ? { project } : {}),
    cells: {},
    text,
    ...(line.cells.some((c) => c.bold) ? { bold: true } : {}),
    at: { file: ctx.file, line: line.no },
  };
}

/** Label/value pairs of a field line: 「项目名称⇥X」, 「部门编码⇥507⇥部门名称⇥Y」. */
function pairs(cells: GridCell[], isLabel: (text: string) => boolean): { label: GridCell; value?: GridCell }[] {
  const filled = cells.filter((c) => c.text.trim() !== '');
  const out: { label: GridCell; value?: GridCell }[] = [];
  for (let k = 0; k < filled.length; k++) {
    const label = filled[k]!;
    const value = filled[k + 1];
    if (value && !isLabel(clean(value.text))) {
      out.push({ label, value });
      k++;
    } else {
      out.push({ label });
    }
  }
  return out;
}

interface Block {
  row: Row;
  /** Waiting for the text of a field printed on the following line(s). */
  pending?: string;
}

function readPerformance(ctx: RecognizeContext, spec: TableSpec, bounds: TableBounds, kind: 'dept' | 'project'): Table {
  const { lines } = ctx;
  let unit: MoneyUnit = ctx.defaultUnit;
  const table = emptyTable(ctx, spec, bounds, unit);
  const funding = spec.columns.filter((c) => (c.type ?? 'amount') === 'amount');
  const blockColumns = new Map<string, Column>();
  const projects: string[] = [];
  let block: Block | undefined;
  let mapping: IndicatorMapping | undefined;
  const carry: Carry = { level1: '', level2: '' };
  let last = bounds.titleIndex;

  const newBlock = (line: GridLine): Block => {
    const b: Block = { row: { name: '', role: 'item', cells: {}, text: {}, at: { file: ctx.file, line: line.no } } };
    table.rows.push(b.row);
    return b;
  };

  const isLabel = (text: string) => FIELDS.some((f) => f.label.test(text)) || FUNDING_GROUP.test(text) || funding.some((f) => f.header.test(text));
  /** A line of labelled fields; false if no cell of it is a known label. */
  const readFields = (line: GridLine): boolean => {
    let known = false;
    // Cells of pairs whose label is no field of the form: reported if the line is a field line.
    const unknown = new Set<number>();
    for (const { label, value } of pairs(line.cells, isLabel)) {
      const l = clean(label.text);
      const group = FUNDING_GROUP.exec(l);
      if (group) {
        known = true;
        if (group[1]) unit = group[1] as MoneyUnit;
        continue;
      }
      const fund = funding.find((f) => f.header.test(l));
      if (fund && value && looksLikeAmount(value.text)) {
        known = true;
        block ??= newBlock(line);
        block.row.cells[fund.key] = amountCell(ctx, line, value.index, unit);
        if (!blockColumns.has(fund.key)) blockColumns.set(fund.key, { key: fund.key, label: label.text.trim(), type: 'amount' });
        continue;
      }
      const field = FIELDS.find((f) => f.label.test(l));
      if (!field) {
        unknown.add(label.index);
        if (value) unknown.add(value.index);
        continue;
      }
      known = true;
      if (field.key === 'project') {
        if (!value) continue;
        // A new project block (the first one, or a second project in the same table).
        if (block === undefined || block.row.project !== undefined) block = newBlock(line);
        block.row.project = value.text.trim();
        block.row.name = value.text.trim();
        block.row.at = { file: ctx.file, line: line.no };
        projects.push(value.text.trim());
        mapping = undefined;
        carry.level1 = carry.level2 = '';
        continue;
      }
      block ??= newBlock(line);
      if (!blockColumns.has(field.key)) blockColumns.set(field.key, { key: field.key, label: label.text.trim(), type: 'text' });
      if (value) {
        block.row.text![field.key] = value.text.trim();
        if (field.key === 'department' && kind === 'dept') {
          table.reportingUnit = value.text.trim();
          if (block.row.name === '') block.row.name = value.text.trim();
        }
      } else {
        block.pending = field.key;
      }
    }
    if (known && unknown.size > 0) reportUnreadCells(ctx, line, new Set(line.cells.map((c) => c.index).filter((k) => !unknown.has(k))), bounds.title);
    return known;
  };

  let i = bounds.bodyIndex;
  for (; i < bounds.limit; i++) {
    const line = lines[i]!;
    const t = line.text.trim();
    if (t === '') continue;
    if (isNoteLine(line)) {
      // Notes printed after the table (templates with notes 'after'); Jiangxi notes sit above titles.
      if (table.note === undefined) {
        table.note = t;
        last = i;
      }
      break;
    }
    const u = UNIT_LINE.exec(t);
    if (u) {
      unit = u[1] as MoneyUnit;
      table.unit = unit;
      last = i;
      continue;
    }
    if (YEAR_LINE.test(t)) {
      last = i;
      continue;
    }
    if (isIndicatorHeader(line)) {
      if (mapping && mapping.headerText === line.text) table.pieces++; // header repeated after a page break
      mapping = indicatorMapping(line, spec.columns);
      if (block) block.pending = undefined;
      last = i;
      continue;
    }
    // Once indicators have begun, only a new 项目名称 returns to the field block.
    const first = line.cells.find((c) => c.text.trim() !== '');
    if (line.split === 'tab' && (!mapping || (first !== undefined && /^项目名称$/.test(clean(first.text)))) && readFields(line)) {
      last = i;
      continue;
    }
    if (block?.pending && !mapping) {
      // The text of a field printed alone on the line above (总绩效目标).
      const text = line.cells.map((c) => c.text.trim()).filter((s) => s !== '').join('\n');
      const prev = block.row.text![block.pending];
      block.row.text![block.pending] = prev ? `${prev}\n${text}` : text;
      last = i;
      continue;
    }
    if (mapping && line.split === 'tab') {
      const project = block?.row.project;
      const row = indicatorRow(ctx, line, mapping, carry, project, bounds.title);
      if (row === 'unplaced') {
        ctx.unrecognised.push({ what: 'row', reason: `表「${bounds.title}」中无法对齐到指标列的行`, reasonEn: `row of table "${bounds.title}" cannot be aligned to the indicator columns`, text: line.text, at: { file: ctx.file, line: line.no } });
      } else if (row) {
        table.rows.push(row);
      }
      last = i;
      continue;
    }
    unrecognisedLine(ctx, line, `表「${bounds.title}」中无法识别的行`, `unrecognised line inside table "${bounds.title}"`);
    last = i;
  }
  if (kind === 'dept') {
    for (const row of table.rows) if (row.role === 'item' && row.name === '') row.name = '年度绩效总目标';
  }
  if (projects.length === 1) table.project = projects[0]!;
  // Block fields first, then the indicator columns; 'target' is labelled as the indicator column.
  const indicatorColumns = mapping?.columns ?? [];
  table.columns = [...[...blockColumns.values()].filter((c) => !indicatorColumns.some((x) => x.key === c.key)), ...indicatorColumns];
  table.unit = unit;
  table.span.to = lines[last]!.no;
  if (!mapping) {
    ctx.unrecognised.push({ what: 'table', reason: `表「${bounds.title}」没有可识别的指标表头`, reasonEn: `table "${bounds.title}" has no recognisable indicator header`, text: bounds.title, at: table.at });
  }
  return table;
}

/** Layout 'dept-performance': 部门整体绩效目标. */
export function readDeptPerformance(ctx: RecognizeContext, spec: TableSpec, bounds: TableBounds): Table {
  return readPerformance(ctx, spec, bounds, 'dept');
}

/** Layout 'project-performance': 项目支出绩效目标表. */
export function readProjectPerformance(ctx: RecognizeContext, spec: TableSpec, bounds: TableBounds): Table {
  return readPerformance(ctx, spec, bounds, 'project');
}
