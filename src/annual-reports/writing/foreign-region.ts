/**
 * Text that names a region or agency that is not this one — the mark of text copied from elsewhere (the seed, an
 * Anhui township's report, speaks of "自治区…统一平台"). Compares the province-level names and the 自治区/自治州/
 * 自治县 markers in the text with the names of the agency and its ancestors, and the names of other regional
 * governments on the platform (townships, counties, cities) that are not its ancestors.
 */
import { partIds, partLabel, type Narrative } from '../narrative.js';
import type { WritingWarning } from './narrative-numbers.js';

/** The 34 province-level divisions by short name; autonomous regions are often written by short name alone. */
const PROVINCES: readonly { short: string; bare: boolean }[] = [
  ...['北京', '天津', '上海', '重庆'].map((short) => ({ short, bare: false })),
  ...[
    '河北',
    '山西',
    '辽宁',
    '吉林',
    '黑龙江',
    '江苏',
    '浙江',
    '安徽',
    '福建',
    '江西',
    '山东',
    '河南',
    '湖北',
  ]
    .concat(['湖南', '广东', '海南', '四川', '贵州', '云南', '陕西', '甘肃', '青海', '台湾'])
    .map((short) => ({ short, bare: false })),
  ...['内蒙古', '广西', '西藏', '宁夏', '新疆'].map((short) => ({ short, bare: true })),
  ...['香港', '澳门'].map((short) => ({ short, bare: true })),
];

const MARKERS = ['自治区', '自治州', '自治县'] as const;

interface RegionContext {
  /** Names (full and short) of the agency and all its ancestors. */
  ownNames: readonly string[];
  /** Names (full and short) of other regional governments on the platform, not ancestors of this one. */
  otherNames: readonly string[];
}

function mentions(text: string, ownNames: readonly string[]): string[] {
  const own = ownNames.join('|');
  const found: string[] = [];
  for (const p of PROVINCES) {
    const re = p.bare ? new RegExp(p.short, 'g') : new RegExp(`${p.short}(?:省|市|壮族|回族|维吾尔)`, 'g');
    if (re.test(text) && !own.includes(p.short)) found.push(p.short);
  }
  for (const m of MARKERS) if (text.includes(m) && !own.includes(m)) found.push(m);
  return found;
}

export function foreignRegionWarnings(narrative: Narrative, ctx: RegionContext): WritingWarning[] {
  const out: WritingWarning[] = [];
  const others = ctx.otherNames.filter((n) => [...n].length >= 3 && !ctx.ownNames.some((o) => o.includes(n)));
  for (const partId of partIds) {
    const text = narrative[partId];
    const names = [...mentions(text, ctx.ownNames), ...others.filter((n) => text.includes(n))];
    for (const name of new Set(names))
      out.push({
        code: 'foreign_region',
        partId,
        actual: name,
        message: `${partLabel(partId)}提到“${name}”，不属于本机关及其上级地区，请核实是否误抄其他地方的内容。`,
      });
  }
  return out;
}
