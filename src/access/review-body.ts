/**
 * The 复议机关 of an agency (pure), derived from its level and its ancestors in the agency tree under
 * 行政复议法 (2023 revision, in force 2024-01-01) Art. 24:
 * - ¶1(一): a government department or general office → 本级人民政府 (the government it belongs to);
 * - ¶1(二): a township → the county government above it; a county → the city government; a city → the
 *   provincial government (下一级人民政府 → 上一级人民政府);
 * - ¶1(三): a street office → the government that set it up (派出机关);
 * - ¶2: a provincial government also reviews its own acts.
 * When the government the article names is not in the platform (e.g. a county platform's root), the body
 * cannot be derived and the agency names it. A stored `reconsiderationBody` that departs from the derived one
 * is an override and needs a reason — the special cases the law lists, e.g. Art. 27 (海关、金融、外汇管理等实行
 * 垂直领导的行政机关、税务和国家安全机关 → 上一级主管部门) or Art. 28 (司法行政部门).
 */
import { ancestry, type Agency, type AgencyLevel } from './agency.js';

type TreeAgency = Pick<Agency, 'id' | 'parentId' | 'name' | 'level'>;
type ReviewAgency = TreeAgency & Pick<Agency, 'reconsiderationBody' | 'reconsiderationBodyReason'>;

interface DerivedReviewBody {
  /** The government named by Art. 24, or null when it is not in the platform. */
  name: string | null;
  /** The paragraph applied, e.g. 《中华人民共和国行政复议法》第二十四条第一款第（一）项. */
  basis: string;
}

interface ReviewBody {
  /** The body named in notices and pages; null when neither derived nor named. */
  name: string | null;
  derived: DerivedReviewBody;
  /**
   * derived: the tree's body; override: the agency names another (with a reason); named: the tree cannot
   * name one and the agency did; missing: neither.
   */
  source: 'derived' | 'override' | 'named' | 'missing';
}

const GOVERNMENTS: readonly AgencyLevel[] = ['province', 'city', 'county'];
const PART_OF_GOVERNMENT: readonly AgencyLevel[] = ['department', 'general_office'];

const LAW = '《中华人民共和国行政复议法》第二十四条';
const BASIS: Record<AgencyLevel, string> = {
  province: `${LAW}第二款`,
  city: `${LAW}第一款第（二）项`,
  county: `${LAW}第一款第（二）项`,
  township: `${LAW}第一款第（二）项`,
  street: `${LAW}第一款第（三）项`,
  department: `${LAW}第一款第（一）项`,
  general_office: `${LAW}第一款第（一）项`,
};

/**
 * The nearest government (province, city or county) above the agency, passing over departments and offices
 * (a bureau under a bureau still belongs to the same 本级人民政府); null when the first other ancestor is a
 * township or street, or there is none in the platform.
 */
function governmentAbove<T extends TreeAgency>(chain: readonly T[]): T | null {
  for (let i = chain.length - 2; i >= 0; i--) {
    const a = chain[i]!;
    if (PART_OF_GOVERNMENT.includes(a.level)) continue;
    return GOVERNMENTS.includes(a.level) ? a : null;
  }
  return null;
}

/** The 复议机关 Art. 24 names for `id`, from the agency tree. */
export function derivedReviewBody(agencies: readonly TreeAgency[], id: string): DerivedReviewBody {
  const chain = ancestry(agencies, id);
  const self = chain[chain.length - 1];
  if (!self) return { name: null, basis: LAW };
  const basis = BASIS[self.level];
  if (self.level === 'province') return { name: self.name, basis };
  return { name: governmentAbove(chain)?.name ?? null, basis };
}

/** The body the agency's notices name: the derived one, unless the agency names another. */
export function reviewBodyOf(agencies: readonly TreeAgency[], agency: ReviewAgency): ReviewBody {
  const derived = derivedReviewBody(agencies, agency.id);
  const stored = agency.reconsiderationBody.trim();
  if (derived.name && (!stored || stored === derived.name))
    return { name: derived.name, derived, source: 'derived' };
  if (derived.name) return { name: stored, derived, source: 'override' };
  return stored ? { name: stored, derived, source: 'named' } : { name: null, derived, source: 'missing' };
}

interface ReviewBodyFinding {
  field: 'reconsiderationBody' | 'reconsiderationBodyReason';
  message: string;
}

/**
 * What is wrong with an agency's 复议机关: it names itself (only a provincial government reviews its own
 * acts, Art. 24 ¶2), departs from the derived body without a reason, or cannot be named at all.
 */
export function reviewBodyFindings(
  agencies: readonly TreeAgency[],
  agency: ReviewAgency,
): ReviewBodyFinding[] {
  const body = reviewBodyOf(agencies, agency);
  const out: ReviewBodyFinding[] = [];
  if (body.name === agency.name && agency.level !== 'province') {
    out.push({
      field: 'reconsiderationBody',
      message: `复议机关不能是本机关：依照《中华人民共和国行政复议法》第二十四条，只有省级人民政府管辖对本机关行政行为不服的复议案件${body.derived.name && body.derived.name !== agency.name ? `，本机关的复议机关应为${body.derived.name}` : ''}。`,
    });
  }
  if (body.source === 'override' && !agency.reconsiderationBodyReason.trim()) {
    out.push({
      field: 'reconsiderationBodyReason',
      message: `另行指定的复议机关“${body.name}”与依照${body.derived.basis}确定的“${body.derived.name}”不同，请说明理由（如行政复议法第二十七条规定的垂直领导机关、税务机关）。`,
    });
  }
  if (body.source === 'missing') {
    out.push({
      field: 'reconsiderationBody',
      message:
        '上级人民政府不在本平台，无法依照《中华人民共和国行政复议法》第二十四条确定复议机关，请填写本机关的行政复议机关。',
    });
  }
  return out;
}
