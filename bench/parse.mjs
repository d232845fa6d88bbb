// Parse throughput on the bundled samples: whole pipeline (decode, grid, recognise), one core.
import { readFileSync, readdirSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parseBytes } from '../dist/index.js';

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
for (const { file, bytes } of inputs) {
  const n = 50;
  const t0 = performance.now();
  for (let i = 0; i < n; i++) parseBytes(bytes, file);
  const ms = (performance.now() - t0) / n;
  console.log(`  ${file}: ${(bytes.length / 1e3).toFixed(1)} kB, ${ms.toFixed(2)} ms, ${(bytes.length / 1e6 / (ms / 1000)).toFixed(1)} MB/s`);
}
