import { Command, CommanderError, Option } from 'commander';
import { parseFile } from '../index.js';
import { claimsJson, InputError } from '../model/index.js';
import { summarize } from '../compare/summary.js';
import { textReport } from './text-report.js';
import { REPORT_FORMATS, type ReportFormat } from '../report/index.js';
import { checkCommand } from './check-command.js';
import { rulesCommand } from './rules-command.js';
import { renderCommand, type RenderCommandOptions } from './render-command.js';
import { RENDER_FORMATS } from '../render/index.js';
import { TEMPLATES } from '../templates/index.js';
import { templateCommand } from './template-command.js';
import { EXIT, VERSION } from './constants.js';

export { EXIT } from './constants.js';

function reportInputError(e: unknown): void {
  if (e instanceof InputError) process.stderr.write(`yusuan: ${e.message}\n`);
  else {
    const msg = e instanceof Error ? e.message : String(e);
    process.stderr.write(`yusuan: 内部错误 internal error: ${msg}\n`);
  }
}

async function parseCommand(files: string[], opts: { format: 'json' | 'text' }): Promise<number> {
  let code: number = EXIT.ok;
  const texts: string[] = [];
  for (const file of files) {
    try {
      const doc = await parseFile(file);
      const summary = summarize(doc);
      if (opts.format === 'json') {
        const json = JSON.stringify({ ...doc, claims: claimsJson(doc.claims), summary }, null, files.length === 1 ? 2 : undefined);
        process.stdout.write(json + '\n');
      } else texts.push(textReport(doc, summary));
    } catch (e) {
      reportInputError(e);
      code = EXIT.input;
    }
  }
  if (texts.length) process.stdout.write(texts.join('\n\n') + '\n');
  return code;
}

export async function main(argv: string[]): Promise<number> {
  const program = new Command();
  program
    .name('yusuan')
    .description('预算 — 部门预算/决算公开文件的读取、检查、比较与生成\nRead, check, compare and generate Chinese department budget and final-account disclosures.')
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  let result: number = EXIT.ok;
  program
    .command('parse')
    .description('读取公开文件并输出文档模型 / parse disclosures into the document model')
    .argument('<files...>', '文件 files (.txt, .md)')
    .addOption(new Option('-f, --format <format>', '输出格式 output format').choices(['json', 'text']).default('json'))
    .action(async (files: string[], opts: { format: 'json' | 'text' }) => {
      result = await parseCommand(files, opts);
    });
  program
    .command('check')
    .description('检查公开文件并报告问题 / check disclosures and report findings')
    .argument('<files...>', '文件 files (.txt, .md)')
    .addOption(new Option('-f, --format <format>', '输出格式 output format').choices([...REPORT_FORMATS]).default('text'))
    .option('--prior <file>', '上年公开文件，用于跨年度检查 / last year\'s disclosure, for year-on-year rules')
    .option('-o, --out <file>', '把报告写入文件 / write the report to a file')
    .option('--verbose', '文本格式也列出提示 / text format: list info findings too')
    .action(async (files: string[], opts: { format: ReportFormat; prior?: string; out?: string; verbose?: boolean }) => {
      result = await checkCommand(files, opts);
    });
  program
    .command('render')
    .description('生成公开文件（HTML、PDF、XLSX、DOCX）/ render a disclosure (docs/render.md)')
    .argument('<input>', '文档模型 JSON、公开文件或填报表 document model JSON, a disclosure, or a data-entry workbook')
    .addOption(new Option('-f, --format <format>', '输出格式（默认按 --out 的扩展名）output format (default: from --out)').choices([...RENDER_FORMATS]))
    .requiredOption('-o, --out <file>', '输出文件 output file')
    .addOption(new Option('-t, --template <id>', '按另一模板重新计算生成全部表格和说明 rebuild every table and the narrative in another template').choices(TEMPLATES.map((t) => t.id)))
    .option('--force', '有错误也生成 / render even with error findings')
    .action(async (input: string, opts: RenderCommandOptions) => {
      result = await renderCommand(input, opts);
    });
  program
    .command('rules')
    .description('列出检查规则 / list the rules `check` runs')
    .addOption(new Option('-f, --format <format>', '输出格式 output format').choices(['text', 'json']).default('text'))
    .action((opts: { format: 'text' | 'json' }) => {
      result = rulesCommand(opts);
    });
  program
    .command('template')
    .description('写出空白的预算数据填报表 / write the empty data-entry workbook (docs/data-entry.md)')
    .requiredOption('-o, --out <file>', '输出文件 output file (.xlsx)')
    .action(async (opts: { out: string }) => {
      result = await templateCommand(opts);
    });
  try {
    await program.parseAsync(argv);
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT.ok : EXIT.input;
    reportInputError(e);
    return EXIT.input;
  }
  return result;
}
