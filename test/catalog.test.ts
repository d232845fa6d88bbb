import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, it, expect } from 'vitest';
import {
  allEntries,
  codeLevel,
  findByName,
  lookupCode,
  namesMatch,
  normaliseName,
  parentCode,
  type CodeScheme,
} from '../src/catalog/index.js';

const SAMPLES = fileURLToPath(new URL('../samples/', import.meta.url));
const SEEDS = [
  '000_f372449499700e8d.txt',
  '001_e2aa0d4e68ff0396.txt',
  '002_ba977ca05abbe1e1.txt',
  '003_613ecebee573eef3.txt',
  '004_0d3306247bd7dd48.txt',
];

describe('lookupCode', () => {
  it('finds function 项 with level and parent', () => {
    expect(lookupCode('function', '2101501')).toEqual({
      code: '2101501',
      name: '行政运行',
      scheme: 'function',
      level: 3,
      parent: '21015',
    });
    expect(lookupCode('function', '21015')).toMatchObject({ name: '医疗保障管理事务', level: 2, parent: '210' });
    const lei = lookupCode('function', '210');
    expect(lei).toMatchObject({ name: '卫生健康支出', level: 1 });
    expect(lei?.parent).toBeUndefined();
  });

  it('keeps 款 and 项 that share a name apart', () => {
    expect(lookupCode('function', '20699')).toMatchObject({ name: '其他科学技术支出', level: 2, parent: '206' });
    expect(lookupCode('function', '2069999')).toMatchObject({ name: '其他科学技术支出', level: 3, parent: '20699' });
  });

  it('knows the 款 and 项 of the 普陀区 documents (财政局, 区府办, 万里街道, 司法局)', () => {
    const names = (codes: string[]) => codes.map((c) => lookupCode('function', c)?.name);
    expect(names(['20106', '2010601', '2010607', '2010608'])).toEqual(['财政事务', '行政运行', '信息化建设', '财政委托业务支出']);
    expect(names(['2010399', '2010507', '2013802', '2070308'])).toEqual(['其他政府办公厅（室）及相关机构事务支出', '专项普查活动', '一般行政管理事务', '群众体育']);
    expect(names(['2120104', '2120501', '2129999', '2050205'])).toEqual(['城管执法', '城乡社区环境卫生', '其他城乡社区支出', '高等教育']);
  });

  it('finds economic 款 with level and parent', () => {
    expect(lookupCode('economic', '39999')).toEqual({
      code: '39999',
      name: '其他支出',
      scheme: 'economic',
      level: 2,
      parent: '399',
    });
    expect(lookupCode('economic', '301')).toMatchObject({ name: '工资福利支出', level: 1 });
    expect(lookupCode('economic', '309')).toMatchObject({ name: '资本性支出（基本建设）', level: 1 });
  });

  it('matches 30213 in either bracket width', () => {
    const entry = lookupCode('economic', '30213');
    expect(entry).toBeDefined();
    expect(namesMatch(entry!.name, '维修（护）费')).toBe(true);
    expect(namesMatch(entry!.name, '维修(护)费')).toBe(true);
  });

  it('keeps schemes separate', () => {
    expect(lookupCode('function', '301')).toBeUndefined();
    expect(lookupCode('economic', '208')).toBeUndefined();
    expect(lookupCode('economic', '2101501')).toBeUndefined();
    expect(lookupCode('function', '2101')).toBeUndefined();
    expect(lookupCode('function', '')).toBeUndefined();
  });
});

