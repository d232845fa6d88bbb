import ExcelJS from 'exceljs';
import { InputError } from '../model/index.js';
import type { TemplateId } from '../model/index.js';
import { EntryError, type EntryProblem } from './errors.js';
import {
  BALANCE_COLUMNS,
  CLASS_BUDGET_COLUMNS,
  GUIDE,
  INCOME_COLUMNS,
  INFO_FIELDS,
  KIND_CHOICES,
  LAYOUT_CHOICES,
  LINE_COLUMNS,
  OTHER_FIELDS,
  OTHER_HEADER,
  PRIOR_CLASS_LABELS,
  PRIOR_FIELDS,
  PRIOR_HEADER,
  PROJECT_COLUMNS,
  REASON_FIELDS,
  REASON_HEADER,
  SHEET,
  TEMPLATE_CHOICES,
  THREE_PUBLIC_FIELDS,
  THREE_PUBLIC_HEADER,
  UNIT_HEADER,
  UNIT_NOTE,
  YES_NO,
  type ColumnDef,
  type FieldDef,
} from './layout.js';
import { emptyInput, FUND_SOURCES, INCOME_SOURCES, SPENDING_KINDS } from './types.js';
import type { BalanceLine, BudgetLine, ClassBudget, EntryInput, EntrySite, IncomeLine, Indicator, OtherFigures, ProjectInfo } from './types.js';

const FEN_PER_WAN = 1_000_000;
/** Rows below the data that carry validation lists, so the officer can add lines. */
const SPARE_ROWS = 500;
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const AMOUNT_FORMAT = '#,##0.00';

// ---------------------------------------------------------------------------------------------
// Writing

/** fen → a 万元 number for a cell (exact to 2 decimals within double precision). */
function wan(fen: number): number {
  return Math.round(fen / 10_000) / 100;
}

function listValidation(list: readonly string[]): ExcelJS.DataValidation {
  return { type: 'list', allowBlank: true, formulae: [`"${list.join(',')}"`], showErrorMessage: true, errorTitle: '请从列表中选择', error: `可选：${list.join('、')}` };
}

/**
 * A list validation over a rectangular range, added as one range (exceljs squeezes per-cell
 * validations into overlapping ranges when addresses sort as text: F10 before F2).
 */
