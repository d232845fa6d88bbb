import { Command, CommanderError, Option } from 'commander';
import { parseFile } from '../index.js';
import { InputError } from '../model/index.js';
import { summarize } from '../compare/summary.js';
import { textReport } from './text-report.js';

/** Exit codes: 0 clean, 1 findings of severity error, 2 unusable input or arguments. */
export const EXIT = { ok: 0, findings: 1, input: 2 } as const;

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
        const json = JSON.stringify({ ...doc, summary }, null, files.length === 1 ? 2 : undefined);
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
    .version('0.1.0')
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
  try {
    await program.parseAsync(argv);
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT.ok : EXIT.input;
    reportInputError(e);
    return EXIT.input;
  }
  return result;
}
