/** Kysely types of the interaction tables (migration 0600), joined into `Database` below. */
export interface MessageTable {
  id: string;
  /** The agency whose site received the message. */
  agency_id: string;
  /** The agency (department) now answering it: the receiving agency until transferred (转办). */
  handling_agency_id: string;
  tracking_code: string;
  /** SHA-256 of the 查询码 shown once to the asker: the second factor of the status page. */
  secret_hash: string;
  kind: string;
  subject: string;
  body: string;
  is_public: number;
  status: string;
  name_enc: string;
  phone_enc: string | null;
  email_enc: string | null;
  contact_index: string | null;
  received_at: string;
  received_on: string;
  promise_days: number;
  due_on: string;
  /** The last day before the message counts as open for more than 3 months (§7 V4). */
  critical_after: string;
  provisional: number;
  decline_reason: string | null;
  draft_reply: string | null;
  drafted_by: string | null;
  reply_body: string | null;
  reply_department: string | null;
  closed_at: string | null;
  closed_on: string | null;
  reply_workdays: number | null;
  published: number;
  rating: string | null;
  rating_comment: string | null;
  rated_at: string | null;
  /** Highest reminder recorded: 0 none, 1 due soon, 2 overdue, 3 open > 3 months. */
  reminder_level: number;
  updated_at: string;
}

interface MessageAttachmentTable {
  id: string;
  message_id: string;
  filename: string;
  content_type: string;
  size: number;
  data: string;
}

interface MessagePromiseTable {
  agency_id: string;
  kind: string;
  days: number;
}

interface InteractionTables extends RatingTables {
  messages: MessageTable;
  message_attachments: MessageAttachmentTable;
  message_promises: MessagePromiseTable;
}

export interface RatingCampaignTable {
  id: string;
  organiser_id: string;
  title: string;
  year: number;
  opens_on: string;
  closes_on: string;
  public_round: number;
  created_at: string;
}

interface RatingCampaignAgencyTable {
  campaign_id: string;
  agency_id: string;
}

interface RatingInvitationTable {
  id: string;
  campaign_id: string;
  code_hash: string;
  evaluator_kind: string;
  label: string;
  created_at: string;
}

export interface RatingResponseTable {
  id: string;
  campaign_id: string;
  agency_id: string;
  round: string;
  invitation_id: string | null;
  accuracy: number;
  timeliness: number;
  procedure: number;
  institution: number;
  comment: string | null;
  submitted_at: string;
}

/** The always-open rating (migration 0604). */
export interface OpenRatingTable {
  id: string;
  agency_id: string;
  /** `agency` (the four criteria) or `item` (one published catalog item). */
  target: string;
  item_id: string | null;
  accuracy: number | null;
  timeliness: number | null;
  procedure: number | null;
  institution: number | null;
  useful: number | null;
  score: number | null;
  comment: string | null;
  /** `none`, `pending`, `approved` or `rejected`: only approved comments are shown to the public. */
  comment_status: string;
  moderation_reason: string | null;
  moderated_at: string | null;
  submitted_at: string;
  rated_on: string;
}

interface RatingTables {
  open_ratings: OpenRatingTable;
  rating_campaigns: RatingCampaignTable;
  rating_campaign_agencies: RatingCampaignAgencyTable;
  rating_invitations: RatingInvitationTable;
  rating_responses: RatingResponseTable;
}

// Joins these tables into the one Kysely schema (platform/db/schema.ts imports no capability).
declare module '../platform/db/schema.js' {
  interface Database extends InteractionTables {}
}
