// PDF throughput, one core, side by side in one run: `yusuan parse` end to end (read, rebuild
// tables, recognise, print the JSON model) against `pdftotext -layout` (poppler) and pdfminer.six's
// bare character extraction (bench/pdfminer_extract.py), on the real disclosures in
// test/fixtures/real/. Each tool runs in a child process over all files; the median wall time of
// BENCH_RUNS runs (default 3) gives pages/s, and the child's peak RSS its memory.
// Goal: yusuan end to end faster than pdfminer's bare extraction.
// Missing tools are reported with the command that installs them (bench/install-tools.sh).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dir = `${root}test/fixtures/real/`;
const files = readdirSync(dir).filter((f) => f.endsWith('.pdf')).sort().map((f) => dir + f);
const runs = Number(process.env.BENCH_RUNS ?? 3);

const has = (cmd, args = ['--version']) => {
  const r = spawnSync(cmd, args, { stdio: 'ignore' });
  return !r.error;
};
const taskset = has('taskset', ['-c', '0', 'true']) ? ['taskset', '-c', '0'] : [];

// Page counts, from pdf.js (not timed).
const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
let pages = 0;
for (const f of files) {
  const doc = await getDocument({ data: new Uint8Array(readFileSync(f)), verbosity: 0 }).promise;
  pages += doc.numPages;
  await doc.destroy();
}

/** Python with pdfminer.six: Debian's /usr/bin/python3 first (a pyenv shim may lack it). */
function pythonWithPdfminer() {
  for (const py of ['/usr/bin/python3', 'python3']) {
    const r = spawnSync(py, ['-c', 'import pdfminer'], { stdio: 'ignore' });
    if (!r.error && r.status === 0) return py;
  }
  return undefined;
}
const python = pythonWithPdfminer() ?? (['/usr/bin/python3', 'python3'].find((p) => has(p)));

/** Run a command; returns wall seconds and peak RSS in MB (reported by the child itself). */
function measure(tool) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(tool.cmd[0], tool.cmd.slice(1), { stdio: ['ignore', tool.stdout ? 'pipe' : 'ignore', 'pipe'], maxBuffer: 1 << 28 });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.error || r.status !== 0) throw new Error(`${tool.name} failed: ${r.error?.message ?? r.stderr.toString().slice(-300)}`);
  return { seconds, rssMb: tool.rss(r) };
}

const lastJson = (s) => JSON.parse(s.toString().trim().split('\n').pop());

const cli = `${root}dist/cli/main.js`;
const yusuanRunner = `import { main } from ${JSON.stringify(cli)};
const code = await main(['node', 'yusuan', 'parse', ...process.argv.slice(1)]);
process.stderr.write('\\n' + JSON.stringify({ code, maxrss_kb: process.resourceUsage().maxRSS }) + '\\n');`;

const tools = [
  {
    name: 'yusuan parse (end to end)',
    ok: existsSync(cli),
    missing: 'run `npm run build` first',
    cmd: [...taskset, process.execPath, '--input-type=module', '-e', yusuanRunner, ...files],
    rss: (r) => lastJson(r.stderr).maxrss_kb / 1024,
  },
  {
    name: 'pdftotext -layout',
    ok: has('pdftotext', ['-v']) && python !== undefined,
    missing: 'apt-get install -y poppler-utils poppler-data python3 (bench/install-tools.sh)',
    // Python measures the peak RSS of its children (pdftotext runs once per file, like a CLI user would).
    cmd: [...taskset, python ?? 'python3', '-c', 'import json,resource,subprocess,sys\nfor f in sys.argv[1:]: subprocess.run(["pdftotext","-layout","-q",f,"/dev/null"],check=True)\nprint(json.dumps({"maxrss_kb":resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}))', ...files],
    stdout: true,
    rss: (r) => lastJson(r.stdout).maxrss_kb / 1024,
  },
  {
    name: 'pdfminer.six chars (bare)',
    ok: pythonWithPdfminer() !== undefined,
    missing: 'apt-get install -y python3 python3-pdfminer (bench/install-tools.sh)',
    cmd: [...taskset, python ?? 'python3', `${root}bench/pdfminer_extract.py`, ...files],
    stdout: true,
    rss: (r) => lastJson(r.stdout).maxrss_kb / 1024,
  },
];

console.log(`pdf: ${files.length} real PDFs, ${pages} pages, ${runs} runs per tool, ${taskset.length ? 'one core (taskset -c 0)' : 'taskset missing: all cores (apt-get install util-linux)'}`);
const results = [];
for (const tool of tools) {
  if (!tool.ok) {
    console.log(`  ${tool.name.padEnd(28)} missing — ${tool.missing}`);
    continue;
  }
  const samples = [];
  for (let i = 0; i < runs; i++) samples.push(measure(tool));
  samples.sort((a, b) => a.seconds - b.seconds);
  const median = samples[Math.floor(samples.length / 2)];
  const rss = Math.max(...samples.map((s) => s.rssMb));
  results.push({ name: tool.name, seconds: median.seconds, rss });
  console.log(`  ${tool.name.padEnd(28)} ${median.seconds.toFixed(2).padStart(6)} s  ${(pages / median.seconds).toFixed(1).padStart(6)} pages/s  peak ${rss.toFixed(0).padStart(4)} MB`);
}
const yusuan = results.find((r) => r.name.startsWith('yusuan'));
const pdfminer = results.find((r) => r.name.startsWith('pdfminer'));
if (yusuan && pdfminer) {
  const ratio = pdfminer.seconds / yusuan.seconds;
  console.log(`pdf: yusuan end to end is ${ratio.toFixed(2)}× pdfminer's bare extraction speed (goal: > 1) — ${ratio > 1 ? 'met' : 'NOT met'}`);
}
