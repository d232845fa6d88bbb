import { z } from 'zod';
import { TABLE_KINDS } from '../model/index.js';
import type { Finding, Location } from '../model/index.js';

/** zod schema of what `yusuan check --format json` prints. Documented in docs/findings.md. */

const tableKinds = Object.keys(TABLE_KINDS) as [keyof typeof TABLE_KINDS, ...(keyof typeof TABLE_KINDS)[]];

export const severitySchema = z.enum(['error', 'warning', 'info']);

export const locationSchema = z.strictObject({
  file: z.string().describe('the file as given on the command line'),
  line: z.number().int().positive().optional().describe('1-based source line'),
  page: z.number().int().positive().optional().describe('1-based page, for paged sources'),
  cell: z.number().int().nonnegative().optional().describe('0-based cell index within the source line'),
  table: z.enum(tableKinds).optional().describe('standard table kind'),
  tableTitle: z.string().optional().describe('table title as printed'),
  row: z.string().optional().describe('row name as printed, without ordinal'),
  code: z.string().optional().describe('classification code of the row'),
  panel: z.string().optional().describe('panel of a two-panel table: income, expense, personnel, publicUse'),
  unit: z.string().optional().describe('budget unit the row belongs to (per-unit tables)'),
  column: z.string().optional().describe('stable column key'),
  columnLabel: z.string().optional().describe('column label as printed'),
  value: z.string().optional().describe('the value printed at this place'),
  text: z.string().optional().describe('for narrative locations: the sentence or clause'),
});

export const findingSchema = z.strictObject({
  rule: z.string().describe('rule id, area/name'),
  severity: severitySchema,
  message: z.string().describe('Chinese message'),
  messageEn: z.string().describe('English message'),
  expected: z.number().int().optional().describe('expected amount in 分'),
  actual: z.number().int().optional().describe('amount found, in 分'),
  difference: z.number().int().optional().describe('actual − expected, in 分'),
  unit: z.enum(['元', '万元']).optional().describe('unit the amounts are printed in'),
  locations: z.array(locationSchema).describe('every place involved, the most likely wrong one first'),
});

export const checkedDocumentSchema = z.strictObject({
  file: z.string(),
  department: z.string(),
  year: z.number().int(),
  kind: z.enum(['budget', 'final']),
  scope: z.enum(['department', 'unit']),
  findings: z.array(findingSchema),
});

export const severityCountsSchema = z.strictObject({
  error: z.number().int().nonnegative(),
  warning: z.number().int().nonnegative(),
  info: z.number().int().nonnegative(),
});

export const checkReportSchema = z.strictObject({
  documents: z.array(checkedDocumentSchema),
  summary: severityCountsSchema,
});

export type CheckReport = z.infer<typeof checkReportSchema>;

/** The check report schema as JSON Schema (draft 2020-12), for consumers outside TypeScript. */
export function checkReportJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(checkReportSchema, { io: 'output' }) as Record<string, unknown>;
}

// The schema and the model must describe the same shape: these fail to compile when they drift apart.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _locationInSync: Same<Location, z.infer<typeof locationSchema>> = true;
const _findingInSync: Same<Finding, z.infer<typeof findingSchema>> = true;
void _locationInSync;
void _findingInSync;
