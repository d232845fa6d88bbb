// Checking against parsing, for the PDFs reviewers receive: each real disclosure in
// test/fixtures/real/ is parsed (pdf.js, tables rebuilt, recognised, claims read) and the document
// just parsed is checked, BENCH_RUNS times (default 5); medians, one core. Goal: check ≤ parse.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseFile } from '../dist/index.js';
import { checkDocument } from '../dist/check/index.js';

const dir = fileURLToPath(new URL('../test/fixtures/real/', import.meta.url));
const runs = Number(process.env.BENCH_RUNS ?? 5);
const median = (times) => times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
let parseTotal = 0;
let checkTotal = 0;
for (const file of readdirSync(dir).filter((f) => f.endsWith('.pdf')).sort()) {
  const parseTimes = [];
  const checkTimes = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const doc = await parseFile(dir + file);
    const t1 = performance.now();
    checkDocument(doc);
    parseTimes.push(t1 - t0);
    checkTimes.push(performance.now() - t1);
  }
  const [parseMs, checkMs] = [median(parseTimes), median(checkTimes)];
  parseTotal += parseMs;
  checkTotal += checkMs;
  console.log(`  ${file}: parse ${parseMs.toFixed(0)} ms, check ${checkMs.toFixed(1)} ms (check/parse ${(checkMs / parseMs).toFixed(3)})`);
}
console.log(`check-pdf: check ${checkTotal.toFixed(1)} ms vs parse ${parseTotal.toFixed(0)} ms for the real PDFs → check/parse = ${(checkTotal / parseTotal).toFixed(3)}`);
