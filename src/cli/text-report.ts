import { formatFenGrouped, TABLE_KINDS } from '../model/index.js';
import type { Document, Table } from '../model/index.js';
import type { Summary } from '../compare/summary.js';
import { templateById } from '../templates/index.js';

const KIND_ZH = { budget: '部门预算', final: '部门决算' } as const;
const SCOPE_ZH = { department: '部门汇总', unit: '单位本级' } as const;

function money(fen: number, unit: Table['unit']): string {
  return formatFenGrouped(fen, unit, 2);
}

function totalOf(table: Table): string {
  const row = table.rows.find((r) => r.role === 'total') ?? (table.rows.length === 1 ? table.rows[0] : undefined);
  if (!row) return '';
  const first = table.columns.find((c) => c.type === 'amount' && (!row.panel || c.panel === row.panel) && row.cells[c.key]);
  const cell = first ? row.cells[first.key] : undefined;
  return cell ? `${row.name || '合计'} ${money(cell.fen, table.unit)} ${table.unit}` : '';
}

function pad(s: string, width: number): string {
  let w = 0;
  for (const ch of s) w += ch.charCodeAt(0) > 0x2e80 ? 2 : 1;
  return s + ' '.repeat(Math.max(1, width - w));
}

/** A readable Chinese overview of one parsed document. */
export function textReport(doc: Document, summary: Summary): string {
  const out: string[] = [];
  out.push(`${doc.department || '（未识别部门）'} ${doc.year || '????'}年${KIND_ZH[doc.kind]}（${SCOPE_ZH[doc.scope]}，${doc.units.length}个预算单位）`);
  const template = templateById(doc.template);
  out.push(`  文件 file: ${doc.source.file}（${doc.source.bytes} 字节，${doc.source.encoding}，${doc.source.lines} 行）`);
  out.push(`  模板 template: ${template?.name ?? doc.template}`);
  out.push(`  单位 units: ${doc.units.map((u) => u.name).join('、')}`);
  out.push(`  表格 tables (${doc.tables.length}):`);
  for (const t of doc.tables) {
    const no = t.number !== undefined ? `表${t.number}` : '  —';
    out.push(`    ${pad(no, 5)}${pad(t.title, 46)}${pad(`${t.rows.length} 行`, 8)}${totalOf(t)}${t.pieces > 1 ? `（${t.pieces}段合并）` : ''}`);
  }
  const present = new Set(doc.tables.map((t) => t.kind));
  const missing = (template?.tables ?? []).filter((s) => s.required && !present.has(s.kind));
  if (missing.length) out.push(`  缺少的表 missing tables: ${missing.map((s) => TABLE_KINDS[s.kind]).join('、')}`);
  const fmt = (v: number | null) => (v === null ? '—' : `${v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`);
  out.push('  主要数字 summary (万元):');
  out.push(`    收入总计 ${fmt(summary.incomeTotal)}  支出总计 ${fmt(summary.expenditureTotal)}  本年收入合计 ${fmt(summary.currentYearIncome)}`);
  out.push(`    基本支出 ${fmt(summary.basic)}  项目支出 ${fmt(summary.project)}`);
  out.push(`    一般公共预算 ${fmt(summary.generalPublicBudget)}  政府性基金 ${fmt(summary.governmentFund)}  国有资本经营 ${fmt(summary.stateCapital)}  “三公”经费 ${fmt(summary.threePublic)}`);
  out.push(`    项目数 ${summary.projectCount ?? '—'}`);
  out.push(`  说明 narrative: ${doc.narrative.map((s) => `${s.number ?? ''} ${s.heading}（${s.children.length}节）`).join('；')}`);
  const keyed = doc.claims.filter((c) => c.key).length;
  out.push(`  说明中的数字 claims: ${doc.claims.length} 条（${keyed} 条主题可与表格核对 ${keyed} with a known subject）`);
  out.push(`  名词解释 glossary: ${doc.glossary.length} 条`);
  if (doc.unrecognised.length === 0) out.push('  未识别 unrecognised: 无 none');
  else {
    out.push(`  未识别 unrecognised (${doc.unrecognised.length}):`);
    for (const u of doc.unrecognised) out.push(`    ${u.at.file}:${u.at.line ?? ''} ${u.reason}`);
  }
  return out.join('\n');
}
