import type { EntryProblem } from './errors.js';
import { add, isFiscal, printWan, sumOf, type Sums } from './derive.js';
import { SHEET, THREE_PUBLIC_FIELDS } from './layout.js';
import { THREE_PUBLIC_PARTS } from './types.js';
import type { EntryInput, ProjectInfo, ThreePublicPart } from './types.js';

/**
 * Figures the narrative and several tables share, computed once from the input: “三公”经费 from the
 * economic codes of 财政拨款 lines, 委托业务费 from 30227 of 一般公共预算 lines, units and projects in
 * print order. Figures the officer may type to confirm (三公 本年数, 委托业务费) are checked here.
 */

/** Units in the order of 「部门信息」, then any unit only named on lines (reported elsewhere). */
export function unitOrder(input: EntryInput): string[] {
  const names = input.units.map((u) => u.name);
  for (const l of input.lines) if (!names.includes(l.unit)) names.push(l.unit);
  return names;
}

export const projectKey = (unit: string, name: string) => `${unit}\u0000${name}`;

/** Project information by (unit, name); a project typed without a unit applies to every unit with that project. */
export function projectsOf(input: EntryInput): Map<string, ProjectInfo> {
  const out = new Map<string, ProjectInfo>();
  for (const p of input.projects) {
    if (p.unit) out.set(projectKey(p.unit, p.name), p);
  }
  for (const p of input.projects) {
    if (p.unit) continue;
    for (const l of input.lines) if (l.project === p.name && !out.has(projectKey(l.unit, p.name))) out.set(projectKey(l.unit, p.name), p);
  }
  return out;
}

export interface ThreePublicFigure {
  /** 财政拨款 total. */
  fen: number;
  /** By fund column: total, gpb, govFund, stateCapital. */
  byFund: Sums;
  prior?: number;
}

export function threePublicOf(input: EntryInput): Record<ThreePublicPart, ThreePublicFigure> {
  const out = {} as Record<ThreePublicPart, ThreePublicFigure>;
  for (const part of THREE_PUBLIC_PARTS) {
    const byFund: Sums = { total: 0, gpb: 0, govFund: 0, stateCapital: 0 };
    for (const l of input.lines) {
      if (l.economicCode !== part.economic || !isFiscal(l.fund)) continue;
      add(byFund, 'total', l.fen);
      add(byFund, l.fund, l.fen);
    }
    const prior = input.threePublic[part.key]?.prior;
    out[part.key] = { fen: byFund.total ?? 0, byFund, ...(prior !== undefined ? { prior } : {}) };
  }
  return out;
}

/** 委托业务费: economic 30227 of 一般公共预算 lines (basic and project). */
export function commissionedOf(input: EntryInput): number {
  return sumOf(input.lines, (l) => l.economicCode === '30227' && l.fund === 'gpb');
}

/** Cross-checks of figures typed to confirm computed ones, and other consistency problems. */
export function factProblems(input: EntryInput): EntryProblem[] {
  const problems: EntryProblem[] = [];
  const tp = threePublicOf(input);
  for (const f of THREE_PUBLIC_FIELDS) {
    const typed = input.threePublic[f.key]?.current;
    if (typed === undefined || typed === tp[f.key].fen) continue;
    const code = THREE_PUBLIC_PARTS.find((p) => p.key === f.key)!.economic;
    problems.push({
      at: { sheet: SHEET.threePublic, column: f.label },
      zh: `${f.label}本年数填为 ${printWan(typed)} 万元，但预算明细中经济科目 ${code} 的财政拨款合计为 ${printWan(tp[f.key].fen)} 万元（二者应一致；本年数可不填）`,
      en: `${f.label}: typed ${printWan(typed)} but the lines with economic code ${code} add up to ${printWan(tp[f.key].fen)}`,
    });
  }
  const commissioned = input.other.commissioned;
  if (commissioned !== undefined && commissioned !== commissionedOf(input)) {
    problems.push({
      at: { sheet: SHEET.other, column: '委托业务费' },
      zh: `委托业务费填为 ${printWan(commissioned)} 万元，但预算明细中经济科目 30227 的一般公共预算合计为 ${printWan(commissionedOf(input))} 万元（二者应一致；可不填）`,
      en: `委托业务费: typed ${printWan(commissioned)} but economic code 30227 adds up to ${printWan(commissionedOf(input))}`,
    });
  }
  for (const p of input.projects) {
    if (p.name === '部门整体') continue;
    const lines = input.lines.filter((l) => l.kind === 'project' && l.project === p.name && (!p.unit || l.unit === p.unit));
    if (lines.length === 0 && p.fen === undefined && p.key) {
      problems.push({ at: { ...p.at, column: '预算数（万元）' }, zh: `重点项目「${p.name}」不在预算明细中，须填写预算数`, en: `key project "${p.name}" has no budget lines; type its amount` });
    }
    if (lines.length > 0 && p.fen !== undefined && p.fen !== sumOf(lines)) {
      problems.push({
        at: { ...p.at, column: '预算数（万元）' },
        zh: `项目「${p.name}」预算数填为 ${printWan(p.fen)} 万元，但预算明细合计为 ${printWan(sumOf(lines))} 万元（在明细中的项目不必填写预算数）`,
        en: `project "${p.name}": typed ${printWan(p.fen)} but its lines add up to ${printWan(sumOf(lines))}`,
      });
    }
  }
  return problems;
}