function validateRange(ws: ExcelJS.Worksheet, range: string, list: readonly string[]): void {
  (ws as unknown as { dataValidations: { add(address: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(range, listValidation(list));
}

const colLetter = (n: number) => String.fromCharCode(64 + n);

function styleHeader(row: ExcelJS.Row): void {
  row.font = { bold: true };
  row.eachCell((c) => {
    c.fill = HEADER_FILL;
    c.alignment = { vertical: 'middle', wrapText: true };
    c.border = { bottom: { style: 'thin' } };
  });
}

function listSheet(wb: ExcelJS.Workbook, name: string, columns: ColumnDef[], records: Record<string, string | number | undefined>[]): void {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  const header = ws.getRow(1);
  columns.forEach((c, i) => {
    header.getCell(i + 1).note = `${c.required ? '【必填】' : ''}${c.note}`;
  });
  styleHeader(header);
  for (const r of records) ws.addRow(r);
  const last = records.length + 1 + SPARE_ROWS;
  columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    if (c.key === 'amount' || c.key === 'amountYuan') col.numFmt = AMOUNT_FORMAT;
    if (/Code$/.test(c.key)) col.numFmt = '@';
    if (c.list) validateRange(ws, `${colLetter(i + 1)}2:${colLetter(i + 1)}${last}`, c.list);
  });
}

function fieldSheet<K extends string>(
  wb: ExcelJS.Workbook,
  name: string,
  header: readonly string[],
  fields: FieldDef<K>[],
  values: (f: FieldDef<K>) => (string | number | undefined)[],
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow([...header]);
  styleHeader(ws.getRow(1));
  for (const f of fields) {
    const row = ws.addRow([f.label, ...values(f)]);
    const label = row.getCell(1);
    label.font = { bold: f.required ?? false };
    label.note = `${f.required ? '【必填】' : ''}${f.note}`;
    row.getCell(header.length).value = f.note;
    row.getCell(header.length).alignment = { wrapText: true, vertical: 'top' };
    for (let c = 2; c < header.length; c++) {
      const cell = row.getCell(c);
      if (f.type === 'amount') cell.numFmt = AMOUNT_FORMAT;
      if (f.type === 'text') cell.alignment = { wrapText: true, vertical: 'top' };
      if (f.list) validateRange(ws, cell.address, f.list);
    }
  }
  ws.getColumn(1).width = 30;
  for (let c = 2; c < header.length; c++) ws.getColumn(c).width = 22;
  ws.getColumn(header.length).width = 60;
  return ws;
}

const templateLabel = (id: TemplateId) => TEMPLATE_CHOICES.find((t) => t.id === id)?.label;
const kindLabel = (id: string) => KIND_CHOICES.find((k) => k.id === id)?.label;
const fundLabel = (key: string) => FUND_SOURCES.find((f) => f.key === key)?.label;
const spendingLabel = (key: string) => SPENDING_KINDS.find((k) => k.key === key)?.label;

/**
 * A data-entry workbook holding `input` (or, without input, the empty annotated template): the
 * sheets of docs/data-entry.md, with header notes and validation lists.
 */
export async function writeEntryWorkbook(input: EntryInput = emptyInput()): Promise<Uint8Array> {
  const empty = input.department === '' && input.lines.length === 0;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'yusuan';

  const guide = wb.addWorksheet(SHEET.guide);
  guide.getColumn(1).width = 110;
  GUIDE.forEach((p, i) => {
    const cell = guide.getCell(i + 1, 1);
    cell.value = p;
    cell.alignment = { wrapText: true, vertical: 'top' };
    if (i === 0) cell.font = { bold: true, size: 14 };
  });

  const infoValue = (key: string): string | number | undefined => {
    if (empty) return undefined;
    switch (key) {
      case 'department': return input.department;
      case 'departmentCode': return input.departmentCode;
      case 'year': return input.year || undefined;
      case 'kind': return kindLabel(input.kind);
      case 'template': return templateLabel(input.template);
      case 'layout': return input.layout;
      case 'reportingUnit': return input.reportingUnit;
      case 'percentDecimals': return input.percentDecimals;
      case 'duties': return input.duties;
      case 'organisation': return input.organisation;
      default: return undefined;
    }
  };
  const info = fieldSheet(wb, SHEET.info, ['项目', '内容', '说明'], INFO_FIELDS, (f) => [infoValue(f.key)]);
  info.getColumn(2).width = 50;
  const unitHeaderRow = INFO_FIELDS.length + 3;
  const uh = info.getRow(unitHeaderRow);
  uh.values = [UNIT_HEADER.name, UNIT_HEADER.self, UNIT_HEADER.note];
  styleHeader(uh);
  uh.getCell(1).note = `【必填】${UNIT_NOTE}`;
  uh.getCell(3).value = UNIT_NOTE;
  input.units.forEach((u, i) => {
    info.getRow(unitHeaderRow + 1 + i).values = [u.name, u.self ? '是' : '否'];
  });
  validateRange(info, `B${unitHeaderRow + 1}:B${unitHeaderRow + Math.max(60, input.units.length + 20)}`, YES_NO);

  // Amounts finer than 0.01 万元 (Shanghai prints 元) go in 「金额（元）」, for every line alike.
  const inYuan = input.lines.some((l) => l.fen % 10_000 !== 0);
  listSheet(
    wb,
    SHEET.lines,
    LINE_COLUMNS,
    input.lines.map((l) => ({
      unit: l.unit,
      functionCode: l.functionCode,
      functionName: l.functionName,
      economicCode: l.economicCode,
      economicName: l.economicName,
      fund: fundLabel(l.fund),
      kind: spendingLabel(l.kind),
      project: l.project,
      ...(inYuan ? { amountYuan: l.fen / 100 } : { amount: wan(l.fen) }),
    })),
  );

  const projectRows: Record<string, string | number | undefined>[] = [];
  for (const p of input.projects) {
    const head = { project: p.name, unit: p.unit, key: p.key ? '是' : undefined, amount: p.fen === undefined ? undefined : wan(p.fen), target: p.target };
    if (p.indicators.length === 0) projectRows.push(head);
    p.indicators.forEach((ind, i) => {
      const first = i === 0 ? head : { project: p.name, unit: p.unit };
      projectRows.push({ ...first, level1: ind.level1, level2: ind.level2, level3: ind.level3, operator: ind.operator, target3: ind.target, measure: ind.measure });
    });
  }
  listSheet(wb, SHEET.projects, PROJECT_COLUMNS, projectRows);

  const tp = input.threePublic;
  fieldSheet(wb, SHEET.threePublic, THREE_PUBLIC_HEADER, THREE_PUBLIC_FIELDS, (f) => {
    const e = tp[f.key];
    return [e?.current === undefined ? undefined : wan(e.current), e?.prior === undefined ? undefined : wan(e.prior), e?.budget === undefined ? undefined : wan(e.budget)];
  });

  fieldSheet(wb, SHEET.other, OTHER_HEADER, OTHER_FIELDS, (f) => {
    const v = input.other[f.key];
    return [v === undefined ? undefined : f.type === 'amount' ? wan(v as number) : v, f.unit];
  });

  const prior = fieldSheet(wb, SHEET.prior, PRIOR_HEADER, PRIOR_FIELDS, (f) => {
    const v = input.prior.values[f.key];
    return [undefined, v === undefined ? undefined : wan(v)];
  });
  const classRows: (string | number)[][] = [
    ...Object.entries(input.prior.functionClass).map(([code, fen]) => [PRIOR_CLASS_LABELS.function, code, wan(fen)]),
    ...Object.entries(input.prior.economicClass).map(([code, fen]) => [PRIOR_CLASS_LABELS.economic, code, wan(fen)]),
    ...Object.entries(input.prior.functionItem ?? {}).map(([code, fen]) => [PRIOR_CLASS_LABELS.functionItem, code, wan(fen)]),
  ];
  for (const r of classRows) prior.addRow(r);
  const firstFree = PRIOR_FIELDS.length + 2;
  validateRange(prior, `A${firstFree}:A${firstFree + classRows.length + 40}`, Object.values(PRIOR_CLASS_LABELS));
  for (let r = firstFree; r <= firstFree + classRows.length + 40; r++) {
    prior.getCell(r, 2).numFmt = '@';
    prior.getCell(r, 3).numFmt = AMOUNT_FORMAT;
  }
  prior.getCell(firstFree, 4).value = `按类填写上年数（江西模板的分科目增减说明用）：指标选「${PRIOR_CLASS_LABELS.function}」或「${PRIOR_CLASS_LABELS.economic}」，编码写 3 位类级编码。`;

  fieldSheet(wb, SHEET.reasons, REASON_HEADER, REASON_FIELDS, (f) => [input.reasons[f.key]]);
  const reasons = wb.getWorksheet(SHEET.reasons)!;
  reasons.getColumn(2).width = 60;

  // 决算 only (empty for a budget).
  listSheet(
    wb,
    SHEET.income,
    INCOME_COLUMNS,
    (input.income ?? []).map((l) => ({ functionCode: l.functionCode, functionName: l.functionName, source: INCOME_SOURCES.find((x) => x.key === l.source)?.label, amount: wan(l.fen) })),
  );
  listSheet(
    wb,
    SHEET.balances,
    BALANCE_COLUMNS,
    (input.balances ?? []).map((b) => ({ functionCode: b.functionCode, functionName: b.functionName, fund: fundLabel(b.fund), opening: wan(b.opening), closing: wan(b.closing) })),
  );
  listSheet(
    wb,
    SHEET.classBudgets,
    CLASS_BUDGET_COLUMNS,
    (input.classBudgets ?? []).map((b) => ({ code: b.code, amount: wan(b.fen), reason: b.reason })),
  );
  wb.getWorksheet(SHEET.classBudgets)!.getColumn(1).numFmt = '@';
  for (const name of [SHEET.balances]) {
    const ws = wb.getWorksheet(name)!;
    for (const c of [4, 5]) ws.getColumn(c).numFmt = AMOUNT_FORMAT;
  }
  // Free rows (Shanghai): a 7-digit 功能科目 项 code in 主题, the reason of that 财政拨款支出 item.
  for (const [code, reason] of Object.entries(input.functionReasons ?? {})) reasons.addRow([code, reason]).getCell(1).numFmt = '@';

  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

/** The empty, annotated data-entry workbook (what `yusuan template --out` writes). */
export function writeEntryTemplate(): Promise<Uint8Array> {
  return writeEntryWorkbook(emptyInput());
}

// ---------------------------------------------------------------------------------------------
// Reading

/** The text a cell shows (numbers as typed, dates as 2026年1月6日). */
function text(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (value instanceof Date) return `${value.getUTCFullYear()}年${value.getUTCMonth() + 1}月${value.getUTCDate()}日`;
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('').trim();
    if ('formula' in value || 'sharedFormula' in value) return text((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ('text' in value && typeof (value as { text: unknown }).text === 'string') return ((value as { text: string }).text).trim();
  }
  return '';
}

function numberValue(value: ExcelJS.CellValue): number | string | undefined {
  if (value !== null && typeof value === 'object' && ('formula' in value || 'sharedFormula' in value)) return numberValue((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if (typeof value === 'number') return value;
  const t = text(value);
  return t === '' ? undefined : t;
}

/** A 万元 amount with at most 2 decimals → fen; a string explaining why not otherwise. */
export function parseWan(value: ExcelJS.CellValue): { fen?: number; error?: string } {
  const v = numberValue(value);
  if (v === undefined) return {};
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return { error: '不是数字' };
    const cents = Math.round(v * 100);
    if (Math.abs(v * 100 - cents) > 1e-6 * Math.max(1, Math.abs(v))) return { error: `「${v}」超过两位小数（金额以万元为单位，最多两位小数）` };
    return { fen: cents * (FEN_PER_WAN / 100) };
  }
  const t = v.replace(/[,，\s]/g, '').replace(/万元$/, '');
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(t);
  if (!m) return { error: `「${v}」不是金额（万元，最多两位小数）` };
  const fen = Number(m[2]) * FEN_PER_WAN + Number((m[3] ?? '').padEnd(2, '0')) * (FEN_PER_WAN / 100);
  if (!Number.isSafeInteger(fen)) return { error: `「${v}」太大` };
  return { fen: m[1] === '-' ? -fen : fen };
}

/** A 元 amount with at most 2 decimals → fen (the 「金额（元）」 column). */
export function parseYuan(value: ExcelJS.CellValue): { fen?: number; error?: string } {
  const v = numberValue(value);
  if (v === undefined) return {};
  const t = (typeof v === 'number' ? (Number.isFinite(v) ? v.toFixed(6).replace(/\.?0+$/, '') : 'x') : v).replace(/[,，\s]/g, '').replace(/元$/, '');
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(t);
  if (!m) return { error: `「${v}」不是金额（元，最多两位小数）` };
  const fen = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  if (!Number.isSafeInteger(fen)) return { error: `「${v}」太大` };
  return { fen: m[1] === '-' ? -fen : fen };
}

function parseCount(value: ExcelJS.CellValue): { value?: number; error?: string } {
  const v = numberValue(value);
  if (v === undefined) return {};
  const n = typeof v === 'number' ? v : Number(v.replace(/[,，\s]/g, ''));
  if (!Number.isFinite(n) || n < 0) return { error: `「${v}」不是数量` };
  return { value: n };
}

class Reader {
  readonly problems: EntryProblem[] = [];
  constructor(
    readonly wb: ExcelJS.Workbook,
    readonly file: string,
  ) {}

  problem(at: EntrySite, zh: string, en: string): void {
    this.problems.push({ at, zh, en });
  }

  sheet(name: string): ExcelJS.Worksheet | undefined {
    const ws = this.wb.getWorksheet(name);
    if (!ws) this.problem({ sheet: name }, '缺少这张工作表（请使用 yusuan template 生成的填报表）', 'sheet missing (use the workbook written by `yusuan template`)');
    return ws;
  }

  /** Rows of a key/value sheet by the label in column A. */
  fields<K extends string>(ws: ExcelJS.Worksheet, fields: FieldDef<K>[]): Map<K, { row: ExcelJS.Row; at: EntrySite }> {
    const byLabel = new Map<string, ExcelJS.Row>();
    ws.eachRow((row) => {
      const label = text(row.getCell(1).value).replace(/\s+/g, '');
      if (label && !byLabel.has(label)) byLabel.set(label, row);
    });
    const out = new Map<K, { row: ExcelJS.Row; at: EntrySite }>();
    for (const f of fields) {
      const row = byLabel.get(f.label.replace(/\s+/g, ''));
      if (row) out.set(f.key, { row, at: { sheet: ws.name, row: row.number, column: f.label } });
      else if (f.required) this.problem({ sheet: ws.name, column: f.label }, `找不到「${f.label}」这一行（第一列的项目名称不要修改）`, `row "${f.label}" not found`);
    }
    return out;
  }

  amount(cell: ExcelJS.Cell, at: EntrySite): number | undefined {
    const r = parseWan(cell.value);
    if (r.error) this.problem(at, r.error, `not an amount in 万元 with at most 2 decimals: ${text(cell.value)}`);
    return r.fen;
  }

  yuanAmount(cell: ExcelJS.Cell, at: EntrySite): number | undefined {
    const r = parseYuan(cell.value);
    if (r.error) this.problem(at, r.error, `not an amount in 元 with at most 2 decimals: ${text(cell.value)}`);
    return r.fen;
  }

  count(cell: ExcelJS.Cell, at: EntrySite): number | undefined {
    const r = parseCount(cell.value);
    if (r.error) this.problem(at, r.error, `not a count: ${text(cell.value)}`);
    return r.value;
  }

  /** Column index (1-based) of each column of a list sheet, by header text. */
  columns(ws: ExcelJS.Worksheet, defs: ColumnDef[]): Map<string, number> | undefined {
    const header = ws.getRow(1);
    const found = new Map<string, number>();
    header.eachCell((cell, col) => {
      const h = text(cell.value).replace(/\s+/g, '');
      const def = defs.find((d) => d.header.replace(/\s+/g, '') === h);
      if (def && !found.has(def.key)) found.set(def.key, col);
    });
    const missing = defs.filter((d) => d.required && !found.has(d.key));
    for (const d of missing) this.problem({ sheet: ws.name, row: 1, column: d.header }, `表头缺少「${d.header}」列`, `header "${d.header}" missing`);
    return missing.length ? undefined : found;
  }
}

const TEMPLATE_BY_LABEL = new Map<string, TemplateId>(TEMPLATE_CHOICES.flatMap((t) => [[t.label, t.id], [t.id, t.id]]));

function readInfo(r: Reader, input: EntryInput): void {
  const ws = r.sheet(SHEET.info);
  if (!ws) return;
  const fields = r.fields(ws, INFO_FIELDS);
  const value = (key: (typeof INFO_FIELDS)[number]['key']) => {
    const f = fields.get(key);
    return f ? { v: f.row.getCell(2).value, at: { ...f.at, column: '内容' } } : undefined;
  };
  const need = (key: (typeof INFO_FIELDS)[number]['key'], label: string, en: string) => {
    const f = value(key);
    const t = f ? text(f.v) : '';
    if (!t) r.problem(f?.at ?? { sheet: SHEET.info, column: label }, `未填写${label}`, `${en} is missing`);
    return { t, at: f?.at ?? { sheet: SHEET.info } };
  };
  input.department = need('department', '部门名称', 'department name').t;
  const year = need('year', '预算年度', 'year');
  if (year.t) {
    const y = Number(year.t.replace(/年$/, ''));
    if (!Number.isInteger(y) || y < 2000 || y > 2100) r.problem(year.at, `预算年度「${year.t}」不是四位年份`, `year "${year.t}" is not a 4-digit year`);
    else input.year = y;
  }
  const kind = need('kind', '类型（预算/决算）', 'kind (budget/final)');
  if (kind.t) {
    const k = KIND_CHOICES.find((c) => c.label === kind.t || c.id === kind.t);
    if (!k) r.problem(kind.at, `类型「${kind.t}」应为「预算」或「决算」`, `kind "${kind.t}" must be 预算 or 决算`);
    else input.kind = k.id;
  }
  const template = need('template', '公开模板', 'template');
  if (template.t) {
    const id = TEMPLATE_BY_LABEL.get(template.t);
    if (!id) r.problem(template.at, `公开模板「${template.t}」不认识，可选：${TEMPLATE_CHOICES.map((t) => t.label).join('、')}`, `unknown template "${template.t}"`);
    else input.template = id;
  }
  const layout = value('layout');
  const layoutText = layout ? text(layout.v) : '';
  if (layoutText) {
    if (!(LAYOUT_CHOICES as readonly string[]).includes(layoutText)) r.problem(layout!.at, `表式「${layoutText}」不认识，可选：${LAYOUT_CHOICES.join('、')}`, `unknown layout "${layoutText}"`);
    else input.layout = layoutText;
  }
  const code = value('departmentCode');
  if (code && text(code.v)) input.departmentCode = text(code.v);
  const reporting = value('reportingUnit');
  if (reporting && text(reporting.v)) input.reportingUnit = text(reporting.v);
  const decimals = value('percentDecimals');
  if (decimals && text(decimals.v)) {
    const d = Number(text(decimals.v));
    if (!Number.isInteger(d) || d < 0 || d > 4) r.problem(decimals.at, `增减率小数位「${text(decimals.v)}」应为 0–4 的整数`, 'percent decimals must be an integer 0–4');
    else input.percentDecimals = d;
  }
  const duties = value('duties');
  if (duties && text(duties.v)) input.duties = text(duties.v);
  const organisation = value('organisation');
  if (organisation && text(organisation.v)) input.organisation = text(organisation.v);

  // Units: below the header row 「预算单位名称」.
  let headerRow = 0;
  ws.eachRow((row) => {
    if (!headerRow && text(row.getCell(1).value).replace(/\s+/g, '') === UNIT_HEADER.name) headerRow = row.number;
  });
  if (!headerRow) {
    r.problem({ sheet: SHEET.info, column: UNIT_HEADER.name }, `找不到「${UNIT_HEADER.name}」表头行`, 'unit list header not found');
    return;
  }
  for (let n = headerRow + 1; n <= ws.rowCount; n++) {
    const row = ws.getRow(n);
    const name = text(row.getCell(1).value);
    if (!name) continue;
    const self = text(row.getCell(2).value);
    if (self && !(YES_NO as readonly string[]).includes(self)) r.problem({ sheet: SHEET.info, row: n, column: UNIT_HEADER.self }, `「${self}」应为「是」或「否」`, 'must be 是 or 否');
    if (input.units.some((u) => u.name === name)) r.problem({ sheet: SHEET.info, row: n }, `预算单位「${name}」重复`, `unit "${name}" listed twice`);
    else input.units.push({ name, self: self === '是' });
  }
  if (input.units.length === 0) r.problem({ sheet: SHEET.info, row: headerRow + 1, column: UNIT_HEADER.name }, '未列出预算单位（至少一行，本级填「是」）', 'no budget units listed');
  else if (!input.units.some((u) => u.self)) input.units[0]!.self = true;
}

const FUND_BY_LABEL = new Map<string, BudgetLine['fund']>(FUND_SOURCES.flatMap((f) => [[f.label, f.key], [`${f.label}预算`, f.key]]));
const KIND_BY_LABEL = new Map<string, BudgetLine['kind']>([['基本支出', 'basic'], ['基本', 'basic'], ['项目支出', 'project'], ['项目', 'project'], ...SPENDING_KINDS.map((k): [string, BudgetLine['kind']] => [k.label, k.key])]);

function readLines(r: Reader, input: EntryInput): void {
  const ws = r.sheet(SHEET.lines);
  if (!ws) return;
  const cols = r.columns(ws, LINE_COLUMNS);
  if (!cols) return;
  const units = new Set(input.units.map((u) => u.name));
  const get = (row: ExcelJS.Row, key: string) => {
    const c = cols.get(key);
    return c ? row.getCell(c) : undefined;
  };
  const names = { function: {} as Record<string, string>, economic: {} as Record<string, string> };
  for (let n = 2; n <= ws.rowCount; n++) {
    const row = ws.getRow(n);
    const t = (key: string) => {
      const c = get(row, key);
      return c ? text(c.value) : '';
    };
    const keys = ['unit', 'functionCode', 'economicCode', 'fund', 'kind', 'project', 'amount', 'amountYuan'];
    if (keys.every((k) => t(k) === '')) continue;
    const at = (column: string): EntrySite => ({ sheet: SHEET.lines, row: n, column });
    let ok = true;
    const fail = (column: string, zh: string, en: string) => {
      r.problem(at(column), zh, en);
      ok = false;
    };
    const unit = t('unit');
    if (!unit) fail('单位名称', '未填写单位名称', 'unit missing');
    else if (units.size > 0 && !units.has(unit)) fail('单位名称', `单位「${unit}」未在「部门信息」的预算单位中列出`, `unit "${unit}" is not listed on 部门信息`);
    const functionCode = t('functionCode').replace(/\s+/g, '');
    if (!/^\d{7}$/.test(functionCode)) fail('功能科目编码', functionCode ? `功能科目编码「${functionCode}」应为 7 位项级编码` : '未填写功能科目编码', 'function code must have 7 digits');
    const economicCode = t('economicCode').replace(/\s+/g, '');
    if (!/^\d{5}$/.test(economicCode)) fail('经济科目编码', economicCode ? `经济科目编码「${economicCode}」应为 5 位款级编码` : '未填写经济科目编码', 'economic code must have 5 digits');
    const fundText = t('fund');
    const fund = FUND_BY_LABEL.get(fundText);
    if (!fund) fail('资金来源', fundText ? `资金来源「${fundText}」不认识，可选：${FUND_SOURCES.map((f) => f.label).join('、')}` : '未填写资金来源', 'fund source missing or unknown');
    const kindText = t('kind');
    const kind = KIND_BY_LABEL.get(kindText);
    if (!kind) fail('支出类型', kindText ? `支出类型「${kindText}」应为「基本支出」或「项目支出」（决算另可为${SPENDING_KINDS.slice(2).map((k) => `「${k.label}」`).join('')}）` : '未填写支出类型', 'spending kind missing or unknown');
    const project = t('project');
    if (kind === 'project' && !project) fail('项目名称', '项目支出必须填写项目名称', 'project lines need a project name');
    const amountCell = get(row, 'amount')!;
    const yuanCell = get(row, 'amountYuan');
    const byYuan = yuanCell !== undefined && text(yuanCell.value) !== '';
    if (byYuan && text(amountCell.value)) fail('金额（元）', '「金额（万元）」和「金额（元）」只能填一列', 'type the amount in one column only');
    const fen = byYuan ? r.yuanAmount(yuanCell, at('金额（元）')) : r.amount(amountCell, at('金额（万元）'));
    if (fen === undefined) {
      if (!byYuan && !text(amountCell.value)) fail('金额（万元）', '未填写金额', 'amount missing');
      else ok = false;
    }
    const functionName = t('functionName');
    const economicName = t('economicName');
    if (functionName) {
      // 「类名/款名/项名」 names an uncatalogued 类 and 款 too (the last part is the 项).
      const parts = functionName.split('/').map((x) => x.trim());
      const codes = [functionCode.slice(0, 3), functionCode.slice(0, 5), functionCode].slice(3 - Math.min(3, parts.length));
      parts.slice(-codes.length).forEach((n, i) => {
        if (n) names.function[codes[i]!] = n;
      });
    }
    if (economicName) names.economic[economicCode] = economicName;
    if (!ok || fen === undefined || !fund || !kind) continue;
    input.lines.push({
      unit,
      functionCode,
      ...(functionName ? { functionName } : {}),
      economicCode,
      ...(economicName ? { economicName } : {}),
      fund,
      kind,
      ...(project ? { project } : {}),
      fen,
      at: { sheet: SHEET.lines, row: n },
    });
  }
  input.names = names;
  if (input.lines.length === 0 && !r.problems.some((p) => p.at.sheet === SHEET.lines)) {
    r.problem({ sheet: SHEET.lines, row: 2 }, '没有预算明细（每笔预算一行：单位、功能科目、经济科目、资金来源、基本/项目、金额）', 'no budget lines');
  }
}

function readProjects(r: Reader, input: EntryInput): void {
  const ws = r.sheet(SHEET.projects);
  if (!ws) return;
  const cols = r.columns(ws, PROJECT_COLUMNS);
  if (!cols) return;
  let current: ProjectInfo | undefined;
  for (let n = 2; n <= ws.rowCount; n++) {
    const row = ws.getRow(n);
    const t = (key: string) => {
      const c = cols.get(key);
      return c ? text(row.getCell(c).value) : '';
    };
    const name = t('project');
    const any = PROJECT_COLUMNS.some((c) => t(c.key) !== '');
    if (!any) continue;
    const at: EntrySite = { sheet: SHEET.projects, row: n };
    if (!name && !current) {
      r.problem({ ...at, column: '项目名称' }, '未填写项目名称', 'project name missing');
      continue;
    }
    const unit = t('unit');
    if (name && (!current || current.name !== name || (unit && current.unit !== unit))) {
      const existing = input.projects.find((p) => p.name === name && (p.unit ?? '') === unit);
      if (existing) current = existing;
      else {
        current = { name, ...(unit ? { unit } : {}), key: false, indicators: [], at };
        input.projects.push(current);
      }
    }
    const p = current!;
    if (unit && input.units.length && !input.units.some((u) => u.name === unit)) r.problem({ ...at, column: '单位名称' }, `单位「${unit}」未在「部门信息」的预算单位中列出`, `unit "${unit}" is not listed`);
    const key = t('key');
    if (key) {
      if (!(YES_NO as readonly string[]).includes(key)) r.problem({ ...at, column: '重点项目' }, `「${key}」应为「是」或「否」`, 'must be 是 or 否');
      else p.key = key === '是';
    }
    const amountCol = cols.get('amount');
    if (amountCol) {
      const fen = r.amount(row.getCell(amountCol), { ...at, column: '预算数（万元）' });
      if (fen !== undefined) p.fen = fen;
    }
    const target = t('target');
    if (target) p.target = target;
    const ind: Indicator = { level1: t('level1'), level2: t('level2'), level3: t('level3'), operator: t('operator'), target: t('target3'), measure: t('measure') };
    if (ind.level3 || ind.target) {
      if (!ind.level3) r.problem({ ...at, column: '三级指标' }, '指标缺少三级指标名称', 'indicator name missing');
      p.indicators.push(ind);
    }
  }
  // Indicators inherit 一级/二级 from the row above when left blank (as printed tables merge them).
  for (const p of input.projects) {
    let l1 = '';
    let l2 = '';
    for (const ind of p.indicators) {
      if (ind.level1) {
        if (ind.level1 !== l1) l2 = '';
        l1 = ind.level1;
      } else ind.level1 = l1;
      if (ind.level2) l2 = ind.level2;
      else ind.level2 = l2;
    }
  }
}

function readThreePublic(r: Reader, input: EntryInput): void {
  const ws = r.sheet(SHEET.threePublic);
  if (!ws) return;
  for (const [key, { row, at }] of r.fields(ws, THREE_PUBLIC_FIELDS)) {
    const current = r.amount(row.getCell(2), { ...at, column: THREE_PUBLIC_HEADER[1] });
    const prior = r.amount(row.getCell(3), { ...at, column: THREE_PUBLIC_HEADER[2] });
    // 全年预算数 (决算): column 4 of workbooks written with it (older ones have the note there).
    const hasBudget = text(ws.getRow(1).getCell(4).value) === THREE_PUBLIC_HEADER[3];
    const budget = hasBudget ? r.amount(row.getCell(4), { ...at, column: THREE_PUBLIC_HEADER[3] }) : undefined;
    if (current !== undefined || prior !== undefined || budget !== undefined) {
      input.threePublic[key] = { ...(current !== undefined ? { current } : {}), ...(prior !== undefined ? { prior } : {}), ...(budget !== undefined ? { budget } : {}) };
    }
  }
}

function readOther(r: Reader, input: EntryInput): void {
  const ws = r.sheet(SHEET.other);
  if (!ws) return;
  const fields = r.fields(ws, OTHER_FIELDS);
  const other: OtherFigures = {};
  for (const f of OTHER_FIELDS) {
    const found = fields.get(f.key);
    if (!found) continue;
    const cell = found.row.getCell(2);
    const at = { ...found.at, column: '数值' };
    if (f.type === 'amount') {
      const fen = r.amount(cell, at);
      if (fen !== undefined) (other as Record<string, number | string>)[f.key] = fen;
    } else if (f.type === 'number') {
      const n = r.count(cell, at);
      if (n !== undefined) (other as Record<string, number | string>)[f.key] = n;
    } else {
      const t = text(cell.value);
      if (t) (other as Record<string, number | string>)[f.key] = t;
    }
  }
  input.other = other;
}

function readPrior(r: Reader, input: EntryInput): void {
  const ws = r.sheet(SHEET.prior);
  if (!ws) return;
  for (const [key, { row, at }] of r.fields(ws, PRIOR_FIELDS)) {
    const fen = r.amount(row.getCell(3), { ...at, column: PRIOR_HEADER[2] });
    if (fen !== undefined) input.prior.values[key] = fen;
  }
  ws.eachRow((row) => {
    const label = text(row.getCell(1).value);
    const scheme = label === PRIOR_CLASS_LABELS.function ? 'function' : label === PRIOR_CLASS_LABELS.economic ? 'economic' : label === PRIOR_CLASS_LABELS.functionItem ? 'item' : undefined;
    if (!scheme) return;
    const at: EntrySite = { sheet: SHEET.prior, row: row.number };
    const code = text(row.getCell(2).value).replace(/\s+/g, '');
    if (scheme === 'item') {
      if (!/^\d{7}$/.test(code)) r.problem({ ...at, column: '科目编码' }, `项级编码「${code}」应为 7 位`, 'item code must have 7 digits');
      const fen = r.amount(row.getCell(3), { ...at, column: PRIOR_HEADER[2] });
      if (fen !== undefined && /^\d{7}$/.test(code)) (input.prior.functionItem ??= {})[code] = fen;
      return;
    }
    if (!/^\d{3}$/.test(code)) {
      r.problem({ ...at, column: '科目编码' }, `类级编码「${code}」应为 3 位`, 'class code must have 3 digits');
      return;
    }
    const fen = r.amount(row.getCell(3), { ...at, column: PRIOR_HEADER[2] });
    if (fen !== undefined) (scheme === 'function' ? input.prior.functionClass : input.prior.economicClass)[code] = fen;
  });
}

function readReasons(r: Reader, input: EntryInput): void {
  const ws = r.sheet(SHEET.reasons);
  if (!ws) return;
  for (const [key, { row }] of r.fields(ws, REASON_FIELDS)) {
    const t = text(row.getCell(2).value);
    if (t) input.reasons[key] = t;
  }
  ws.eachRow((row) => {
    const code = text(row.getCell(1).value).replace(/\s+/g, '');
    const t = text(row.getCell(2).value);
    if (/^\d{7}$/.test(code) && t) (input.functionReasons ??= {})[code] = t;
  });
}

const INCOME_BY_LABEL = new Map<string, IncomeLine['source']>(INCOME_SOURCES.flatMap((x) => [[x.label, x.key], [x.key, x.key]]));
const FISCAL_BY_LABEL = new Map<string, BalanceLine['fund']>([['一般公共预算', 'gpb'], ['政府性基金', 'govFund'], ['国有资本经营', 'stateCapital'], ['一般公共预算财政拨款', 'gpb'], ['政府性基金预算财政拨款', 'govFund'], ['国有资本经营预算财政拨款', 'stateCapital'], ['一般公共预算预算', 'gpb'], ['政府性基金预算', 'govFund'], ['国有资本经营预算', 'stateCapital']]);

/** A 决算-only list sheet: absent in workbooks written before it existed (then nothing to read). */
function optionalList(r: Reader, name: string, defs: ColumnDef[], each: (t: (key: string) => string, cell: (key: string) => ExcelJS.Cell | undefined, n: number) => void): void {
  const ws = r.wb.getWorksheet(name);
  if (!ws) return;
  const cols = r.columns(ws, defs);
  if (!cols) return;
  for (let n = 2; n <= ws.rowCount; n++) {
    const row = ws.getRow(n);
    const cell = (key: string) => {
      const c = cols.get(key);
      return c ? row.getCell(c) : undefined;
    };
    const t = (key: string) => {
      const c = cell(key);
      return c ? text(c.value) : '';
    };
    if (defs.every((d) => d.key === 'remark' || t(d.key) === '')) continue;
    each(t, cell, n);
  }
}

function readIncome(r: Reader, input: EntryInput): void {
  const income: IncomeLine[] = [];
  optionalList(r, SHEET.income, INCOME_COLUMNS, (t, cell, n) => {
    const at = (column: string): EntrySite => ({ sheet: SHEET.income, row: n, column });
    const functionCode = t('functionCode').replace(/\s+/g, '');
    let ok = true;
    if (!/^\d{7}$/.test(functionCode)) {
      r.problem(at('功能科目编码'), functionCode ? `功能科目编码「${functionCode}」应为 7 位项级编码` : '未填写功能科目编码', 'function code must have 7 digits');
      ok = false;
    }
    const sourceText = t('source');
    const source = INCOME_BY_LABEL.get(sourceText);
    if (!source) {
      r.problem(at('收入来源'), sourceText ? `收入来源「${sourceText}」不认识，可选：${INCOME_SOURCES.map((x) => x.label).join('、')}（财政拨款收入由支出和结转结余计算，不在此填写）` : '未填写收入来源', 'income source missing or unknown');
      ok = false;
    }
    const amountCell = cell('amount')!;
    const fen = r.amount(amountCell, at('金额（万元）'));
    if (fen === undefined && !text(amountCell.value)) r.problem(at('金额（万元）'), '未填写金额', 'amount missing');
    const functionName = t('functionName');
    if (functionName && ok) (input.names ??= { function: {}, economic: {} }).function[functionCode] ??= functionName;
    if (!ok || fen === undefined || !source) return;
    income.push({ functionCode, ...(functionName ? { functionName } : {}), source, fen, at: { sheet: SHEET.income, row: n } });
  });
  if (income.length) input.income = income;
}

function readBalances(r: Reader, input: EntryInput): void {
  const balances: BalanceLine[] = [];
  optionalList(r, SHEET.balances, BALANCE_COLUMNS, (t, cell, n) => {
    const at = (column: string): EntrySite => ({ sheet: SHEET.balances, row: n, column });
    const functionCode = t('functionCode').replace(/\s+/g, '');
    let ok = true;
    if (!/^\d{7}$/.test(functionCode)) {
      r.problem(at('功能科目编码'), functionCode ? `功能科目编码「${functionCode}」应为 7 位项级编码` : '未填写功能科目编码', 'function code must have 7 digits');
      ok = false;
    }
    const fundText = t('fund');
    const fund = FISCAL_BY_LABEL.get(fundText);
    if (!fund) {
      r.problem(at('资金来源'), fundText ? `资金来源「${fundText}」应为一般公共预算、政府性基金或国有资本经营（非财政拨款的结转和结余填在「其他」）` : '未填写资金来源', 'fund must be one of the three 财政拨款 budgets');
      ok = false;
    }
    const opening = r.amount(cell('opening') ?? ({ value: null } as ExcelJS.Cell), at('年初结转和结余（万元）'));
    const closing = r.amount(cell('closing') ?? ({ value: null } as ExcelJS.Cell), at('年末结转和结余（万元）'));
    for (const [v, label] of [[opening, '年初结转和结余（万元）'], [closing, '年末结转和结余（万元）']] as const) {
      if (v !== undefined && v < 0) {
        r.problem(at(label), '结转和结余不能为负数', 'balances cannot be negative');
        ok = false;
      }
    }
    const functionName = t('functionName');
    if (functionName && ok) (input.names ??= { function: {}, economic: {} }).function[functionCode] ??= functionName;
    if (!ok || !fund) return;
    balances.push({ functionCode, ...(functionName ? { functionName } : {}), fund, opening: opening ?? 0, closing: closing ?? 0, at: { sheet: SHEET.balances, row: n } });
  });
  if (balances.length) input.balances = balances;
}

function readClassBudgets(r: Reader, input: EntryInput): void {
  const out: ClassBudget[] = [];
  optionalList(r, SHEET.classBudgets, CLASS_BUDGET_COLUMNS, (t, cell, n) => {
    const at = (column: string): EntrySite => ({ sheet: SHEET.classBudgets, row: n, column });
    const code = t('code').replace(/\s+/g, '');
    if (!/^\d{3}$/.test(code)) {
      r.problem(at('功能科目编码（类）'), code ? `类级编码「${code}」应为 3 位` : '未填写功能科目编码（类）', 'class code must have 3 digits');
      return;
    }
    if (out.some((b) => b.code === code)) {
      r.problem(at('功能科目编码（类）'), `类 ${code} 重复`, `class ${code} listed twice`);
      return;
    }
    const amountCell = cell('amount')!;
    const fen = r.amount(amountCell, at('年初预算数（万元）'));
    if (fen === undefined) {
      if (!text(amountCell.value)) r.problem(at('年初预算数（万元）'), '未填写年初预算数', 'budget missing');
      return;
    }
    const reason = t('reason');
    out.push({ code, fen, ...(reason ? { reason } : {}), at: { sheet: SHEET.classBudgets, row: n } });
  });
  if (out.length) input.classBudgets = out;
}

/**
 * Read a data-entry workbook into the officer's input. Throws EntryError listing every problem
 * (missing required fields, unknown units, malformed codes and amounts); InputError when the bytes
 * are not a workbook at all.
 */
export async function readEntryInput(bytes: Uint8Array, file: string): Promise<EntryInput> {
  const { input, problems } = await collectEntryInput(bytes, file);
  if (problems.length) throw new EntryError(file, problems);
  return input;
}

/** The input and every problem found reading it (nothing thrown but for bytes that are not a workbook). */
export async function collectEntryInput(bytes: Uint8Array, file: string): Promise<{ input: EntryInput; problems: EntryProblem[] }> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    throw new InputError(file, `不是 Excel 工作簿（${e instanceof Error ? e.message : String(e)}）`, 'not an Excel workbook');
  }
  const r = new Reader(wb, file);
  const input = emptyInput();
  readInfo(r, input);
  readLines(r, input);
  readProjects(r, input);
  readThreePublic(r, input);
  readOther(r, input);
  readPrior(r, input);
  readReasons(r, input);
  readIncome(r, input);
  readBalances(r, input);
  readClassBudgets(r, input);
  return { input, problems: r.problems };
}