describe('codeLevel and parentCode', () => {
  it('derive level from digit count', () => {
    expect(codeLevel('function', '208')).toBe(1);
    expect(codeLevel('function', '20805')).toBe(2);
    expect(codeLevel('function', '2080505')).toBe(3);
    expect(codeLevel('economic', '302')).toBe(1);
    expect(codeLevel('economic', '30226')).toBe(2);
  });

  it('give undefined for malformed codes', () => {
    for (const scheme of ['function', 'economic'] as const) {
      for (const bad of ['2101', 'abc', '', '21O15', ' 208', '208 ', '2101501.0', '-208', '２０８']) {
        expect(codeLevel(scheme, bad), `${scheme} ${JSON.stringify(bad)}`).toBeUndefined();
        expect(parentCode(scheme, bad)).toBeUndefined();
      }
    }
    expect(codeLevel('economic', '2101501')).toBeUndefined();
  });

  it('give the prefix of the level above', () => {
    expect(parentCode('function', '2101501')).toBe('21015');
    expect(parentCode('function', '21015')).toBe('210');
    expect(parentCode('function', '210')).toBeUndefined();
    expect(parentCode('economic', '39999')).toBe('399');
    expect(parentCode('economic', '399')).toBeUndefined();
    // Works for codes that are well-formed but not catalogued.
    expect(parentCode('function', '2129999')).toBe('21299');
  });
});

describe('names', () => {
  it('normaliseName canonicalises brackets, whitespace, quotes and full-width alphanumerics', () => {
    expect(normaliseName('维修（护）费')).toBe('维修(护)费');
    expect(normaliseName(' 因公出国 （境）\t费用\u3000')).toBe('因公出国(境)费用');
    expect(normaliseName('“三公”经费')).toBe('"三公"经费');
    expect(normaliseName("'三公'经费")).toBe('"三公"经费');
    expect(normaliseName('‘三公’经费')).toBe('"三公"经费');
    expect(normaliseName('ＰＰＰ项目２０２６ａ')).toBe('PPP项目2026a');
  });

  it('namesMatch compares normalised names', () => {
    expect(namesMatch('退职（役）费', '退职(役)费')).toBe(true);
    expect(namesMatch('政府办公厅（室）及相关机构事务', '政府办公厅 (室) 及相关机构事务')).toBe(true);
    expect(namesMatch('工资福利支出', '工资和福利支出')).toBe(false);
  });

  it('findByName returns every code with the name', () => {
    const running = findByName('function', '行政运行').map((e) => e.code);
    expect(running).toEqual(expect.arrayContaining(['2101501', '2150501']));
    expect(running.length).toBeGreaterThan(2);
    expect(findByName('function', '一般行政管理事务').map((e) => e.code)).toEqual(
      expect.arrayContaining(['2010302', '2013102', '2101502']),
    );
    expect(findByName('function', '其他支出').map((e) => e.code)).toEqual(['229', '22999']);
    expect(findByName('economic', '其他支出').map((e) => e.code)).toEqual(['399', '39999']);
    expect(findByName('economic', '维修(护)费').map((e) => e.code)).toEqual(['30213']);
    expect(findByName('function', '其他科学技术支出').map((e) => e.code)).toEqual(['20699', '2069999']);
    expect(findByName('economic', '不存在的科目')).toEqual([]);
  });
});

describe('catalogue integrity', () => {
  for (const scheme of ['function', 'economic'] as const) {
    it(`${scheme}: codes unique, well-formed, parents present, names clean`, () => {
      const entries = allEntries(scheme);
      expect(entries.length).toBeGreaterThan(0);
      const codes = new Set(entries.map((e) => e.code));
      expect(codes.size).toBe(entries.length);
      for (const e of entries) {
        expect(e.scheme).toBe(scheme);
        expect(codeLevel(scheme, e.code)).toBe(e.level);
        expect(e.code[0]).toBe(scheme === 'function' ? '2' : '3');
        expect(e.parent).toBe(parentCode(scheme, e.code));
        if (e.parent !== undefined) expect(codes.has(e.parent), `parent of ${e.code}`).toBe(true);
        expect(e.name).toBe(e.name.trim());
        expect(e.name.length).toBeGreaterThan(0);
        expect(lookupCode(scheme, e.code)).toBe(e);
      }
    });
  }

  it('has every 类 of the 2024–2026 function list', () => {
    const lei = allEntries('function').filter((e) => e.level === 1).map((e) => e.code);
    for (const code of [
      '201', '202', '203', '204', '205', '206', '207', '208', '209', '210', '211', '212', '213', '214', '215',
      '216', '217', '219', '220', '221', '222', '223', '224', '227', '229', '230', '231', '232', '233', '234',
    ]) {
      expect(lei).toContain(code);
    }
  });

  it('has every economic 类', () => {
    const lei = allEntries('economic').filter((e) => e.level === 1).map((e) => e.code);
    expect(lei).toEqual(['301', '302', '303', '307', '309', '310', '311', '312', '313', '399']);
  });
});

