import { addCounts, countBySeverity } from './common.js';
import type { CheckReport } from './schema.js';
import type { ReportInput } from './types.js';

/** The JSON report object (see docs/findings.md and `checkReportSchema`). */
export function jsonReport(input: ReportInput): CheckReport {
  let summary = { error: 0, warning: 0, info: 0 };
  const documents = input.documents.map(({ file, doc, findings }) => {
    summary = addCounts(summary, countBySeverity(findings));
    return { file, department: doc.department, year: doc.year, kind: doc.kind, scope: doc.scope, findings };
  });
  return { documents, summary };
}

export function formatJson(input: ReportInput): string {
  return JSON.stringify(jsonReport(input), null, 2) + '\n';
}
