import { describe, expect, it } from 'vitest';
import { allMatches, bracketProblems, countHan, HAN, repeatedWords } from '../src/check/text/scan.js';
import { textUnits } from '../src/check/text/units.js';
import { columnLabel, printed } from '../src/check/identity.js';
import { formatFen } from '../src/model/index.js';
import { CLASS_SUBJECTS, matchSubject, SUBJECTS } from '../src/narrative/index.js';
import type { SubjectEntry } from '../src/narrative/index.js';
import { money } from '../src/narrative/format.js';
import { seed, SEEDS } from './helpers.js';

/**
 * The checker's fast paths (hand-written scans, prefilters) against the plain definitions they replace:
 * they must give the same answers on every text of the seeds and on variations of it.
 */

const docs = () => Promise.all(Object.values(SEEDS).map((path) => seed(path)));
const texts = async (): Promise<string[]> => (await docs()).flatMap((d) => textUnits(d).map((u) => u.text));

describe('text scans', () => {
  it('repeatedWords finds what /(\\p{Script=Han}{2,4})\\1/gu finds', async () => {
    const re = /(\p{Script=Han}{2,4})\1/gu;
    const cases = [...(await texts()), '两个项目项目全年预算数', '研究研究讨论讨论', '常常人人', 'AB项目项目项目', '𠀀𠀀𠀀𠀀项目项目', '一二三四一二三四一二', '預算預算', '項項'];
    for (const t of cases) {
      expect(repeatedWords(t).map((m) => [m.index, m.word, m.match])).toEqual([...t.matchAll(re)].map((m) => [m.index, m[1], m[0]]));
    }
  });

  it('allMatches gives what matchAll gives, and leaves the regex reusable', () => {
    const re = /(?:比|较)\s*((?:19|20)\d{2})\s*年/gu;
    for (const t of ['比2025年预算增加，较 2024 年减少', '', '无年份', '比2026年']) {
      const expected = [...t.matchAll(re)].map((m) => [m.index, m[0], m[1]]);
      expect(allMatches(re, t).map((m) => [m.index, m[0], m[1]])).toEqual(expected);
      expect(re.lastIndex).toBe(0);
    }
  });

  it('bracketProblems pairs marks found by a regex search as it did reading every character', () => {
    expect(bracketProblems('“优秀调解案例”活动。”')).toEqual([{ index: 11, char: '”', kind: 'unopened' }]);
    expect(bracketProblems('维修（护)费，《预算法》、(1) 项目')).toEqual([]);
    expect(bracketProblems('DRG’s “两库” "x')).toEqual([{ index: 11, char: '"', kind: 'unclosed' }]);
  });

  it('countHan counts what HAN matches, code point by code point', async () => {
    for (const t of [...(await texts()), '𠀀a𠀀b', '\ud800x', '']) {
      const expected = [...t].filter((c) => HAN.test(c)).length;
      expect(countHan(t)).toBe(expected);
      expect(countHan(t, 12)).toBe(Math.min(expected, 12));
    }
  });
});

describe('number formatting', () => {
  it('printed and money group digits as the regex did', () => {
    const group = (w: string) => w.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    for (const fen of [0, 1, -1, 99, 100, 123456, -123456, 1234567890, -98765432101, 1_000_000, 999_999_999_999]) {
      for (const unit of ['元', '万元'] as const) {
        const [w, f] = formatFen(fen, unit, 2).split('.');
        expect(printed(fen, unit)).toBe(`${group(w!)}.${f}`);
        for (const decimals of [0, 1, 2, 4]) {
          const [mw, mf] = formatFen(Math.abs(fen), unit, decimals).split('.');
          expect(money(fen, unit, decimals)).toBe(`${fen < 0 ? '−' : ''}${group(mw!)}${mf !== undefined ? `.${mf}` : ''}`);
        }
      }
    }
  });
});

describe('matchSubject', () => {
  // The definition: every entry's regex, the longest match, then the longest head.
  const TRAIL = '(?:财政拨款)?(?:支出)?(?:(?:年初|全年|调整)?(?:决算|预算))?(?:数)?(?:安排)?(?:总额|合计)?(?:为|是|共计|达)?';
  const entries = [...SUBJECTS, ...CLASS_SUBJECTS];
  const compiled = entries.map((entry: SubjectEntry) => ({
    entry,
    re: new RegExp(`${entry.exact ? '^' : ''}(?:${entry.head})${entry.count ? '(?:共计|为|小计)?' : TRAIL}$`),
    notAfter: entry.notAfter ? new RegExp(`(?:${entry.notAfter})$`) : undefined,
  }));
  function reference(phrase: string, opts: { scheme?: 'function' | 'economic'; count?: boolean }): string | undefined {
    let best: { key: string; m: RegExpExecArray; head: string } | undefined;
    for (const c of compiled) {
      if (Boolean(c.entry.count) !== Boolean(opts.count)) continue;
      if (c.entry.scheme && opts.scheme && c.entry.scheme !== opts.scheme) continue;
      const m = c.re.exec(phrase);
      if (!m || c.notAfter?.test(phrase.slice(0, m.index))) continue;
      const head = new RegExp(`^(?:${c.entry.head})`).exec(m[0])?.[0] ?? m[0];
      if (!best || m[0].length > best.m[0].length || (m[0].length === best.m[0].length && head.length > best.head.length)) best = { key: c.entry.key, m, head };
    }
    return best ? `${best.key}|${best.head}` : undefined;
  }

  it('gives the answer of trying every entry', async () => {
    const phrases = new Set<string>();
    for (const d of await docs()) for (const c of d.claims) phrases.add(c.phrase);
    for (const e of entries) {
      const plain = e.head.replace(/\(\?:([^()|]*)(?:\|[^()]*)?\)\??/g, '$1').replace(/\[(.)[^\]]*\]\??/g, '$1').replace(/[?]/g, '');
      for (const p of [plain, `本部门${plain}`, `${plain}预算数为`, `${plain}支出`, `政府性基金${plain}`, `${plain}共计`, `2026年${plain}合计`]) phrases.add(p);
    }
    let matched = 0;
    for (const p of phrases) {
      if (!p || p.includes('款') || /[-－—]/.test(p)) continue; // function 科目 paths are matched before the entries
      for (const opts of [{}, { scheme: 'function' as const }, { scheme: 'economic' as const }, { count: true }]) {
        const m = matchSubject(p, opts);
        const got = m ? `${m.entry.key}|${m.printed}` : undefined;
        expect(got, `${p} ${JSON.stringify(opts)}`).toBe(reference(p, opts));
        if (got) matched++;
      }
    }
    expect(matched).toBeGreaterThan(200);
  });
});

describe('columnLabel', () => {
  it('names a column by its leaf, and a bare 小计/合计 leaf with its group', () => {
    const table = (label: string) => ({ columns: [{ key: 'k', label, type: 'amount' }] }) as unknown as Parameters<typeof columnLabel>[0];
    expect(columnLabel(table('财政拨款收入/一般公共预算'), 'k')).toBe('一般公共预算');
    expect(columnLabel(table('预算数/合计'), 'k')).toBe('预算数合计');
    expect(columnLabel(table('预算数/公务用车购置及运行维护费/小计'), 'k')).toBe('公务用车购置及运行维护费小计');
    expect(columnLabel(table('合计'), 'k')).toBe('合计');
  });
});
