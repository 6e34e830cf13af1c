/**
 * A site's footer identifiers (政府网站发展指引, portal-standards §3): 网站标识码, ICP 备案号, 公安机关备案号,
 * the 党政机关网站 mark (a text link here, to the mark's verification page) and the 我为政府网站找错 link;
 * and the register of leaders and agency names the pre-publication check compares against. Pure parsing.
 */
import { validationFailed } from '../../platform/errors.js';

export interface SiteIdentity {
  siteCode: string;
  icpNo: string;
  psbNo: string;
  partyMarkUrl: string;
  errorReportUrl: string;
}

export interface NameRegister {
  leaders: Array<{ post: string; name: string }>;
  agencies: string[];
}

const httpUrl = (v: string) => /^https?:\/\/[^\s<>"]+$/.test(v);

/** Checks the footer settings; every field may be empty (not shown). */
export function parseSiteIdentity(input: Record<string, string | undefined>): SiteIdentity {
  const v = (k: string) => (input[k] ?? '').trim();
  const s: SiteIdentity = {
    siteCode: v('siteCode'),
    icpNo: v('icpNo'),
    psbNo: v('psbNo'),
    partyMarkUrl: v('partyMarkUrl'),
    errorReportUrl: v('errorReportUrl'),
  };
  const fields: Record<string, string> = {};
  // 网站标识码: 10 characters (6-digit division code or a ministry's letters, then a sequence), e.g. 3403230001.
  if (s.siteCode && !/^[0-9A-Za-z]{10}$/.test(s.siteCode))
    fields.siteCode = '网站标识码应为 10 位数字或字母，如 3403230001';
  if (s.icpNo && !/^[\u4e00-\u9fa5]ICP备\d{6,10}号(-\d{1,3})?$/.test(s.icpNo))
    fields.icpNo = 'ICP 备案号格式如 皖ICP备05001234号 或 皖ICP备05001234号-1';
  if (s.psbNo && !/^[\u4e00-\u9fa5]公网安备\s?\d{14}号$/.test(s.psbNo))
    fields.psbNo = '公安备案号格式如 皖公网安备 34032302000001号';
  if (s.partyMarkUrl && !httpUrl(s.partyMarkUrl))
    fields.partyMarkUrl = '请填写以 http:// 或 https:// 开头的网址';
  if (s.errorReportUrl && !httpUrl(s.errorReportUrl))
    fields.errorReportUrl = '请填写以 http:// 或 https:// 开头的网址';
  if (Object.keys(fields).length) throw validationFailed(fields);
  return s;
}

/** The register as typed: leaders one per line "职务 姓名", agency names one per line. */
export function parseNameRegister(leadersText: string, agenciesText: string): NameRegister {
  const lines = (t: string) =>
    t
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean);
  const fields: Record<string, string> = {};
  const leaders: NameRegister['leaders'] = [];
  for (const [n, line] of lines(leadersText).entries()) {
    const m = /^(\S{1,20})[\s:：,，]+([\u4e00-\u9fa5·]{2,6})$/.exec(line);
    if (!m) {
      fields.leaders ??= `第 ${n + 1} 行“${line.slice(0, 20)}”应为“职务 姓名”，如“乡长 李四”`;
      continue;
    }
    leaders.push({ post: m[1]!, name: m[2]! });
  }
  const agencies = [...new Set(lines(agenciesText))];
  const long = agencies.find((a) => a.length > 60);
  if (long) fields.agencyNames = `机构名称“${long.slice(0, 15)}…”超过 60 个字`;
  if (leaders.length > 200 || agencies.length > 500) fields.leaders ??= '名单过长';
  if (Object.keys(fields).length) throw validationFailed(fields);
  return { leaders, agencies };
}
