import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { RuleMeta } from '../check/rule.js';
import type { Finding, Location, Severity } from '../model/index.js';
import { describeLocation, panelLabel } from './common.js';
import type { ReportInput } from './types.js';

export const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

export type SarifLevel = 'error' | 'warning' | 'note';
const LEVEL: Record<Severity, SarifLevel> = { error: 'error', warning: 'warning', info: 'note' };

export interface SarifMessage {
  text: string;
}

export interface SarifLogicalLocation {
  name: string;
  fullyQualifiedName: string;
  kind: string;
  properties?: Record<string, string>;
}

export interface SarifLocation {
  id?: number;
  physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number } };
  logicalLocations?: SarifLogicalLocation[];
  message?: SarifMessage;
  properties?: Record<string, unknown>;
}

export interface SarifRule {
  id: string;
  name: string;
  shortDescription: SarifMessage;
  fullDescription: SarifMessage;
  help: SarifMessage;
  defaultConfiguration: { level: SarifLevel };
  properties?: Record<string, unknown>;
}

export interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: SarifLevel;
  message: SarifMessage;
  locations: SarifLocation[];
  relatedLocations?: SarifLocation[];
  properties?: Record<string, unknown>;
}

export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: [
    {
      tool: { driver: { name: 'yusuan'; version?: string; rules: SarifRule[] } };
      artifacts: { location: { uri: string } }[];
      results: SarifResult[];
    },
  ];
}

/** A file as a SARIF URI: relative paths stay relative (percent-encoded, forward slashes), absolute ones become file: URLs. */
export function fileUri(file: string): string {
  if (isAbsolute(file)) return pathToFileURL(file).href;
  return file
    .split(/[\\/]/)
    .map((seg) => encodeURIComponent(seg))
    .join('/');
}

function sarifRule(meta: RuleMeta): SarifRule {
  const docs = meta.docs.trim() || `${meta.description.zh}\n${meta.description.en}`;
  return {
    id: meta.id,
    name: meta.id,
    shortDescription: { text: `${meta.description.zh} / ${meta.description.en}` },
    fullDescription: { text: docs },
    help: { text: docs },
    defaultConfiguration: { level: LEVEL[meta.severity] },
    properties: { descriptionZh: meta.description.zh, descriptionEn: meta.description.en },
  };
}

/** For table places: one logical location naming table / row / column. */
function logicalLocation(loc: Location): SarifLogicalLocation | undefined {
  if (loc.tableTitle === undefined && loc.table === undefined) return undefined;
  const table = loc.tableTitle ?? loc.table!;
  const row = loc.row !== undefined ? `${loc.panel ? `${panelLabel(loc.panel)}方 ` : ''}${loc.code ? `${loc.code} ` : ''}${loc.row}` : undefined;
  const column = loc.columnLabel ?? loc.column;
  const parts = [table, ...(row !== undefined ? [row] : []), ...(column !== undefined ? [column] : [])];
  const properties: Record<string, string> = {};
  for (const k of ['table', 'tableTitle', 'row', 'code', 'panel', 'unit', 'column', 'columnLabel', 'value'] as const) {
    const v = loc[k];
    if (v !== undefined) properties[k] = v;
  }
  return {
    name: parts[parts.length - 1]!,
    fullyQualifiedName: parts.join('/'),
    kind: column !== undefined ? 'element' : row !== undefined ? 'member' : 'object',
    properties,
  };
}

function sarifLocation(loc: Location, id?: number): SarifLocation {
  const logical = logicalLocation(loc);
  const extra: Record<string, unknown> = {};
  if (loc.cell !== undefined) extra.cell = loc.cell;
  if (loc.page !== undefined) extra.page = loc.page;
  if (loc.text !== undefined) extra.text = loc.text;
  return {
    ...(id !== undefined ? { id } : {}),
    physicalLocation: { artifactLocation: { uri: fileUri(loc.file) }, ...(loc.line !== undefined ? { region: { startLine: loc.line } } : {}) },
    ...(logical ? { logicalLocations: [logical] } : {}),
    ...(id !== undefined ? { message: { text: describeLocation(loc) } } : {}),
    ...(Object.keys(extra).length ? { properties: extra } : {}),
  };
}

function sarifResult(f: Finding, file: string, ruleIndex: number): SarifResult {
  const [first, ...rest] = f.locations;
  const amounts: Record<string, unknown> = {};
  for (const k of ['expected', 'actual', 'difference', 'unit'] as const) if (f[k] !== undefined) amounts[k] = f[k];
  return {
    ruleId: f.rule,
    ruleIndex,
    level: LEVEL[f.severity],
    message: { text: `${f.message}\n${f.messageEn}` },
    // A result needs a place to show up in code-scanning UIs: document-level findings point at the file.
    locations: [first ? sarifLocation(first) : { physicalLocation: { artifactLocation: { uri: fileUri(file) } } }],
    ...(rest.length ? { relatedLocations: rest.map((l, i) => sarifLocation(l, i + 1)) } : {}),
    ...(Object.keys(amounts).length ? { properties: { ...amounts, amountsIn: '分' } } : {}),
  };
}

/** SARIF 2.1.0: one run, every rule in `tool.driver.rules`, one result per finding. */
export function sarifReport(input: ReportInput): SarifLog {
  const rules = input.rules.map(sarifRule);
  const index = new Map(rules.map((r, i) => [r.id, i]));
  // Findings of rules we were not told about still need a descriptor for their ruleIndex.
  for (const { findings } of input.documents) {
    for (const f of findings) {
      if (index.has(f.rule)) continue;
      index.set(f.rule, rules.length);
      const text = `${f.rule}（未列出的规则 rule not in the rule list）`;
      rules.push({ id: f.rule, name: f.rule, shortDescription: { text }, fullDescription: { text }, help: { text }, defaultConfiguration: { level: LEVEL[f.severity] } });
    }
  }
  const results = input.documents.flatMap(({ file, findings }) => findings.map((f) => sarifResult(f, file, index.get(f.rule)!)));
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'yusuan', ...(input.version ? { version: input.version } : {}), rules } },
        artifacts: input.documents.map(({ file }) => ({ location: { uri: fileUri(file) } })),
        results,
      },
    ],
  };
}

export function formatSarif(input: ReportInput): string {
  return JSON.stringify(sarifReport(input), null, 2) + '\n';
}
