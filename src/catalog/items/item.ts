/**
 * A disclosure item (公开条目) and its workflow. States in the law's words:
 * draft (起草) → submitted (送审) → published (已公开), which may be revised (修订, the revision history is
 * public) or withdrawn (撤回, reason recorded). A submitted item may be returned to draft.
 */
export const itemStatuses = ['draft', 'submitted', 'published', 'withdrawn'] as const;
export type ItemStatus = (typeof itemStatuses)[number];

export const itemStatusLabel: Record<ItemStatus, string> = {
  draft: '草稿',
  submitted: '待审核',
  published: '已公开',
  withdrawn: '已撤回',
};

type ItemAction = 'edit' | 'submit' | 'return' | 'publish' | 'revise' | 'withdraw' | 'repeal';

/** Allowed moves per state; who may take them is in permissions (catalog.edit / catalog.publish). */
const moves: Record<ItemStatus, readonly ItemAction[]> = {
  draft: ['edit', 'submit'],
  submitted: ['edit', 'return', 'publish'],
  published: ['revise', 'withdraw', 'repeal'],
  withdrawn: [],
};

export const canMove = (status: ItemStatus, action: ItemAction) => moves[status].includes(action);

export const validities = ['in_force', 'expired', 'repealed'] as const;
export type Validity = (typeof validities)[number];
export const validityLabel: Record<Validity, string> = {
  in_force: '有效',
  expired: '失效',
  repealed: '废止',
};

/** 五公开 (决策、执行、管理、服务、结果公开). */
export const fiveKinds = ['decision', 'execution', 'management', 'service', 'result'] as const;
export type FiveKind = (typeof fiveKinds)[number];
export const fiveKindLabel: Record<FiveKind, string> = {
  decision: '决策公开',
  execution: '执行公开',
  management: '管理公开',
  service: '服务公开',
  result: '结果公开',
};

/** 体裁分类 (GB/T 9704 公文种类 plus common web genres); configurable data in spirit, a list here. */
export const genres = [
  '决定',
  '命令',
  '公报',
  '公告',
  '通告',
  '意见',
  '通知',
  '通报',
  '报告',
  '请示',
  '批复',
  '议案',
  '函',
  '纪要',
  '办法',
  '规定',
  '方案',
  '计划',
  '规划',
  '公示',
  '解读',
  '动态',
  '其他',
];

interface Approval {
  userId: string | null;
  label: string;
  at: string;
}

export interface Item {
  id: string;
  agencyId: string;
  columnId: string;
  indexNo: string | null;
  status: ItemStatus;
  title: string;
  summary: string;
  issuer: string;
  writtenOn: string | null;
  publishedOn: string | null;
  publishedAt: string | null;
  docNo: string;
  subjectCode: string | null;
  genre: string;
  fiveKind: FiveKind | null;
  keyDomain: string | null;
  keywords: string;
  source: string;
  validity: Validity;
  bodyHtml: string;
  normative: boolean;
  interpretsId: string | null;
  interpretationExemption: string;
  effectiveOn: string | null;
  expiresOn: string | null;
  repealedOn: string | null;
  validityNote: string;
  spanWorkdays: number | null;
  late: boolean;
  revision: number;
  withdrawReason: string;
  /** The 标准目录 entry this item fulfils. */
  standardEntryId: string | null;
  /** Approvals at the review levels below the last (三审); reset when the item changes or is returned. */
  approvals: Approval[];
  /** 转载: the superior's published item this one reposts (it has no index number of its own). */
  repostOf?: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

/** The metadata an editor types; the system sets index number, dates of publication, status. */
export type ItemFields = Pick<
  Item,
  | 'columnId'
  | 'title'
  | 'summary'
  | 'issuer'
  | 'writtenOn'
  | 'docNo'
  | 'subjectCode'
  | 'genre'
  | 'fiveKind'
  | 'keyDomain'
  | 'keywords'
  | 'source'
  | 'bodyHtml'
  | 'normative'
  | 'interpretsId'
  | 'interpretationExemption'
  | 'effectiveOn'
  | 'expiresOn'
  | 'standardEntryId'
>;
