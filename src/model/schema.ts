import { z } from 'zod';
import { TABLE_KINDS } from './table.js';

/** zod schema of the document model: what `yusuan parse --format json` prints (without `summary`). */
export const provenanceSchema = z.object({
  file: z.string(),
  line: z.number().int().positive().optional(),
  cell: z.number().int().nonnegative().optional(),
  page: z.number().int().positive().optional(),
  box: z.tuple([z.number(), z.number(), z.number(), z.number()]).optional(),
});

export const lineSpanSchema = z.object({ file: z.string(), from: z.number().int(), to: z.number().int() });

export const amountSchema = z.object({
  fen: z.number().int().describe('exact amount in 分 (0.01 元)'),
  unit: z.enum(['元', '万元']),
  decimals: z.number().int().nonnegative(),
  raw: z.string(),
  at: provenanceSchema,
});

export const columnSchema = z.object({
  key: z.string(),
  label: z.string(),
  type: z.enum(['amount', 'text', 'number']),
  panel: z.string().optional(),
  printedNumber: z.string().optional(),
});

export const rowSchema = z.object({
  code: z.string().optional(),
  scheme: z.enum(['function', 'economic']).optional(),
  level: z.union([z.literal(1), z.literal(2), z.literal(3)]).optional(),
  name: z.string(),
  role: z.enum(['total', 'subtotal', 'item', 'header', 'indicator']),
  panel: z.string().optional(),
  printedNumber: z.string().optional(),
  unit: z.string().optional(),
  project: z.string().optional(),
  cells: z.record(z.string(), amountSchema.nullable()),
  text: z.record(z.string(), z.string()).optional(),
  bold: z.boolean().optional(),
  at: provenanceSchema,
});

const tableKinds = Object.keys(TABLE_KINDS) as [keyof typeof TABLE_KINDS, ...(keyof typeof TABLE_KINDS)[]];

export const tableSchema = z.object({
  kind: z.enum(tableKinds),
  number: z.number().int().optional(),
  title: z.string(),
  unit: z.enum(['元', '万元']),
  decimals: z.number().int(),
  columns: z.array(columnSchema),
  rows: z.array(rowSchema),
  note: z.string().optional(),
  reportingUnit: z.string().optional(),
  reportingLabel: z.string().optional(),
  project: z.string().optional(),
  pieces: z.number().int().positive(),
  at: provenanceSchema,
  span: lineSpanSchema,
});

const claimAmountSchema = z.object({
  fen: z.number().int().describe('exact amount in 分 (0.01 元)'),
  raw: z.string(),
  unit: z.enum(['元', '万元']),
  decimals: z.number().int().nonnegative(),
  approximate: z.boolean().optional(),
});
const claimPercentSchema = z.object({ value: z.number(), raw: z.string(), decimals: z.number().int().nonnegative() });
const directionSchema = z.enum(['increase', 'decrease', 'flat']);

export interface ClaimJsonShape {
  breakdowns?: { kind: 'partition' | 'including'; label?: string; parts: ClaimJsonShape[] }[];
  [field: string]: unknown;
}

/** A narrative claim as written to JSON: its parts nested once, under the breakdown they were listed in. */
export const claimSchema: z.ZodType<ClaimJsonShape> = z.lazy(() =>
  z.object({
    subject: z.string(),
    key: z.string().optional(),
    phrase: z.string(),
    amount: claimAmountSchema.optional(),
    change: z
      .object({
        direction: directionSchema,
        amount: claimAmountSchema.optional(),
        percent: z.union([claimPercentSchema, z.literal('not-comparable')]).optional(),
        percentDirection: directionSchema.optional(),
        words: z.object({ amount: z.string().optional(), percent: z.string().optional() }),
        basis: z.string(),
      })
      .optional(),
    completion: z.object({ of: claimAmountSchema.optional(), percent: z.union([claimPercentSchema, z.literal('not-comparable')]) }).optional(),
    share: z.object({ percent: claimPercentSchema, of: z.string().optional() }).optional(),
    count: z.object({ value: z.number(), unit: z.string(), approximate: z.boolean().optional() }).optional(),
    breakdowns: z.array(z.object({ kind: z.enum(['partition', 'including']), label: z.string().optional(), parts: z.array(claimSchema) })).optional(),
    listLabel: z.string().optional(),
    context: z.literal('reason').optional(),
    parentSubject: z.string().optional(),
    shareOf: z.string().optional(),
    sentence: z.string(),
    clause: z.string(),
    at: z.object({ file: z.string(), line: z.number().int().nonnegative() }),
    section: z.array(z.string()),
    part: z.enum(['overview', 'explanation']),
    item: z.number().int().positive().optional(),
    measure: z.literal('budget').optional(),
  }),
);

export interface SectionShape {
  heading: string;
  number?: string | undefined;
  part: 'overview' | 'explanation' | 'glossary' | 'other';
  text: string;
  lines?: { offset: number; line: number }[] | undefined;
  span: z.infer<typeof lineSpanSchema>;
  children: SectionShape[];
}

export const sectionSchema: z.ZodType<SectionShape> = z.lazy(() =>
  z.object({
    heading: z.string(),
    number: z.string().optional(),
    part: z.enum(['overview', 'explanation', 'glossary', 'other']),
    text: z.string(),
    lines: z.array(z.object({ offset: z.number().int().nonnegative(), line: z.number().int().positive() })).optional(),
    span: lineSpanSchema,
    children: z.array(sectionSchema),
  }),
);

export const documentSchema = z.object({
  source: z.object({
    file: z.string(),
    format: z.enum(['text', 'markdown', 'pdf', 'xlsx', 'docx', 'html']),
    bytes: z.number().int().nonnegative(),
    encoding: z.string(),
    lines: z.number().int().nonnegative(),
  }),
  department: z.string(),
  year: z.number().int(),
  kind: z.enum(['budget', 'final']),
  scope: z.enum(['department', 'unit']),
  template: z.enum(['guangdong-budget', 'jiangxi-budget', 'national-final', 'shanghai-budget']),
  units: z.array(z.object({ name: z.string(), self: z.boolean() })),
  contents: z.array(z.string()),
  tables: z.array(tableSchema),
  narrative: z.array(sectionSchema),
  claims: z
    .array(claimSchema)
    .optional()
    .describe('the narrative\'s numeric claims, top-level ones with their parts nested; derived from `narrative` and read again from it on input'),
  glossary: z.array(z.object({ term: z.string(), definition: z.string(), at: provenanceSchema })),
  unrecognised: z.array(
    z.object({ what: z.enum(['table', 'row', 'cell', 'line', 'document']), reason: z.string(), reasonEn: z.string(), text: z.string(), at: provenanceSchema }),
  ),
});

/** The document schema as JSON Schema (draft 2020-12), for consumers outside TypeScript. */
export function documentJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(documentSchema, { io: 'output' }) as Record<string, unknown>;
}
