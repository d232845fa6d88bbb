import type { MoneyUnit } from '../model/index.js';

/**
 * Page furniture of PDF-to-text layouts: page numbers (「- 14 -」, 「第3页」) and the unit line
 * printed at the top of each table page (「单位：万元单位：江门市医疗保障局（本级）」). They carry
 * no content of the table or the prose they interrupt.
 */
const PAGE_NUMBER = /^[-－—–]\s*\d+\s*[-－—–]$|^第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?$/;
const UNIT_FIRST = /^(?:金额)?单位\s*[:：]\s*(万元|元)\s*(?:(?:单位名称|填报单位|编制单位|单位)\s*[:：]\s*(.+?))?\s*$/;
const UNIT_LAST = /^(?:单位名称|填报单位|编制单位|单位)\s*[:：]\s*(.+?)\s*(?:金额)?单位\s*[:：]\s*(万元|元)\s*$/;

export function isPageNumber(text: string): boolean {
  return PAGE_NUMBER.test(text.trim());
}

export interface UnitHeader {
  unit: MoneyUnit;
  reportingUnit?: string;
}

/** 「单位：万元」, 「单位：万元单位：X」 or 「单位：X单位：万元」: the money unit and the reporting unit. */
export function unitHeader(text: string): UnitHeader | undefined {
  const t = text.trim();
  const a = UNIT_FIRST.exec(t);
  if (a) return { unit: a[1] as MoneyUnit, ...(a[2] ? { reportingUnit: a[2] } : {}) };
  const b = UNIT_LAST.exec(t);
  if (b) return { unit: b[2] as MoneyUnit, reportingUnit: b[1]! };
  return undefined;
}

export function isPageFurniture(text: string): boolean {
  return isPageNumber(text) || unitHeader(text) !== undefined;
}
