/**
 * The disclosure as PDF: the page `renderHtml` makes, printed by headless Chromium (Debian's
 * `chromium`, driven by playwright-core). Chromium embeds the fonts it uses (Noto CJK from
 * Debian's `fonts-noto-cjk` where the 仿宋 / 宋体 of Windows are not installed), so the PDF shows
 * the same glyphs everywhere. A4 portrait, wide tables on A4 landscape pages (CSS named pages),
 * page numbers 「- N -」 in the footer.
 *
 * One browser per call: launched with a fresh profile directory, closed (and the directory
 * removed) when the PDF is made or the call fails. Nothing is downloaded: without Chromium the
 * call fails with an InputError naming scripts/install-chromium.sh.
 */
import { constants } from 'node:fs';
import { access, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError, type Document } from '../model/index.js';
import { renderHtml } from './html.js';

/** Where Debian installs Chromium; `YUSUAN_CHROMIUM` or the `executablePath` option override it. */
export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/** Flags for a quiet, offline, sandbox-less headless Chromium (root in containers). */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface PdfOptions {
  /** Chromium to run (default: $YUSUAN_CHROMIUM, else /usr/bin/chromium). */
  executablePath?: string;
  /** Longest wait for Chromium to start and print, in milliseconds (default 120 000). */
  timeoutMs?: number;
}

export function chromiumPath(options: PdfOptions = {}): string {
  return options.executablePath ?? process.env.YUSUAN_CHROMIUM ?? DEFAULT_CHROMIUM;
}

/** True when the Chromium `renderPdf` would use is installed. */
export async function chromiumAvailable(options: PdfOptions = {}): Promise<boolean> {
  try {
    await access(chromiumPath(options), constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

const FOOTER = '<div style="width:100%;text-align:center;font-size:9px;font-family:serif;color:#000">- <span class="pageNumber"></span> -</div>';

/** Print an HTML page to PDF with headless Chromium (see the module comment). */
export async function htmlToPdf(html: string, options: PdfOptions = {}): Promise<Uint8Array> {
  const executablePath = chromiumPath(options);
  if (!(await chromiumAvailable(options))) {
    throw new InputError(
      executablePath,
      '未找到 Chromium，无法生成 PDF：请先运行 bash scripts/install-chromium.sh（安装 chromium 与 fonts-noto-cjk）',
      'Chromium not found, cannot make PDF: run `bash scripts/install-chromium.sh` (installs chromium and fonts-noto-cjk)',
    );
  }
  const timeout = options.timeoutMs ?? 120_000;
  // Loaded on demand: HTML rendering and the rest of yusuan never need it.
  const { chromium } = await import('playwright-core');
  const profile = await mkdtemp(join(tmpdir(), 'yusuan-chromium-'));
  try {
    const context = await chromium.launchPersistentContext(profile, { executablePath, headless: true, args: CHROMIUM_ARGS, timeout, offline: true });
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      page.setDefaultTimeout(timeout);
      await page.setContent(html, { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      const pdf = await page.pdf({
        format: 'A4',
        printBackground: true,
        preferCSSPageSize: true,
        displayHeaderFooter: true,
        headerTemplate: '<span></span>',
        footerTemplate: FOOTER,
      });
      return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
    } finally {
      await context.close();
    }
  } catch (e) {
    if (e instanceof InputError) throw e;
    const why = (e instanceof Error ? e.message : String(e)).split('\n')[0]!.slice(0, 200);
    throw new InputError(executablePath, `Chromium 生成 PDF 失败：${why}`, `Chromium failed to make the PDF: ${why}`);
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
}

/** The whole disclosure as PDF bytes: `renderHtml(doc)` printed by headless Chromium. */
export async function renderPdf(doc: Document, options: PdfOptions = {}): Promise<Uint8Array> {
  return htmlToPdf(renderHtml(doc), options);
}
