// Generation and rendering throughput: a synthetic department (3 units, 60 projects) is written to
// a data-entry workbook in memory, then timed: readEntryWorkbook (workbook → Document with every
// table derived and the narrative generated), and each renderer src/render/ offers (HTML, XLSX,
// DOCX, PDF). A renderer that does not exist yet (or, for PDF, no Chromium) is skipped with a note.
import { performance } from 'node:perf_hooks';
import { readEntryWorkbook, writeEntryWorkbook } from '../dist/generate/index.js';

const WAN = 1_000_000; // fen per 万元

/** A small deterministic generator, so every run times the same department. */
function lcg(seed) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** An amount in fen, a whole number of 0.01 万元 between lo and hi 万元. */
const amount = (rand, lo, hi) => Math.round((lo + rand() * (hi - lo)) * 100) * (WAN / 100);

export function syntheticEntry({ units = 3, projects = 60 } = {}) {
  const rand = lcg(2026);
  const names = ['示例市医疗保障局', '示例市医疗保障事业管理中心', '示例市医疗保障局城区分局', '示例市医疗保障局郊区分局'].slice(0, units);
  const lines = [];
  const at = { sheet: '预算明细' };
  const basic = [
    ['2101501', '30101'], ['2101501', '30102'], ['2101501', '30103'], ['2101501', '30107'], ['2080505', '30108'], ['2080506', '30109'],
    ['2101101', '30110'], ['2210201', '30113'], ['2101501', '30199'], ['2101501', '30201'], ['2101501', '30205'], ['2101501', '30206'],
    ['2101501', '30207'], ['2101501', '30211'], ['2101501', '30213'], ['2101501', '30217'], ['2101501', '30228'], ['2101501', '30231'],
    ['2101501', '30239'], ['2101501', '30299'], ['2080501', '30302'], ['2101501', '30307'], ['2101501', '31002'],
  ];
  for (const unit of names) {
    for (const [functionCode, economicCode] of basic) {
      const hi = economicCode.startsWith('301') ? 300 : economicCode.startsWith('303') ? 20 : 30;
      lines.push({ unit, functionCode, economicCode, fund: 'gpb', kind: 'basic', fen: amount(rand, 0.5, hi), at });
    }
  }
  const projectFunctions = ['2101502', '2101505', '2101506', '2101599', '2101504'];
  const projectEconomics = ['30202', '30209', '30211', '30213', '30215', '30216', '30226', '30227', '30299', '31002', '31007'];
  const projectInfos = [];
  for (let p = 0; p < projects; p++) {
    const unit = names[p % names.length];
    const project = `医疗保障专项工作经费${String(p + 1).padStart(2, '0')}`;
    const parts = 1 + Math.floor(rand() * 3);
    for (let k = 0; k < parts; k++) {
      lines.push({
        unit,
        functionCode: projectFunctions[Math.floor(rand() * projectFunctions.length)],
        economicCode: projectEconomics[Math.floor(rand() * projectEconomics.length)],
        fund: p === 0 ? 'govFund' : 'gpb',
        kind: 'project',
        project,
        fen: amount(rand, 1, 400),
        at,
      });
    }
    projectInfos.push({
      name: project,
      unit,
      key: p < 5,
      target: `通过开展第${p + 1}项医疗保障专项工作，提升医保经办服务水平，保障医保基金安全、平稳、有效运行。`,
      indicators: [
        { level1: '产出指标', level2: '数量指标', level3: '专项检查覆盖定点医药机构数', operator: '≥', target: String(50 + p), measure: '家' },
        { level1: '效益指标', level2: '社会效益指标', level3: '参保人满意度', operator: '≥', target: '90', measure: '%' },
      ],
      at: { sheet: '项目' },
    });
  }
  // 政府性基金 lines need a function code of their own (229 彩票公益金).
  for (const l of lines) if (l.fund === 'govFund') l.functionCode = '2296013';
  return {
    department: names[0],
    year: 2026,
    kind: 'budget',
    template: 'guangdong-budget',
    layout: '广东2026',
    duties: '贯彻落实党中央关于医疗保障工作的方针政策和决策部署，拟订医疗保障制度的规范性文件并组织实施。',
    organisation: '本局设办公室、规划财务和法规科、待遇保障科、医药服务管理科、基金监管科。',
    units: names.map((name, i) => ({ name, self: i === 0 })),
    lines,
    projects: projectInfos,
    threePublic: { abroad: { prior: 0 }, vehiclePurchase: { prior: 0 }, vehicleRunning: { prior: 40 * WAN }, reception: { prior: 5 * WAN } },
    other: {
      adminCost: 320 * WAN, procurementGoods: 45 * WAN, procurementWorks: 12 * WAN, procurementServices: 260 * WAN,
      assetDate: '2026年1月6日', fixedAssets: 820 * WAN, buildingArea: 1250, vehicles: 4, largeEquipment: 0, assetPurchase: 3 * WAN, assetPurchaseUse: '办公设备更新',
    },
    prior: { values: { incomeTotal: 26_000 * WAN, expenseTotal: 26_000 * WAN, adminCost: 300 * WAN, commissioned: 1_800 * WAN }, functionClass: {}, economicClass: {} },
    reasons: { income: '人员经费和专项业务经费调整', expense: '人员经费和专项业务经费调整', threePublic: '厉行节约', reception: '厉行节约' },
  };
}

