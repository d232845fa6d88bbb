import { formatFenGrouped } from '../model/index.js';
import type { Document, Finding, Location, MoneyUnit, Section, Severity, Table } from '../model/index.js';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
export const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
export const SEVERITY_ZH: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };

export type SeverityCounts = Record<Severity, number>;

export function countBySeverity(findings: readonly Finding[]): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

export function addCounts(a: SeverityCounts, b: SeverityCounts): SeverityCounts {
  return { error: a.error + b.error, warning: a.warning + b.warning, info: a.info + b.info };
}

/** 「3 个错误 errors, 1 个警告 warnings, 12 条提示 info」 */
export function countsLine(c: SeverityCounts): string {
  return `${c.error} 个错误 errors, ${c.warning} 个警告 warnings, ${c.info} 条提示 info`;
}

/** An amount with thousands separators and at least 2 decimals (more when it was printed with more). */
export function money(fen: number, unit: MoneyUnit, decimals = 2): string {
  return formatFenGrouped(fen, unit, Math.max(2, decimals));
}

/** 表3「本年支出总体情况表」 (or just 「title」 when the table has no number). */
export function tableLabel(t: Table): string {
  return `${t.number !== undefined ? `表${t.number}` : ''}「${t.title}」`;
}

/** The numbering as it reads in Chinese: 一、 （一） 1. 第一部分 */
export function sectionNumber(s: Section): string {
  const n = s.number;
  if (!n) return '';
  if (/^[一二三四五六七八九十百零]+$/.test(n)) return `${n}、`;
  if (/^\d+$/.test(n)) return `${n}.`;
  return `${n} `;
}

export function sectionLabel(s: Section): string {
  return `${sectionNumber(s)}${s.heading}`;
}

const PANEL_ZH: Record<string, string> = { income: '收入', expense: '支出', personnel: '人员经费', publicUse: '公用经费' };
export function panelLabel(panel: string): string {
  return PANEL_ZH[panel] ?? panel;
}

/** Where a location is, in words: 行166 「本年支出总体情况表」「2210203 购房补贴」合计 = 12.00 */
export function describeLocation(loc: Location, opts: { withLine?: boolean; withFile?: boolean } = {}): string {
  const parts: string[] = [];
  if (opts.withFile) parts.push(loc.file);
  if (opts.withLine !== false) {
    if (loc.line !== undefined) parts.push(`行${loc.line}`);
    else if (loc.page !== undefined) parts.push(`第${loc.page}页`);
  }
  let place = '';
  if (loc.tableTitle) place += `「${loc.tableTitle}」`;
  if (loc.unit && loc.unit !== loc.row) place += `〔${loc.unit}〕`;
  if (loc.panel) place += panelLabel(loc.panel) + '方';
  if (loc.row !== undefined) place += `「${loc.code ? `${loc.code} ` : ''}${loc.row}」`;
  if (loc.columnLabel ?? loc.column) place += loc.columnLabel ?? loc.column;
  if (loc.value !== undefined) place += ` = ${loc.value}`;
  if (place) parts.push(place);
  if (loc.text !== undefined) parts.push(`「${loc.text}」`);
  return parts.join(' ');
}

/** Where a finding happens first, for sorting: its first location's line (or page), documents-level findings first. */
export function firstLine(f: Finding): number {
  const loc = f.locations[0];
  return loc?.line ?? loc?.page ?? 0;
}

export function documentTitle(doc: Document): string {
  const kind = doc.kind === 'final' ? '部门决算' : '部门预算';
  const scope = doc.scope === 'unit' ? '单位本级' : '部门汇总';
  return `${doc.department || '（未识别部门）'} ${doc.year || '????'}年${kind}（${scope}）`;
}

/** Findings sorted the way every format lists them: by severity, then by place. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || firstLine(a) - firstLine(b));
}
