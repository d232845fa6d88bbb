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
function medianMs(fn, n = 60) {
  const times = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(n / 2)];
}
// Check is timed on freshly parsed documents: rules cache per-document work (text units, claims,
// lookups) in WeakMaps keyed on the document, so checking one document repeatedly would time warm
// caches. The documents are parsed before the timed region; each check starts cold, as in `yusuan check`.
function medianCheckMs(bytes, file, n = 60) {
  const docs = Array.from({ length: n }, () => parseBytes(bytes, file));
  const times = [];
  for (const doc of docs) {
    const t0 = performance.now();
    checkDocument(doc);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(n / 2)];
}
// Warm up the JIT for checking as for parsing (each on a fresh document).
for (let i = 0; i < 30; i++) for (const { file, bytes } of inputs) checkDocument(parseBytes(bytes, file));
let parseTotal = 0;
let checkTotal = 0;
for (const { file, bytes } of inputs) {
  const parseMs = medianMs(() => parseBytes(bytes, file));
  const checkMs = medianCheckMs(bytes, file);
  parseTotal += parseMs;
  checkTotal += checkMs;
  console.log(`  ${file}: ${(bytes.length / 1e3).toFixed(1)} kB, parse ${parseMs.toFixed(2)} ms (${(bytes.length / 1e6 / (parseMs / 1000)).toFixed(1)} MB/s), check ${checkMs.toFixed(2)} ms (check/parse ${(checkMs / parseMs).toFixed(2)})`);
}
console.log(`check: ${checkTotal.toFixed(2)} ms for all documents vs parse ${parseTotal.toFixed(2)} ms → check/parse = ${(checkTotal / parseTotal).toFixed(2)}`);
