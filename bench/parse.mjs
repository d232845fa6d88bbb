// Parse and check throughput on the bundled samples, one core: parse = decode, grid, recognise tables,
// read the narrative and its claims;
// check = every rule on the parsed document. Goals: parse ≥ 20 MB/s; checking costs no more than parsing.
import { readFileSync, readdirSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parseBytes } from '../dist/index.js';
import { checkDocument } from '../dist/check/index.js';

const dir = new URL('../samples/', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
const inputs = files.map((f) => ({ file: f, bytes: readFileSync(new URL(f, dir)) }));
const totalBytes = inputs.reduce((s, i) => s + i.bytes.length, 0);

function round() {
  for (const { file, bytes } of inputs) parseBytes(bytes, file);
}

for (let i = 0; i < 30; i++) round(); // warm up the JIT
const seconds = Number(process.env.BENCH_SECONDS ?? 3);
const samples = [];
const deadline = performance.now() + seconds * 1000;
while (performance.now() < deadline) {
  const t0 = performance.now();
  round();
  samples.push(performance.now() - t0);
}
samples.sort((a, b) => a - b);
const median = samples[Math.floor(samples.length / 2)];
const mbPerS = totalBytes / 1e6 / (median / 1000);
const docsPerS = inputs.length / (median / 1000);
console.log(`parse: ${inputs.length} documents, ${(totalBytes / 1e6).toFixed(3)} MB per round, ${samples.length} rounds`);
console.log(`parse: median round ${median.toFixed(2)} ms → ${mbPerS.toFixed(1)} MB/s, ${docsPerS.toFixed(0)} documents/s (one core)`);
// Parse and check are timed in the same loop, each check on the document just parsed: both run in the
// same heap state, and each check starts cold, as in `yusuan check` (rules cache per-document work in
// WeakMaps keyed on the document, so re-checking one document would time warm caches).
function medianParseAndCheckMs(bytes, file, n = 120) {
  const parseTimes = [];
  const checkTimes = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const doc = parseBytes(bytes, file);
    const t1 = performance.now();
    checkDocument(doc);
    const t2 = performance.now();
    parseTimes.push(t1 - t0);
    checkTimes.push(t2 - t1);
  }
  const median = (times) => times.sort((a, b) => a - b)[Math.floor(n / 2)];
  return { parseMs: median(parseTimes), checkMs: median(checkTimes) };
}
// Warm up the JIT for checking as for parsing (each on a fresh document).
for (let i = 0; i < 30; i++) for (const { file, bytes } of inputs) checkDocument(parseBytes(bytes, file));
let parseTotal = 0;
let checkTotal = 0;
const over = [];
for (const { file, bytes } of inputs) {
  const { parseMs, checkMs } = medianParseAndCheckMs(bytes, file);
  parseTotal += parseMs;
  checkTotal += checkMs;
  if (checkMs > parseMs) over.push(file);
  console.log(`  ${file}: ${(bytes.length / 1e3).toFixed(1)} kB, parse ${parseMs.toFixed(2)} ms (${(bytes.length / 1e6 / (parseMs / 1000)).toFixed(1)} MB/s), check ${checkMs.toFixed(2)} ms (check/parse ${(checkMs / parseMs).toFixed(2)})`);
}
console.log(`check: ${checkTotal.toFixed(2)} ms for all documents vs parse ${parseTotal.toFixed(2)} ms → check/parse = ${(checkTotal / parseTotal).toFixed(2)}`);
console.log(over.length === 0 ? 'goal check ≤ parse: met for every document' : `goal check ≤ parse: NOT met for ${over.join(', ')}`);
