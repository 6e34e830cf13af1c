/**
 * A deterministic generator of Chinese government text for recall tests and benchmarks: titles, 文号 (in the
 * varied forms agencies and readers type), index numbers, summaries and bodies of a chosen length built from a
 * vocabulary with a long tail, so that queries can be common (most items), rare (a few) or absent.
 * Some items are written in traditional characters or with full-width digits, as scanned or copied text is.
 */
import * as OpenCC from 'opencc-js';
import type { DisclosureKind, SearchDoc, Validity } from './search-index.js';

const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });

/** mulberry32: small, fast, seeded. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const vocabulary = {
  common: ['工作', '管理', '服务', '政府', '公开', '推进', '加强', '落实', '建设', '发展'],
  topics: [
    '营商环境',
    '乡村振兴',
    '安全生产',
    '食品安全',
    '生态环境',
    '农村人居环境',
    '社会救助',
    '医疗保障',
    '义务教育',
    '养老服务',
    '防汛抗旱',
    '森林防火',
    '耕地保护',
    '城乡低保',
    '就业创业',
    '危房改造',
    '河长制',
    '秸秆禁烧',
    '高标准农田',
    '疫情防控',
    '政务公开',
    '行政审批',
    '双随机一公开',
    '信用体系',
  ],
  places: [
    '仲兴乡',
    '固镇县',
    '濠城镇',
    '新马桥镇',
    '连城镇',
    '任桥镇',
    '湖沟镇',
    '石湖乡',
    '王庄镇',
    '刘集镇',
    '杨庙乡',
    '城关镇',
    '唐南乡',
    '蚌埠市',
    '淮河流域',
    '沱河',
    '浍河',
    '北淝河',
  ],
  rare: ['鼋头渚', '麒麟湾', '蔺家窑', '瀛洲路', '鹳雀楼', '觳觫', '饕餮纹', '氍毹', '甪直', '鄱阳湖区'],
  actions: ['关于印发', '关于做好', '关于开展', '关于进一步加强', '关于公布', '关于调整', '关于转发'],
  kinds: ['的通知', '实施方案', '工作方案', '的意见', '管理办法', '的公告', '的批复'],
  prefixes: ['仲政', '仲政办', '固政', '固政办', '固农', '固财', '固教', '蚌政办秘'],
  phrases: [
    '各乡镇人民政府，县直各单位',
    '为深入贯彻落实党中央、国务院决策部署',
    '现将有关事项通知如下',
    '请结合实际，认真贯彻执行',
    '坚持以人民为中心的发展思想',
    '进一步压实属地责任和部门监管责任',
    '确保各项任务落到实处',
    '按照“谁主管、谁负责”的原则',
    '加强组织领导，明确责任分工',
    '主动接受社会监督',
  ],
};

interface CorpusOptions {
  seed?: number;
  agencies: string[];
  count: number;
  bodyChars?: [number, number];
}

const kinds: DisclosureKind[] = ['decision', 'execution', 'management', 'service', 'result'];
const validities: Validity[] = ['in_force', 'in_force', 'in_force', 'expired', 'repealed'];

function pick<T>(r: () => number, list: readonly T[]): T {
  return list[Math.floor(r() * list.length)]!;
}

/** Zipf-like: low indexes far more often than high ones. */
function zipf<T>(r: () => number, list: readonly T[]): T {
  return list[Math.min(list.length - 1, Math.floor(list.length * r() ** 3))]!;
}

const fullWidth = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));

function docNoForm(r: () => number, prefix: string, year: number, n: number): string {
  const x = r();
  if (x < 0.7) return `${prefix}〔${year}〕${n}号`;
  if (x < 0.8) return `${prefix}[${year}]${n}号`;
  if (x < 0.9) return `${prefix}（${fullWidth(String(year))}）${fullWidth(String(n))}号`;
  return `${prefix}【${year}】 ${n} 號`;
}

export function* generateCorpus(o: CorpusOptions): Generator<SearchDoc> {
  const r = random(o.seed ?? 7);
  const [minBody, maxBody] = o.bodyChars ?? [300, 5000];
  for (let i = 0; i < o.count; i++) {
    const year = 2015 + Math.floor(r() * 11);
    const month = 1 + Math.floor(r() * 12);
    const day = 1 + Math.floor(r() * 28);
    const publishedOn = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    const topic = zipf(r, vocabulary.topics);
    const place = zipf(r, vocabulary.places);
    const title = `${pick(r, vocabulary.actions)}${place}${topic}${pick(r, vocabulary.kinds)}`;
    const agencyId = pick(r, o.agencies);
    const target = minBody + Math.floor(r() * (maxBody - minBody));
    const parts: string[] = [];
    let length = 0;
    while (length < target) {
      const x = r();
      const piece =
        x < 0.5
          ? `${pick(r, vocabulary.phrases)}，${zipf(r, vocabulary.common)}${zipf(r, vocabulary.topics)}。`
          : x < 0.8
            ? `${zipf(r, vocabulary.places)}${zipf(r, vocabulary.common)}${zipf(r, vocabulary.topics)}，${pick(r, vocabulary.phrases)}。`
            : x < 0.995
              ? `${year}年${month}月，${zipf(r, vocabulary.places)}完成${zipf(r, vocabulary.topics)}任务${Math.floor(r() * 1000)}项。`
              : `涉及${pick(r, vocabulary.rare)}的事项另行通知。`;
      parts.push(piece);
      length += piece.length;
    }
    let body = parts.join('');
    if (r() < 0.05) body = toTraditional(body);
    const n = 1 + Math.floor(r() * 200);
    yield {
      id: `doc-${o.seed ?? 7}-${i}`,
      agencyId,
      columnId: `col-${Math.floor(r() * 8)}`,
      subject: topic,
      kind: pick(r, kinds),
      validity: pick(r, validities),
      status: r() < 0.05 ? 'draft' : 'published',
      publishedOn,
      title,
      docNo: docNoForm(r, pick(r, vocabulary.prefixes), year, n),
      indexNo: `${agencyId.slice(0, 8).toUpperCase()}/${year}-${String(i).padStart(6, '0')}`,
      summary: `${place}${topic}有关事项。`,
      body,
      attachments:
        r() < 0.2 ? [`附件：${place}${topic}情况统计表 ${year}年度 合计${Math.floor(r() * 5000)}元`] : [],
    };
  }
}
