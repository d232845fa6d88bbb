/**
 * Minimal PDF writer for tests: pages from raw content streams, a standard font (/F1, Helvetica)
 * and an optional 1x1 grey image (/Im1). Enough to build bad or extreme inputs byte by byte.
 */
export interface PageSpec {
  /** The page's content stream (PDF operators). */
  content: string;
  /** Media box width and height (default A4 portrait). */
  size?: [number, number];
}

export function makePdf(pages: PageSpec[]): Uint8Array {
  const objects: string[] = [];
  const add = (body: string) => {
    objects.push(body);
    return objects.length;
  };
  const catalog = add('');
  const pagesObj = add('');
  const font = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const image = add('<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 1 >>\nstream\n\x80\nendstream');
  const kids: number[] = [];
  for (const p of pages) {
    const [w, h] = p.size ?? [595, 842];
    const stream = add(`<< /Length ${Buffer.byteLength(p.content, 'latin1')} >>\nstream\n${p.content}\nendstream`);
    kids.push(add(`<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 ${w} ${h}] /Resources << /Font << /F1 ${font} 0 R >> /XObject << /Im1 ${image} 0 R >> >> /Contents ${stream} 0 R >>`));
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObj} 0 R >>`;
  objects[pagesObj - 1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  let out = '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}

/** A text line at (x, y) in the standard font. */
export const text = (x: number, y: number, s: string, size = 12) => `BT /F1 ${size} Tf 1 0 0 1 ${x} ${y} Tm (${s.replace(/[()\\]/g, '\\$&')}) Tj ET`;

/** A page painted with one image and no text: what a scanner produces. */
export const scanned = () => 'q 495 0 0 742 50 50 cm /Im1 Do Q';

/** `n` separate text items (one character each, spread over the page; alternating sizes keep pdf.js from merging them). */
export function manyItems(n: number): string {
  const parts: string[] = [];
  const perRow = 250;
  for (let i = 0; i < n; i++) {
    const x = 10 + (i % perRow) * 2.3;
    const y = 830 - Math.floor(i / perRow) * 2;
    parts.push(`/F1 ${i % 2 ? 1 : 1.2} Tf 1 0 0 1 ${x.toFixed(1)} ${y} Tm (a) Tj`);
  }
  return `BT ${parts.join(' ')} ET`;
}
