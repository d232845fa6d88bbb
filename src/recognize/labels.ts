import type { CodeScheme, RowRole } from '../model/index.js';

const TOTAL_NAMES = /^(合计|总计|本年收入合计|本年支出合计|收入总计|支出总计|人员经费合计|公用经费合计|本年收入|本年支出)$/;
const BRACKET_CODE = /^[[【](\d+)[\]】]\s*(.*)$/;
const CODE = /^\d{3}(\d{2}){0,2}$/;

export interface Label {
  code?: string;
  level?: 1 | 2 | 3;
  name: string;
}

export function codeLevel(scheme: CodeScheme | undefined, code: string): 1 | 2 | 3 | undefined {
  if (!CODE.test(code)) return undefined;
  const level = ((code.length - 1) / 2) as 1 | 2 | 3;
  if (scheme === 'economic' && level === 3) return undefined;
  return level;
}

/** Split "[2080505]机关事业单位…" or a separate code cell into code, level and name. */
export function parseLabel(codeCell: string | undefined, nameCell: string, scheme: CodeScheme | undefined): Label {
  let code = codeCell?.trim() || undefined;
  let name = nameCell.trim();
  if (!code) {
    const m = BRACKET_CODE.exec(name);
    if (m) {
      code = m[1];
      name = m[2]!.trim();
    }
  }
  if (!code) return { name };
  const level = codeLevel(scheme, code);
  return { code, name, ...(level ? { level } : {}) };
}

export function isTotalName(name: string): boolean {
  return TOTAL_NAMES.test(name.replace(/\s/g, ''));
}

export function roleOf(name: string): RowRole {
  return isTotalName(name) ? 'total' : 'item';
}
