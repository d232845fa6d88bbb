/**
 * 政府收支分类科目 catalogue: 支出功能分类 (function) and 部门预算支出经济分类 (economic) codes,
 * with lookups by code and by name.
 *
 * Codes are keys; names are not unique (「行政运行」 recurs under many 款, 「其他支出」 is both
 * function 229 and economic 399/39999), so look up by code and use names only for cross-checking.
 */
import { ECONOMIC_CODES } from './economic-codes.js';
import { FUNCTION_CODES } from './function-codes.js';

export { ECONOMIC_CODES } from './economic-codes.js';
export { FUNCTION_CODES } from './function-codes.js';

export type CodeScheme = 'function' | 'economic';

export interface CatalogEntry {
  code: string;
  name: string;
  scheme: CodeScheme;
  /** function: 类/款/项 = 1/2/3 (3/5/7 digits); economic: 类/款 = 1/2 (3/5 digits). */
  level: 1 | 2 | 3;
  /** Code of the level above (the 3- or 5-digit prefix); absent for 类. */
  parent?: string;
}

/** Digit count per level, index 0 = level 1. */
const LEVEL_DIGITS: Record<CodeScheme, readonly number[]> = {
  function: [3, 5, 7],
  economic: [3, 5],
};

const DIGITS = /^\d+$/;

/** Level of `code` in `scheme` from its digit count; undefined when the code is malformed. */
export function codeLevel(scheme: CodeScheme, code: string): 1 | 2 | 3 | undefined {
  if (!DIGITS.test(code)) return undefined;
  const index = LEVEL_DIGITS[scheme].indexOf(code.length);
  return index < 0 ? undefined : ((index + 1) as 1 | 2 | 3);
}

/** Code of the level above (the 3- or 5-digit prefix); undefined for 类 and malformed codes. */
export function parentCode(scheme: CodeScheme, code: string): string | undefined {
  const level = codeLevel(scheme, code);
  if (level === undefined || level === 1) return undefined;
  return code.slice(0, LEVEL_DIGITS[scheme][level - 2]);
}

const FULL_WIDTH_ALNUM = /[０-９Ａ-Ｚａ-ｚ]/g;
const QUOTES = /[“”"'‘’＂＇]/g;
const WHITESPACE = /\s+/g;

/**
 * Canonical form of a 科目 name for comparison: full-width （） → (), whitespace removed,
 * quotes unified to `"`, full-width letters/digits → half-width.
 */
export function normaliseName(name: string): string {
  return name
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(WHITESPACE, '')
    .replace(QUOTES, '"')
    .replace(FULL_WIDTH_ALNUM, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** True when the two names are equal after `normaliseName`. */
export function namesMatch(a: string, b: string): boolean {
  return a === b || normaliseName(a) === normaliseName(b);
}

interface SchemeIndex {
  entries: readonly CatalogEntry[];
  byCode: ReadonlyMap<string, CatalogEntry>;
  byName: ReadonlyMap<string, readonly CatalogEntry[]>;
}

function buildIndex(scheme: CodeScheme, rows: readonly (readonly [string, string])[]): SchemeIndex {
  const entries: CatalogEntry[] = [];
  const byCode = new Map<string, CatalogEntry>();
  const byName = new Map<string, CatalogEntry[]>();
  for (const [code, name] of rows) {
    const level = codeLevel(scheme, code);
    if (level === undefined) throw new Error(`catalog: malformed ${scheme} code ${code}`);
    if (byCode.has(code)) throw new Error(`catalog: duplicate ${scheme} code ${code}`);
    const parent = parentCode(scheme, code);
    const entry: CatalogEntry = Object.freeze(
      parent === undefined ? { code, name, scheme, level } : { code, name, scheme, level, parent },
    );
    entries.push(entry);
    byCode.set(code, entry);
    const key = normaliseName(name);
    const same = byName.get(key);
    if (same) same.push(entry);
    else byName.set(key, [entry]);
  }
  return { entries: Object.freeze(entries), byCode, byName };
}

const INDEX: Record<CodeScheme, SchemeIndex> = {
  function: buildIndex('function', FUNCTION_CODES),
  economic: buildIndex('economic', ECONOMIC_CODES),
};

/** The catalogue entry for `code`, or undefined when the code is not catalogued. */
export function lookupCode(scheme: CodeScheme, code: string): CatalogEntry | undefined {
  return INDEX[scheme].byCode.get(code);
}

/** Every entry whose name matches `name` (see `namesMatch`), in catalogue order. */
export function findByName(scheme: CodeScheme, name: string): CatalogEntry[] {
  return [...(INDEX[scheme].byName.get(normaliseName(name)) ?? [])];
}

/** All entries of `scheme`, in catalogue order (each 类 followed by its 款 and 项). */
export function allEntries(scheme: CodeScheme): readonly CatalogEntry[] {
  return INDEX[scheme].entries;
}