function median(times) {
  const s = [...times].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function time(fn, rounds) {
  await fn(); // warm up
  const times = [];
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return median(times);
}

const rounds = Number(process.env.BENCH_ROUNDS ?? 10);
const input = syntheticEntry();
const bytes = await writeEntryWorkbook(input);
const doc = await readEntryWorkbook(bytes, 'synthetic.xlsx');
const rows = doc.tables.reduce((s, t) => s + t.rows.length, 0);
console.log(`generate: synthetic department, ${input.units.length} units, ${input.projects.length} projects, ${input.lines.length} budget lines → ${doc.tables.length} tables, ${rows} rows; workbook ${(bytes.length / 1e3).toFixed(1)} kB`);
const readMs = await time(() => readEntryWorkbook(bytes, 'synthetic.xlsx'), rounds);
console.log(`  readEntryWorkbook: median ${readMs.toFixed(1)} ms`);
// The same lines in the other budget templates (the 决算 needs other facts: balances, income).
for (const template of ['jiangxi-budget', 'shanghai-budget']) {
  try {
    const other = await readEntryWorkbook(bytes, 'synthetic.xlsx', template);
    const ms = await time(() => readEntryWorkbook(bytes, 'synthetic.xlsx', template), rounds);
    console.log(`  readEntryWorkbook as ${template}: median ${ms.toFixed(1)} ms → ${other.tables.length} tables, ${other.tables.reduce((s, t) => s + t.rows.length, 0)} rows`);
  } catch (e) {
    console.log(`  readEntryWorkbook as ${template}: failed — ${e instanceof Error ? e.message.split('\n').slice(0, 3).join(' ') : e}`);
  }
}

let render;
try {
  render = await import('../dist/render/index.js');
} catch (e) {
  console.log(`  render: skipped — dist/render is not built (${e instanceof Error ? e.message.split('\n')[0] : e})`);
}
if (render) {
  const renderers = [
    ['renderHtml', (d) => render.renderHtml(d)],
    ['renderXlsx', (d) => render.renderXlsx(d)],
    ['renderDocx', (d) => render.renderDocx(d)],
    ['renderPdf', (d) => render.renderPdf(d)],
  ];
  for (const [name, fn] of renderers) {
    if (typeof render[name] !== 'function') {
      console.log(`  ${name}: skipped — not exported by src/render yet`);
      continue;
    }
    if (name === 'renderPdf' && typeof render.chromiumAvailable === 'function' && !(await render.chromiumAvailable())) {
      console.log('  renderPdf: skipped — no Chromium found');
      continue;
    }
    try {
      const out = await fn(doc);
      const size = typeof out === 'string' ? Buffer.byteLength(out) : out.length;
      const ms = await time(() => fn(doc), name === 'renderPdf' ? Math.min(rounds, 3) : rounds);
      console.log(`  ${name}: median ${ms.toFixed(1)} ms, ${(size / 1e3).toFixed(1)} kB`);
    } catch (e) {
      console.log(`  ${name}: skipped — failed: ${e instanceof Error ? e.message.split('\n')[0] : e}`);
    }
  }
}
