/** Kysely table types of the disclosure catalog (migration 0400). */

export interface CatalogColumnTable {
  id: string;
  agency_id: string;
  parent_id: string | null;
  /** Stable per agency, used in URLs, e.g. `guide`, `a20-01`. */
  code: string;
  name: string;
  /** guide | system | statutory | report | custom */
  kind: string;
  /** Article item the column gathers, e.g. `20.1` (Art. 20 (一)) or `21`. */
  article_item: string | null;
  sort_order: number;
}

export interface CatalogSubjectTable {
  code: string;
  parent_code: string | null;
  name: string;
  sort_order: number;
}

interface CatalogSettingsTable {
  agency_id: string;
  index_template: string;
  /** JSON array of words the pre-publication check looks for (migration 0402). */
  sensitive_words: string;
  /** 1–3 review levels before publication (migration 0403). */
  review_levels: number;
}

interface CatalogIndexCounterTable {
  agency_id: string;
  scope: string;
  last_seq: number;
}

export interface CatalogItemTable {
  id: string;
  agency_id: string;
  column_id: string;
  index_no: string | null;
  status: string;
  title: string;
  summary: string;
  issuer: string;
  written_on: string | null;
  published_on: string | null;
  published_at: string | null;
  doc_no: string;
  subject_code: string | null;
  genre: string;
  five_kind: string | null;
  key_domain: string | null;
  keywords: string;
  source: string;
  validity: string;
  body_html: string;
  normative: number;
  interprets_id: string | null;
  interpretation_exemption: string;
  effective_on: string | null;
  expires_on: string | null;
  repealed_on: string | null;
  validity_note: string;
  span_workdays: number | null;
  late: number;
  revision: number;
  withdraw_reason: string;
  /** The 标准目录 entry this item fulfils (migration 0401). */
  standard_entry_id: string | null;
  /** JSON array of approvals collected at the lower review levels (migration 0403). */
  approvals: string;
  /** The superior's item this one reposts (转载, migration 0406); null for an original item. */
  repost_of: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

interface CatalogRevisionTable {
  item_id: string;
  revision: number;
  at: string;
  actor_label: string;
  note: string;
  snapshot: string;
}

interface CatalogAttachmentTable {
  id: string;
  item_id: string;
  file_name: string;
  content_type: string;
  size: number;
  content: Buffer;
  text_content: string;
  removed: number;
  created_at: string;
}

interface CatalogSearchSimpleTable {
  item_id: string;
  agency_id: string;
  haystack: string;
  published_at: string;
}

export interface CatalogStandardEntryTable {
  id: string;
  agency_id: string;
  domain_code: string;
  level1: string;
  level2: string;
  content: string;
  basis: string;
  time_limit: string;
  subject: string;
  /** JSON array of 公开渠道和载体. */
  channels: string;
  audience: string;
  mode: string;
  tier: string;
  sort_order: number;
}

/** A normative document's registration (统一登记号) and its expiry reminder (migration 0404). */
interface CatalogRegistrationTable {
  item_id: string;
  agency_id: string;
  registration_no: string;
  registered_on: string;
  expiry_alerted_on: string | null;
}

/**
 * A normative document issued before the agency kept its register here (存量文件, migration 0408): its original
 * dates as entered, `expires_on` filled from the registry rules when the document names none.
 */
export interface CatalogPriorDocumentTable {
  id: string;
  agency_id: string;
  title: string;
  doc_no: string;
  registration_no: string;
  published_on: string;
  effective_on: string | null;
  expires_on: string;
  repealed_on: string | null;
  source_url: string;
  created_by: string;
  created_at: string;
  updated_at: string;
}

/** An item published for a notice period (公示): taken down when `ends_on` is over (migration 0404). */
interface CatalogNoticePeriodTable {
  item_id: string;
  agency_id: string;
  ends_on: string;
  ended_at: string | null;
}

interface CatalogRegistrySettingsTable {
  agency_id: string;
  registration_template: string;
  /** JSON `{ defaultYears, trialYears, trialWords }` (migration 0404). */
  validity_rules: string;
}

/** Leaders (kind `leader`, name and post) and agency names (kind `agency`) for the name check (0405). */
interface CatalogNameRegisterTable {
  id: string;
  agency_id: string;
  kind: string;
  name: string;
  post: string;
  sort_order: number;
}

/** Footer identifiers of an agency's site (migration 0405); empty text is "not configured". */
interface CatalogSiteIdentityTable {
  agency_id: string;
  site_code: string;
  icp_no: string;
  psb_no: string;
  party_mark_url: string;
  error_report_url: string;
}

interface CatalogTables {
  catalog_registrations: CatalogRegistrationTable;
  catalog_prior_documents: CatalogPriorDocumentTable;
  catalog_notice_periods: CatalogNoticePeriodTable;
  catalog_registry_settings: CatalogRegistrySettingsTable;
  catalog_name_register: CatalogNameRegisterTable;
  catalog_site_identity: CatalogSiteIdentityTable;
  catalog_standard_entries: CatalogStandardEntryTable;
  catalog_columns: CatalogColumnTable;
  catalog_subjects: CatalogSubjectTable;
  catalog_settings: CatalogSettingsTable;
  catalog_index_counters: CatalogIndexCounterTable;
  catalog_items: CatalogItemTable;
  catalog_revisions: CatalogRevisionTable;
  catalog_attachments: CatalogAttachmentTable;
  catalog_search_simple: CatalogSearchSimpleTable;
}

// Joins these tables into the one Kysely schema (platform/db/schema.ts imports no capability).
declare module '../platform/db/schema.js' {
  interface Database extends CatalogTables {}
}
