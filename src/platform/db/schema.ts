/**
 * The database schema as Kysely types. The foundation's tables are here; each capability adds its own from
 * its `<capability>.schema.ts` by augmenting `Database` (`declare module`), so this file
 * imports no capability while `Kysely<Database>` still knows every table. Columns are portable across
 * SQLite and PostgreSQL: text ids (UUIDs made by the app),
 * days as `YYYY-MM-DD` text, instants as ISO-8601 UTC text, booleans as integers 0/1, JSON as text.
 */
import type { Generated } from 'kysely';

export interface AgencyTable {
  id: string;
  parent_id: string | null;
  name: string;
  short_name: string;
  credit_code: string;
  division_code: string;
  level: string;
  calendar_region: string | null;
  path_segment: string;
  /** 主管部门 (Art. 3): usually the government's general office, not the parent government itself. */
  supervisor_id: string | null;
  /** 复议机关 (行政复议法 2023 Art. 24), as named in reply notices. */
  reconsideration_body: string;
  /** Why `reconsideration_body` departs from the body derived under 行政复议法 Art. 24 (empty: it does not). */
  reconsideration_body_reason: Generated<string>;
  /** Working days a posted letter is presumed to travel (bounds consultation pauses, presumes receipt). */
  delivery_margin_days: Generated<number>;
  has_rulemaking_power: number;
  office_name: string;
  office_address: string;
  office_hours: string;
  office_phone: string;
  office_fax: string;
  office_email: string;
  office_postcode: string;
  /** JSON array of 文号 prefixes, e.g. ["仲政", "仲政办"]. */
  doc_no_prefixes: string;
  sort_order: number;
  created_at: string;
  updated_at: string;
}

interface UserTable {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  email: string;
  disabled: number;
  failed_logins: number;
  locked_until: string | null;
  created_at: string;
}

interface UserRoleTable {
  user_id: string;
  agency_id: string;
  role: string;
}

interface SessionTable {
  /** SHA-256 of the cookie token: a stolen database does not yield live sessions. */
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

interface EventTable {
  id: Generated<number>;
  at: string;
  actor_id: string | null;
  actor_label: string;
  agency_id: string | null;
  entity_type: string;
  entity_id: string;
  action: string;
  /** JSON: what changed. */
  data: string;
  request_id: string | null;
}

interface JobLeaseTable {
  name: string;
  holder: string;
  expires_at: string;
  last_run_at: string | null;
}

/** Counters polled by every app node; `public` moves whenever what the portals show has changed. */
interface ContentVersionTable {
  name: string;
  version: number;
}

interface FoundationTables {
  agencies: AgencyTable;
  users: UserTable;
  user_roles: UserRoleTable;
  sessions: SessionTable;
  events: EventTable;
  job_leases: JobLeaseTable;
  content_versions: ContentVersionTable;
}

/**
 * Every table. A capability joins its tables with
 * `declare module '<relative>/platform/db/schema.js' { interface Database extends XTables {} }`.
 */
export interface Database extends FoundationTables {}
