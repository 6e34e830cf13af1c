/**
 * A year (2025) of the demo township's proactive disclosure, generated deterministically (fixed seed) and
 * loaded through the real use cases — draft, submit, publish — with the clock set to each publication day.
 * Titles and bodies follow what the seed township publishes: 工作动态, 低保 and subsidy notices, budgets,
 * normative documents with their interpretations, safety inspections.
 */
import { setNameRegister, setSiteIdentity } from '../site/manage-site.js';
import { agenciesStore } from '../../access/agencies.store.js';
import { systemActor } from '../../platform/actor.js';
import type { AppContext } from '../../platform/context.js';
import { catalogStore } from '../catalog.store.js';
import { addColumn } from '../manage-catalog.js';
import { publishItem } from '../items/publish-item.js';
import { createItem } from '../items/save-item.js';
import { ensureCatalog } from '../setup-catalog.js';
import { standardEntries, adoptStandardCatalog } from '../standard/standard-catalog.js';
import { submitItem } from '../items/submit-item.js';

const villages = ['仲兴村', '前进村', '双庙村', '高庙村', '马湖村', '新集村', '陈桥村', '王庄村'];
const months = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];

/** mulberry32: a tiny deterministic generator, so the demo is the same on every machine. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Template {
  column: string;
  weight: number;
  title: (v: string, m: number) => string;
  genre: string;
  subject: string;
  fiveKind?: string;
  domain?: string;
  body: (v: string, m: number) => string;
}

const p = (...lines: string[]) => lines.map((l) => `<p>${l}</p>`).join('');

const templates: Template[] = [
  {
    column: 'gzdt',
    weight: 40,
    title: (v) => `仲兴乡${['召开', '开展', '部署', '推进'][v.length % 4]}${v}人居环境整治工作`,
    genre: '动态',
    subject: '10',
    body: (v) =>
      p(
        `近日，仲兴乡组织${v}“两委”干部和党员志愿者，集中清理房前屋后垃圾杂物，整治沟塘。`,
        '下一步，乡里将建立长效管护机制，定期督查通报。',
      ),
  },
  {
    column: 'gzdt',
    weight: 25,
    title: (v, m) => `仲兴乡${months[m]}月份安全生产大检查情况`,
    genre: '动态',
    subject: '09',
    fiveKind: 'execution',
    domain: 'd05',
    body: (v) =>
      p(`乡安监站会同派出所对辖区加油站、烟花爆竹经营点和${v}等重点部位开展检查，发现隐患均已督促整改。`),
  },
  {
    column: 'a21',
    weight: 25,
    title: (v, m) =>
      `仲兴乡2025年第${['一', '二', '三', '四'][Math.floor(m / 3)]}季度农村最低生活保障对象公示（${v}）`,
    genre: '公示',
    subject: '17',
    fiveKind: 'result',
    domain: 'd22',
    body: (v) =>
      p(
        `经${v}民主评议、乡人民政府审核，现将拟纳入农村最低生活保障的对象予以公示，公示期7天。`,
        '公示对象姓名已按规定作去标识化处理。如有异议，请于公示期内向乡民政办反映。',
      ),
  },
  {
    column: 'a21',
    weight: 15,
    title: (v) => `关于${v}农村土地承包经营权流转情况的公告`,
    genre: '公告',
    subject: '06',
    fiveKind: 'result',
    domain: 'd04',
    body: (v) =>
      p(`${v}村民委员会受农户委托，将部分承包地流转给种植合作社经营，流转期限五年，流转费用按年支付。`),
  },
  {
    column: 'a20-11',
    weight: 15,
    title: (v, m) => `仲兴乡2025年${months[m]}月份耕地地力保护补贴发放情况`,
    genre: '公告',
    subject: '06',
    fiveKind: 'result',
    domain: 'd04',
    body: () => p('根据县财政局、县农业农村局有关文件，本月耕地地力保护补贴已通过“一卡通”发放到户。'),
  },
  {
    column: 'a20-13',
    weight: 10,
    title: (v) => `${v}饮用水源地环境保护检查情况通报`,
    genre: '通报',
    subject: '10',
    fiveKind: 'execution',
    domain: 'd15',
    body: (v) => p(`乡生态环境保护办公室对${v}饮用水源保护区开展巡查，未发现违法排污行为。`),
  },
  {
    column: 'a20-12',
    weight: 5,
    title: (v, m) => `仲兴乡${months[m]}月份防汛抗旱应急值守安排`,
    genre: '通知',
    subject: '02',
    fiveKind: 'management',
    domain: 'd06',
    body: () => p('各村、乡直各单位严格执行24小时值班和领导带班制度，遇有险情立即报告。'),
  },
  {
    column: 'a20-10',
    weight: 5,
    title: (v) => `${v}道路硬化工程项目实施情况公示`,
    genre: '公示',
    subject: '10',
    fiveKind: 'execution',
    domain: 'd01',
    body: (v) => p(`${v}道路硬化工程已完成招标，施工单位已进场，计划工期90天。`),
  },
];

/** Items published once: budget, final accounts, organisation, system, annual report. */
const fixed: Array<{
  column: string;
  title: string;
  genre: string;
  subject: string;
  month: number;
  domain?: string;
  fiveKind?: string;
}> = [
  {
    column: 'a20-07',
    title: '仲兴乡2025年财政预算公开',
    genre: '报告',
    subject: '04',
    month: 1,
    domain: 'd03',
    fiveKind: 'decision',
  },
  {
    column: 'a20-07',
    title: '仲兴乡2024年财政决算公开',
    genre: '报告',
    subject: '04',
    month: 7,
    domain: 'd03',
    fiveKind: 'result',
  },
  {
    column: 'a20-07',
    title: '仲兴乡2024年度“三公”经费决算说明',
    genre: '报告',
    subject: '04',
    month: 7,
    domain: 'd03',
  },
  { column: 'a20-02', title: '仲兴乡人民政府机构职能', genre: '其他', subject: '02', month: 0 },
  { column: 'a20-02', title: '仲兴乡人民政府领导分工', genre: '其他', subject: '02', month: 3 },
  {
    column: 'a20-03',
    title: '仲兴乡2025年政府工作报告',
    genre: '报告',
    subject: '03',
    month: 1,
    fiveKind: 'decision',
  },
  {
    column: 'a20-04',
    title: '仲兴乡2024年国民经济和社会发展统计公报',
    genre: '公报',
    subject: '03',
    month: 3,
  },
  { column: 'system', title: '仲兴乡政府信息公开保密审查制度', genre: '规定', subject: '02', month: 2 },
  { column: 'system', title: '仲兴乡政府信息公开工作考核制度', genre: '规定', subject: '02', month: 2 },
  {
    column: 'report',
    title: '仲兴乡人民政府2024年政府信息公开工作年度报告',
    genre: '报告',
    subject: '02',
    month: 0,
  },
  {
    column: 'a20-05',
    title: '仲兴乡便民服务中心办事指南（农村宅基地申请）',
    genre: '其他',
    subject: '10',
    month: 4,
    fiveKind: 'service',
  },
  {
    column: 'a20-06',
    title: '仲兴乡综合行政执法事项清单',
    genre: '其他',
    subject: '16',
    month: 5,
    fiveKind: 'management',
  },
  { column: 'a20-14', title: '仲兴乡2025年公开招聘村级后备干部公告', genre: '公告', subject: '15', month: 5 },
];

