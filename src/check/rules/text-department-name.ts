import { defineRule } from '../rule.js';
import { locate, textUnits, unitPlace, unitPlaceEn, type TextUnit } from '../text/units.js';

const ORG_SUFFIX = /(局|委员会|委|办公室|办|厅|院|中心|所|站|队|会|部|处|馆|校|园|街道办事处|街道|镇|乡|政府|公司)$/;

/** 「507-景德镇市医疗保障局」「江门市医疗保障局（本级）」 → 景德镇市医疗保障局, 江门市医疗保障局. */
function orgName(text: string): string {
  return text
    .replace(/^\s*\d+\s*[-－—_]?\s*/, '')
    .replace(/[（(]本级[)）]/g, '')
    .replace(/\s+/g, '');
}

/** The department named by a part heading: 「江门市医疗保障局概况」「X 2026 年部门预算表」「X2023年度部门决算情况说明」. */
function headingOrg(heading: string): string {
  return orgName(heading.replace(/概况$/, '').replace(/\s*(?:19|20)\d{2}\s*年度?.*$/, '').replace(/部门(?:预算|决算).*$/, ''));
}

const ADMIN = /(省|自治区|市|州|盟|县|区|旗)/gu;
/** 「指省级财政当年拨付的资金」: the level of government whose 财政 funds the department. */
const FISCAL_LEVEL = /(省|市|县|区)级财政(?:部门)?(?:当年)?(?:拨付|拨款|安排|取得)/gu;

/** The level of government of a department from its name: 景德镇市医疗保障局 → 市, 上海市普陀区司法局 → 区. */
function adminLevel(department: string): string | undefined {
  const org = department.search(/(局|委员会|委|办公室|办|厅|院|中心|所|部|处)/u);
  const head = org > 0 ? department.slice(0, org) : department;
  const levels = [...head.matchAll(ADMIN)].map((m) => m[1]!);
  const last = levels[levels.length - 1];
  return last === '自治区' ? '省' : last === '州' || last === '盟' ? '市' : last === '旗' ? '县' : last;
}

export default defineRule({
  meta: {
    id: 'text/department-name',
    severity: 'error',
    description: { zh: '单位名称、部分标题中的部门与文档一致', en: 'Unit names and part headings name the document\'s department' },
    docs:
      '表上的「单位名称」「填报单位」、绩效目标表的主管部门和实施单位、各部分标题（如「第一部分 XX局概况」）中的部门，应是本文档的部门或其所属单位。' +
      '出现其他部门的名称，通常是套用别的部门（或上年、上级）文件时未改全。比较时忽略「（本级）」、空格和部门编码。' +
      '另外，说明文字中与本部门行政级别不符的财政级次（如市级部门的名词解释写「指省级财政当年拨付的资金」，是照搬上级模板未改），报警告。' +
      '修正：改为本部门（单位）名称、本级财政。 The 单位名称/填报单位 of tables, the 主管部门/实施单位 of performance tables and the department in part headings must be the document\'s department or one of its units (error); prose naming another level\'s treasury (「省级财政拨付」 in a city department\'s document) is a warning.',
  },
  check(ctx) {
    const { doc } = ctx;
    const known = [doc.department, ...doc.units.map((u) => u.name)].map(orgName).filter((n) => n !== '');
    if (known.length === 0) return;
    const matches = (name: string) => known.some((k) => name === k || name.startsWith(k) || k.startsWith(name));
    const check = (u: TextUnit, name: string) => {
      if (!name || !ORG_SUFFIX.test(name) || matches(name)) return;
      ctx.report({
        message: `${unitPlace(u)}中的单位「${name}」不是本文档的部门「${doc.department}」或其所属单位`,
        messageEn: `${unitPlaceEn(u)} names "${name}", which is not the document's department "${doc.department}" or one of its units`,
        locations: [{ ...u.location, value: u.text }],
      });
    };
    const level = adminLevel(doc.department);
    for (const u of textUnits(doc)) {
      if (level && u.prose && u.text.includes('级财政')) {
        for (const m of u.text.matchAll(FISCAL_LEVEL)) {
          if (m[1] === level || (level === '区' && m[1] === '县') || (level === '县' && m[1] === '区')) continue;
          ctx.report({
            severity: 'warning',
            message: `${unitPlace(u)}「${m[0]}」：本部门「${doc.department}」是${level}级部门，其财政拨款来自${level}级（本级）财政`,
            messageEn: `${unitPlaceEn(u)} says "${m[0]}", but "${doc.department}" is a ${level}-level department funded by its own (${level}-level) treasury`,
            locations: [locate(u, m.index, m[0])],
          });
        }
      }
      if (u.kind === 'reportingUnit') check(u, orgName(u.text));
      else if (u.kind === 'part') check(u, headingOrg(u.text));
      else if (u.kind === 'cell' && (u.column === 'department' || u.column === 'implementer')) check(u, orgName(u.text));
    }
  },
});
