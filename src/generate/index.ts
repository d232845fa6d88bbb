import type { Document, Table, TemplateId } from '../model/index.js';
import { Names } from './derive.js';
import { EntryError, type EntryProblem } from './errors.js';
import { factProblems } from './facts.js';
import { FINAL_TITLES, finalProblems, finalTables } from './final.js';
import { generateFinalNarrative } from './narrative-final.js';
import { gdContents, gdLayoutFor, guangdongTables, keyProjectsTable } from './guangdong.js';
import { JIANGXI_TITLES, jiangxiTables } from './jiangxi.js';
import { shanghaiContents, shanghaiProblems, shanghaiTables, wanPrecisionProblems } from './shanghai.js';
import { SHEET } from './layout.js';
import { generateNarrative, glossaryEntries } from './narrative.js';
import { readClaims } from '../narrative/index.js';
import type { EntryInput } from './types.js';
import { collectEntryInput } from './workbook.js';
import { assertSameKind, inTemplate } from './retemplate.js';

export * from './types.js';
export { EntryError, type EntryProblem } from './errors.js';
export { writeEntryTemplate, writeEntryWorkbook, readEntryInput, parseWan } from './workbook.js';
export { generateNarrative, generateExplanation } from './narrative.js';
export { GD_LAYOUTS, gdLayoutFor, type GdLayout } from './guangdong.js';
export { SH_LAYOUTS, shLayoutFor, type ShLayout } from './shanghai.js';
export { changeWording, percentText, reasonClause, PENDING_REASON } from './wording.js';
export { SHEET, LINE_COLUMNS, PROJECT_COLUMNS, INFO_FIELDS, OTHER_FIELDS, PRIOR_FIELDS, REASON_FIELDS, THREE_PUBLIC_FIELDS, TEMPLATE_CHOICES, LAYOUT_CHOICES } from './layout.js';
export { entryFromDocument, type Reconstruction } from './reconstruct.js';
export { inTemplate, assertSameKind, entryInTemplate, RECONSTRUCTED_TEMPLATES } from './retemplate.js';
export { generateFinalNarrative, generateFinalExplanation } from './narrative-final.js';
export { INCOME_COLUMNS, BALANCE_COLUMNS } from './layout.js';

const SUPPORTED = ['guangdong-budget', 'jiangxi-budget', 'shanghai-budget', 'national-final'] as const;

/** Problems that only show when the input is taken as a whole (template support, typed-twice figures). */
function inputProblems(input: EntryInput): EntryProblem[] {
  const problems: EntryProblem[] = [];
  if (!(SUPPORTED as readonly string[]).includes(input.template)) {
    problems.push({ at: { sheet: SHEET.info, column: '公开模板' }, zh: `暂不支持按「${input.template}」模板生成（已支持：广东省部门预算、江西省部门预算、上海市区级部门预算、部门决算（全国统一9张表））`, en: `generating the ${input.template} template is not supported yet` });
  }
  problems.push(...finalProblems(input));
  if (input.template === 'guangdong-budget') {
    if (input.other.adminCost === undefined) problems.push({ at: { sheet: SHEET.other, column: '机关运行经费（行政经费）' }, zh: '未填写机关运行经费（行政经费），广东模板表8须列示', en: '机关运行经费 is required by the Guangdong table 8' });
    if (gdLayoutFor(input).incomeBy === 'function' && input.lines.some((l) => l.fund === 'carriedOver')) {
      problems.push({ at: { sheet: SHEET.lines, column: '资金来源' }, zh: '「广东2024」表式的收入总体情况表没有「上年结转」列', en: 'the 广东2024 layout has no carried-over column' });
    }
  }
  if (input.template === 'shanghai-budget') problems.push(...shanghaiProblems(input));
  else if (input.template === 'guangdong-budget' || input.template === 'jiangxi-budget' || input.template === 'national-final') problems.push(...wanPrecisionProblems(input));
  for (const l of input.lines) if (l.kind === 'project' && !l.project) problems.push({ at: l.at, zh: '项目支出必须填写项目名称', en: 'project lines need a project name' });
  problems.push(...factProblems(input));
  return problems;
}

/**
 * The disclosure a complete input describes: every table of the template computed from the budget
 * lines, and the narrative generated from the tables and the input. Throws EntryError when the
 * input is incomplete or inconsistent.
 */
export function buildDocument(input: EntryInput, file: string, bytes = 0): Document {
  const problems = inputProblems(input);
  if (problems.length) throw new EntryError(file, problems);
  return build(input, file, bytes);
}

function build(input: EntryInput, file: string, bytes: number): Document {
  const problems: EntryProblem[] = [];
  const names = new Names(input, problems);
  let tables: Table[];
  let contents: string[];
  if (input.template === 'jiangxi-budget') {
    tables = jiangxiTables(input, file, names);
    contents = [...JIANGXI_TITLES];
  } else if (input.template === 'national-final') {
    tables = finalTables(input, file, names);
    contents = [...FINAL_TITLES];
  } else if (input.template === 'shanghai-budget') {
    tables = shanghaiTables(input, file, names);
    contents = shanghaiContents(input);
  } else {
    tables = guangdongTables(input, file, names, problems);
    const key = keyProjectsTable(input, file);
    if (key) tables.push(key);
    contents = gdContents(gdLayoutFor(input));
  }
  if (problems.length) throw new EntryError(file, problems);
  const doc: Document = {
    source: { file, format: 'xlsx', bytes, encoding: 'utf-8', lines: 0 },
    department: input.department,
    year: input.year,
    kind: input.kind,
    scope: input.units.length > 1 ? 'department' : 'unit',
    template: input.template,
    units: input.units.map((u) => ({ name: u.name, self: u.self })),
    contents,
    tables,
    narrative: [],
    claims: [],
    glossary: [],
    unrecognised: [],
  };
  doc.narrative = input.template === 'national-final' ? generateFinalNarrative(doc, input) : generateNarrative(doc, input);
  doc.claims = readClaims(doc);
  doc.glossary = doc.narrative.filter((s) => s.part === 'glossary').flatMap(glossaryEntries);
  doc.source.lines = Math.max(0, ...doc.narrative.map((s) => s.span.to));
  return doc;
}

/**
 * Read a data-entry workbook (docs/data-entry.md) into a complete Document in the chosen template
 * (`template`, when given, overrides the workbook's 公开模板: every table is computed for it).
 * Throws EntryError listing everything missing or inconsistent; InputError for bytes that are not
 * a workbook.
 */
export async function readEntryWorkbook(bytes: Uint8Array, file: string, template?: TemplateId): Promise<Document> {
  const collected = await collectEntryInput(bytes, file);
  const { problems } = collected;
  let { input } = collected;
  if (template && template !== input.template) {
    assertSameKind(input, template, file);
    input = inTemplate(input, template);
  }
  const all = [...problems, ...(problems.some((p) => p.at.sheet === SHEET.info) ? [] : inputProblems(input))];
  if (all.length) throw new EntryError(file, all);
  return build(input, file, bytes.length);
}
