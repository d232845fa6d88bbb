import type { DocumentKind, DocumentScope } from '../model/index.js';
import type { GridLine } from '../read/grid.js';

export interface Identity {
  department?: string;
  year?: number;
  kind?: DocumentKind;
  /** Scope as stated in the text (汇总 / 本级), if stated. */
  scope?: DocumentScope;
}

const TITLE_PATTERNS: RegExp[] = [
  // 江门市医疗保障局部门预算 / 景德镇市医疗保障局 2026 年部门预算
  /^(?:(\d{4})\s*年\s*)?(.+?)\s*(?:(\d{4})\s*年(?:度)?\s*)?(?:部门|单位)(预算|决算)$/,
  // 第一部分：江门市医疗保障局（本级）概况
  /^第一部分[:：\s]*(.+?)概况$/,
];

/** 「预算主管部门：X」 (Shanghai 部门预算 covers), 「预算单位：X」 (单位预算). */
const NAMED_DEPARTMENT = /^(?:预算主管部门|预算单位|主管部门|部门名称)\s*[:：]\s*(.+)$/;
/** A title that names no department: 「上海市普陀区2026年区级部门预算」, 「2024年度部门决算」. */
const YEAR_IN_NAME = /\d{4}\s*年|^度$|^区级$/;

/** Department, year and kind from the document's opening lines. */
export function readIdentity(lines: GridLine[]): Identity {
  const id: Identity = {};
  const head = lines.slice(0, 120);
  let prev = '';
  for (let i = 0; i < head.length; i++) {
    const t = head[i]!.text.trim();
    if (!t) continue;
    const named = NAMED_DEPARTMENT.exec(t);
    if (named && !id.department) {
      id.department = named[1]!.trim();
      continue;
    }
    // Cover printed on two lines: 「上海市普陀区财政局」 then 「2024年度部门决算」.
    const bare = /^(\d{4})\s*年度?\s*(?:部门|单位)(预算|决算)$/.exec(t);
    if (bare) {
      id.year ??= Number(bare[1]);
      id.kind ??= bare[2] === '决算' ? 'final' : 'budget';
      if (!id.department && prev && /(?:局|委|办|院|会|处|室|厅|部|中心|办事处|政府|街道|镇|所|站|队|馆|社|团)$/.test(prev)) id.department = prev;
      prev = t;
      continue;
    }
    prev = t;
    if (!id.year) {
      const y = /^(\d{4})\s*年(?:度)?$/.exec(t) ?? /(\d{4})\s*年(?:度)?\s*(?:部门|单位)(?:预算|决算)/.exec(t);
      if (y) id.year = Number(y[1]);
    }
    const m = TITLE_PATTERNS[0]!.exec(t);
    if (m && !id.department && YEAR_IN_NAME.test(m[2]!.trim())) {
      // 「上海市普陀区2026年区级部门预算」: year and kind; the department is named elsewhere.
      const y = /(\d{4})\s*年/.exec(t);
      if (y) id.year ??= Number(y[1]);
      id.kind ??= m[4] === '决算' ? 'final' : 'budget';
      continue;
    }
    if (m && !id.department) {
      id.department = m[2]!.trim();
      id.kind = m[4] === '决算' ? 'final' : 'budget';
      const year = m[1] ?? m[3];
      if (year) id.year = Number(year);
      continue;
    }
    const o = TITLE_PATTERNS[1]!.exec(t);
    if (o && !id.department) id.department = o[1]!.trim();
  }
  if (!id.kind && lines.some((l) => /决算(总表|表)/.test(l.text))) id.kind = 'final';
  if (!id.year || !id.kind) {
    for (const l of lines) {
      const m = /(\d{4})\s*年度?\s*(?:部门|单位)(预算|决算)/.exec(l.text);
      if (m) {
        id.year ??= Number(m[1]);
        id.kind ??= m[2] === '决算' ? 'final' : 'budget';
        break;
      }
    }
  }
  for (const l of lines) {
    if (/为汇总(预算|决算)/.test(l.text)) { id.scope = 'department'; break; }
    if (/为(单位)?本级(预算|决算)|单位本级(预算|决算)/.test(l.text)) { id.scope = 'unit'; break; }
  }
  return id;
}

/** The department proper, without a trailing （本级）. */
export function departmentName(name: string): string {
  return name.replace(/[（(]本级[)）]$/, '');
}

/** 下属单位具体包括：A、B和C。 / 所属预算单位具体包括：X。 */
export function listedSubUnits(text: string): string[] {
  const m = /(?:下属单位|所属预算单位)具体包括[:：]\s*([^。]+)。?/.exec(text);
  if (!m) return [];
  const parts = m[1]!.split(/[、，,]/).map((s) => s.trim()).filter(Boolean);
  // 「A、B和C」: split the last item on a 和 that follows a unit-like word.
  const last = parts.pop();
  if (last) parts.push(...last.split(/(?<=(?:局|中心|所|站|院|队|处|室|会|校|馆|社))和/));
  return parts;
}
