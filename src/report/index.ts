/**
 * Formatters for check results. They see only the document model and the findings (never the
 * readers or recognisers), so any source format can be reported the same way.
 */
import { formatHtml } from './html.js';
import { formatJson } from './json.js';
import { formatSarif } from './sarif.js';
import { formatText } from './text.js';
import type { FormatOptions, ReportFormat, ReportInput } from './types.js';

export type { CheckedDocument, FormatOptions, ReportFormat, ReportInput } from './types.js';
export { REPORT_FORMATS } from './types.js';
export { formatHtml, escapeHtml } from './html.js';
export { formatJson, jsonReport } from './json.js';
export { formatSarif, sarifReport, SARIF_SCHEMA, type SarifLog } from './sarif.js';
export { formatText } from './text.js';
export { checkReportSchema, checkReportJsonSchema, findingSchema, locationSchema, type CheckReport } from './schema.js';
export { countBySeverity, type SeverityCounts } from './common.js';
export { resolveLocation, type Place } from './resolve.js';

export function formatReport(format: ReportFormat, input: ReportInput, options: FormatOptions = {}): string {
  switch (format) {
    case 'json':
      return formatJson(input);
    case 'sarif':
      return formatSarif(input);
    case 'html':
      return formatHtml(input);
    case 'text':
      return formatText(input, options);
  }
}
