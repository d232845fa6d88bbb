import { writeFile } from 'node:fs/promises';
import { checkDocument, RULES } from '../check/index.js';
import { InputError, type Document } from '../model/index.js';
import { formatReport, type CheckedDocument, type ReportFormat } from '../report/index.js';
import { EXIT, VERSION } from './constants.js';
import { loadDocument } from './load-document.js';

export interface CheckCommandOptions {
  format: ReportFormat;
  /** Last year's disclosure of the same department, for year-on-year rules. */
  prior?: string;
  /** Write the report to this file instead of stdout. */
  out?: string;
  /** text: list `info` findings too. */
  verbose?: boolean;
}

/** One line on stderr naming the file, never a stack trace. */
function fail(file: string, e: unknown, doing: string): void {
  if (e instanceof InputError) process.stderr.write(`yusuan: ${e.message}\n`);
  else process.stderr.write(`yusuan: ${file}: ${doing}: ${e instanceof Error ? e.message : String(e)}\n`);
}

/** Colour only for a terminal; NO_COLOR turns it off, FORCE_COLOR on. */
function useColor(opts: CheckCommandOptions): boolean {
  if (opts.out) return false;
  if (process.env.NO_COLOR) return false;
  if (process.env.FORCE_COLOR !== undefined && process.env.FORCE_COLOR !== '0') return true;
  return process.stdout.isTTY === true;
}

/**
 * `yusuan check FILE…`: read each file (a disclosure in any readable format, model JSON, or a
 * data-entry workbook, whose document is computed first), check it (against `--prior` when given) and print one
 * report for all of them. Exit 0 without `error` findings, 1 with any, 2 when a file or argument
 * is unusable (the other files are still checked and reported).
 */
export async function checkCommand(files: string[], opts: CheckCommandOptions): Promise<number> {
  let code: number = EXIT.ok;
  let prior: Document | undefined;
  if (opts.prior !== undefined) {
    try {
      prior = (await loadDocument(opts.prior)).doc;
    } catch (e) {
      // Without the prior year the year-on-year rules cannot run: report nothing rather than a partial check.
      fail(opts.prior, e, '无法读取上年文件 cannot read the prior-year file');
      return EXIT.input;
    }
  }
  const documents: CheckedDocument[] = [];
  for (const file of files) {
    let doc: Document;
    try {
      doc = (await loadDocument(file)).doc;
    } catch (e) {
      fail(file, e, '内部错误 internal error');
      code = EXIT.input;
      continue;
    }
    try {
      documents.push({ file, doc, findings: checkDocument(doc, prior ? { prior } : {}) });
    } catch (e) {
      fail(file, e, '检查时内部错误 internal error while checking');
      code = EXIT.input;
    }
  }
  if (documents.length === 0) return code;
  const report = formatReport(opts.format, { documents, rules: RULES.map((r) => r.meta), version: VERSION }, { color: useColor(opts), verbose: opts.verbose ?? false });
  if (opts.out !== undefined) {
    try {
      await writeFile(opts.out, report);
    } catch (e) {
      const why = (e as NodeJS.ErrnoException).code ?? (e instanceof Error ? e.message : String(e));
      process.stderr.write(`yusuan: ${opts.out}: 无法写入报告 cannot write the report (${why})\n`);
      return EXIT.input;
    }
  } else process.stdout.write(report);
  if (code === EXIT.ok && documents.some((d) => d.findings.some((f) => f.severity === 'error'))) code = EXIT.findings;
  return code;
}