interface SeenPair {
  code: string;
  name: string;
  where: string;
}

const CODE = String.raw`(\d{3}|\d{5}|\d{7})`;
const TAB_FORM = new RegExp(String.raw`^${CODE}\t([^\t]+)\t`);
const BRACKET_FORM = new RegExp(String.raw`^\[${CODE}\]\s*([^\t]+)\t`);
/** 002: `30101 基本工资 92.56 30201 办公费 7.38` (one or two triples per line) or with more amounts. */
const SPACE_FORM = new RegExp(String.raw`(?:^| )${CODE} (\S+) (?=-?[\d,]+\.\d{2}(?: |$))`, 'g');
const CODE_ONLY = new RegExp(String.raw`^${CODE}$`);
const HAS_CJK = /\p{Script=Han}/u;

/** Every code+name pair printed in a seed's tables. */
function seenPairs(file: string): SeenPair[] {
  const lines = readFileSync(SAMPLES + file, 'utf8')
    .replace(/<\/?b>/g, '')
    .split(/\r?\n/);
  const pairs: SeenPair[] = [];
  const add = (code: string, name: string, line: number) => {
    if (HAS_CJK.test(name)) pairs.push({ code, name, where: `${file}:${line + 1}` });
  };
  lines.forEach((line, i) => {
    const tab = TAB_FORM.exec(line) ?? BRACKET_FORM.exec(line);
    if (tab) {
      add(tab[1]!, tab[2]!, i);
      return;
    }
    if (!line.includes('\t') && /^\d/.test(line)) {
      for (const m of line.matchAll(SPACE_FORM)) add(m[1]!, m[2]!, i);
    }
    // 002 wraps long names: the code alone on a line, then the name in pieces, then the amounts.
    const alone = CODE_ONLY.exec(line.trim());
    if (alone) {
      const pieces: string[] = [];
      for (let j = i + 1; j < lines.length && j <= i + 6; j++) {
        const next = lines[j]!.trim();
        if (next === '') continue;
        if (/^[\d-]/.test(next)) break;
        pieces.push(next);
      }
      if (pieces.length > 0) add(alone[1]!, pieces.join(''), i);
    }
  });
  return pairs;
}

function schemeOf(code: string): CodeScheme | undefined {
  if (code.startsWith('2')) return 'function';
  if (code.startsWith('3')) return 'economic';
  return undefined;
}

describe('completeness against the seeds', () => {
  const all = SEEDS.flatMap(seenPairs);

  it('finds the seed tables', () => {
    const codes = new Set(all.map((p) => p.code));
    expect(codes.size).toBeGreaterThan(140);
    for (const file of SEEDS) expect(all.some((p) => p.where.startsWith(file)), file).toBe(true);
    // Bold rows (004), second panel (002), wrapped names (002), bracket form with a space (003).
    for (const code of ['21599', '30240', '2296013', '21213', '30226']) expect(codes).toContain(code);
    expect(all.filter((p) => p.code === '2296013').map((p) => p.name)).toContain('用于城乡医疗救助的彩票公益金支出');
  });

  it('catalogues every code seen, with a matching name', () => {
    const problems: string[] = [];
    for (const { code, name, where } of all) {
      const scheme = schemeOf(code);
      if (!scheme) {
        problems.push(`${where}: ${code} ${name}: no scheme`);
        continue;
      }
      const entry = lookupCode(scheme, code);
      if (!entry) problems.push(`${where}: ${scheme} ${code} ${name}: not catalogued`);
      else if (!namesMatch(entry.name, name)) problems.push(`${where}: ${code} 「${name}」 ≠ 「${entry.name}」`);
    }
    expect(problems).toEqual([]);
  });

  it('has every seed code even where the name wraps', () => {
    for (const code of ['21213', '2121399', '2296013']) expect(lookupCode('function', code)).toBeDefined();
  });
});
