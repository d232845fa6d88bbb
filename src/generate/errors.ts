import { InputError } from '../model/index.js';
import type { EntrySite } from './types.js';

/** One thing wrong or missing in a data-entry workbook. */
export interface EntryProblem {
  at: EntrySite;
  zh: string;
  en: string;
}

export function where(at: EntrySite): string {
  return `「${at.sheet}」${at.row ? `第${at.row}行` : ''}${at.column ? `「${at.column}」` : ''}`;
}

/**
 * A data-entry workbook that cannot be turned into a disclosure: every problem found is listed
 * (missing required fields, unknown units, malformed codes or amounts, figures typed twice that
 * disagree), so the officer can fix them all at once.
 */
export class EntryError extends InputError {
  constructor(
    file: string,
    readonly problems: EntryProblem[],
  ) {
    const list = problems.map((p, i) => `${i + 1}. ${where(p.at)}：${p.zh}`).join('\n');
    const listEn = problems.map((p, i) => `${i + 1}. ${p.at.sheet}${p.at.row ? ` row ${p.at.row}` : ''}: ${p.en}`).join('\n');
    super(
      file,
      `填报表有 ${problems.length} 处需要补充或改正：\n${list}`,
      `the data-entry workbook has ${problems.length} problem(s):\n${listEn}`,
    );
    this.name = 'EntryError';
  }
}