const normative = [
  { title: '仲兴乡农村人居环境整治长效管护办法', docNo: '仲政〔2025〕3号', month: 2 },
  { title: '仲兴乡村级财务管理办法', docNo: '仲政〔2025〕8号', month: 5 },
  { title: '仲兴乡农村宅基地审批管理暂行办法', docNo: '仲政〔2025〕12号', month: 8 },
];

export async function loadCatalogDemo(ctx: AppContext, agencies: Record<string, string>): Promise<void> {
  const actor = systemActor('演示数据');
  const agency = (await agenciesStore.byId(ctx.db, agencies.zhongxing!))!;
  await ensureCatalog(ctx.db, agency);
  await addColumn(ctx, actor, agency.id, { code: 'gzdt', name: '工作动态' });
  await adoptStandardCatalog(ctx, actor, agency.id);
  const entryOf = new Map<string, string>();
  for (const e of await standardEntries(ctx.db, agency.id))
    if (!entryOf.has(e.domainCode)) entryOf.set(e.domainCode, e.id);
  const columns = new Map((await catalogStore.columns(ctx.db, agency.id)).map((c) => [c.code, c.id]));
  const random = rng(20250101);
  const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)]!;
  const total = templates.reduce((s, t) => s + t.weight, 0);
  const chooseTemplate = () => {
    let r = random() * total;
    for (const t of templates) if ((r -= t.weight) < 0) return t;
    return templates[0]!;
  };

  const publishAt = async (day: string, input: Record<string, unknown>): Promise<string> => {
    const at = { ...ctx, now: () => new Date(`${day}T01:30:00.000Z`) };
    const { itemId } = await createItem(at, actor, agency.id, { issuer: agency.name, ...input });
    await submitItem(at, actor, itemId);
    await publishItem(at, actor, itemId);
    return itemId;
  };
  const daysBefore = (day: string, n: number) => {
    const d = new Date(`${day}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() - n);
    return d.toISOString().slice(0, 10);
  };

  for (const f of fixed) {
    const day = `2025-${String(f.month + 1).padStart(2, '0')}-1${f.month % 9}`;
    await publishAt(day, {
      columnId: columns.get(f.column),
      title: f.title,
      summary: `${f.title}。`,
      writtenOn: daysBefore(day, 5),
      genre: f.genre,
      subjectCode: f.subject,
      keyDomain: f.domain,
      fiveKind: f.fiveKind,
      bodyHtml: p(`${f.title}全文如下。`, '本信息依据《中华人民共和国政府信息公开条例》主动公开。'),
    });
  }
  for (const n of normative) {
    const day = `2025-${String(n.month + 1).padStart(2, '0')}-20`;
    const at = { ...ctx, now: () => new Date(`${day}T01:30:00.000Z`) };
    const doc = await createItem(at, actor, agency.id, {
      columnId: columns.get('a20-01'),
      title: n.title,
      summary: `印发${n.title}，自发布之日起施行。`,
      issuer: agency.name,
      writtenOn: daysBefore(day, 7),
      docNo: n.docNo,
      genre: '办法',
      subjectCode: '02',
      fiveKind: 'decision',
      normative: true,
      effectiveOn: day,
      expiresOn: `${Number(day.slice(0, 4)) + (n.title.includes('暂行') ? 2 : 5)}${day.slice(4)}`,
      bodyHtml: p(
        '第一条　为规范管理，根据有关法律法规，结合本乡实际，制定本办法。',
        '第二条　本办法适用于本乡行政区域。',
      ),
    });
    const interp = await createItem(at, actor, agency.id, {
      columnId: columns.get('a20-01'),
      title: `《${n.title}》政策解读`,
      summary: `解读${n.title}的制定背景、主要内容和适用对象。`,
      issuer: agency.name,
      writtenOn: daysBefore(day, 7),
      genre: '解读',
      subjectCode: '02',
      interpretsId: doc.itemId,
      bodyHtml: p('一、制定背景', '二、主要内容', '三、适用对象和施行时间'),
    });
    // 三同步: the interpretation is submitted with the document, then both are published.
    for (const id of [doc.itemId, interp.itemId]) await submitItem(at, actor, id);
    for (const id of [doc.itemId, interp.itemId]) await publishItem(at, actor, id);
  }

  // About one item per working day through the year.
  for (
    let d = new Date('2025-01-02T00:00:00Z');
    d.getUTCFullYear() === 2025;
    d.setUTCDate(d.getUTCDate() + 1)
  ) {
    const dow = d.getUTCDay();
    if (dow === 0 || dow === 6) continue;
    const day = d.toISOString().slice(0, 10);
    const count = random() < 0.2 ? 2 : random() < 0.8 ? 1 : 0;
    for (let k = 0; k < count; k++) {
      const t = chooseTemplate();
      const v = pick(villages);
      const m = d.getUTCMonth();
      const title = t.title(v, m);
      // Most items go out within days; a few are late, as inspections find.
      const lag = random() < 0.04 ? 35 + Math.floor(random() * 20) : 1 + Math.floor(random() * 8);
      await publishAt(day, {
        columnId: columns.get(t.column),
        title,
        summary: `${title}。`,
        writtenOn: daysBefore(day, lag),
        genre: t.genre,
        subjectCode: t.subject,
        fiveKind: t.fiveKind,
        keyDomain: t.domain,
        standardEntryId: t.domain ? entryOf.get(t.domain) : undefined,
        keywords: [v, t.genre].join('，'),
        bodyHtml: t.body(v, m),
      });
    }
  }

  // The footer identifiers every government site must show: the county's portal, which the township's pages
  // are part of (they inherit them); and the township's register of leaders and agency names the
  // pre-publication check compares against (set after the year's items, which were checked as published).
  await setSiteIdentity(ctx, actor, agencies.guzhen!, {
    siteCode: '3403230008',
    icpNo: '皖ICP备05001234号-8',
    psbNo: '皖公网安备 34032302000008号',
    partyMarkUrl: 'https://bszs.conac.cn/',
    errorReportUrl: 'https://zfwzzc.www.gov.cn/',
  });
  await setNameRegister(ctx, actor, agency.id, {
    leaders: ['党委书记 欧阳明', '乡长 李建国', '副乡长 王五', '人大主席 陈思远'].join('\n'),
    agencyNames: [
      '固镇县仲兴乡人民政府',
      '仲兴乡党政办公室',
      '仲兴乡农业综合服务站',
      '仲兴乡便民服务中心',
    ].join('\n'),
  });
}
