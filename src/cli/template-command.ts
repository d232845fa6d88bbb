import { writeFile } from 'node:fs/promises';
import { writeEntryTemplate } from '../generate/index.js';
import { EXIT } from './constants.js';

/**
 * `yusuan template --out FILE.xlsx`: write the empty, annotated data-entry workbook
 * (docs/data-entry.md) that the finance officer fills in.
 */
export async function templateCommand(opts: { out: string }): Promise<number> {
  const out = opts.out;
  if (!/\.xlsx$/i.test(out)) {
    process.stderr.write(`yusuan: ${out}: 填报表须为 .xlsx 文件 (the workbook must be an .xlsx file)\n`);
    return EXIT.input;
  }
  try {
    await writeFile(out, await writeEntryTemplate());
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    process.stderr.write(`yusuan: ${out}: 无法写入文件 cannot write the file (${code ?? (e instanceof Error ? e.message : String(e))})\n`);
    return EXIT.input;
  }
  process.stdout.write(`已写入空白填报表 wrote the empty data-entry workbook: ${out}\n`);
  return EXIT.ok;
}
