/**
 * The search engine over `search_docs`, shared by both adapters. An adapter supplies only how bigrams are
 * stored and matched (FTS5 phrases on SQLite, GIN arrays + substring check on PostgreSQL).
 *
 * Ranking never ranks every match: common terms match a large share of a province's items. The candidate
 * set is bounded — the newest `candidateLimit` matches, the newest `candidateLimit` title matches and the
 * exact 文号/index-number matches — and ranked in memory; the remaining matches follow in date order, so
 * paging still reaches every match (no recall loss).
 */
import { sql, type RawBuilder } from 'kysely';
import type { Queryable } from '../platform/db/database.js';
import { validationFailed } from '../platform/errors.js';
import { fieldSeparator, indexable } from './grams.js';
import { lookupKey, normalise, queryTerms } from './normalise.js';
import { rank, snippet, type Candidate } from './rank.js';
import type {
  SearchDoc,
  SearchFilters,
  SearchHit,
  SearchIndex,
  SearchQuery,
  SearchResult,
} from './search-index.js';

export interface MatchPlan {
  /** FROM clause naming the documents `d`. */
  from: RawBuilder<unknown>;
  /** Condition that holds exactly for documents containing every term. */
  where: RawBuilder<unknown>;
  /** Newest first, in the order the index yields cheaply. */
  newestFirst: RawBuilder<unknown>;
}

export interface NewestRequest {
  terms: string[];
  titleOnly: boolean;
  filters: RawBuilder<unknown>;
  /** Selected columns (`d.` prefixed). */
  columns: RawBuilder<unknown>;
  limit: number;
  skip: number;
  exclude: string[];
}

export interface GramStore {
  write(db: Queryable, seq: number, norm: string, titleKey: string): Promise<void>;
  erase(db: Queryable, seq: number): Promise<void>;
  /** Matching plan for terms; all terms have ≥ 1 character and at least one is indexable. */
  plan(terms: string[], titleOnly: boolean): MatchPlan;
  /**
   * An adapter's own "newest matches first" when the plain ORDER BY … LIMIT of `plan` is not cheap on its
   * database (PostgreSQL: a bounded newest-first walk, then the GIN index with lazy verification).
   */
  newest?(db: Queryable, r: NewestRequest): Promise<Array<Candidate & { id: string }>>;
  /**
   * Whether counting the matches of `plan` up to the cap is cheap. When not, the total is taken from the
   * candidate fetch: exact below `candidateLimit` matches, otherwise "more than" it.
   */
  cheapCount?(terms: string[]): boolean;
}

export const maxPageSize = 50;
const keyColumns = sql.raw('d.id, d.seq, d.title_key, d.doc_no_key, d.index_no_key');
const hitColumns = sql.raw(
  'd.id, d.seq, d.agency_id, d.title, d.doc_no, d.index_no, d.published_on, d.status, d.validity, d.title_key, d.doc_no_key, d.index_no_key, d.norm',
);

interface Row extends Candidate {
  norm: string;
  id: string;
  agency_id: string;
  title: string;
  doc_no: string;
  index_no: string;
  published_on: string;
  status: string;
  validity: string | null;
}

export interface EngineOptions {
  candidateLimit?: number;
  totalCap?: number;
  /** Count every query's matches up to the cap even where the adapter finds counting dear (benchmarks). */
  alwaysCount?: boolean;
}

const dayMs = 86_400_000;
const perDay = 2 ** 24;

export function documentText(doc: SearchDoc): string {
  return [doc.title, doc.docNo, doc.indexNo, doc.summary, doc.body, ...doc.attachments]
    .map(normalise)
    .join(fieldSeparator);
}

export function createEngine(grams: GramStore, options: EngineOptions = {}): SearchIndex {
  const candidateLimit = options.candidateLimit ?? 100;
  const totalCap = options.totalCap ?? 1_000;

  async function nextSeq(db: Queryable, publishedOn: string): Promise<number> {
    // The counter row serialises concurrent publishers, so two transactions never take the same seq.
    const row = await db
      .updateTable('search_counter')
      .set({ n: sql`n + 1` })
      .where('id', '=', 1)
      .returning('n')
      .executeTakeFirstOrThrow();
    const day = Math.floor(Date.parse(`${publishedOn}T00:00:00Z`) / dayMs);
    return day * perDay + (Number(row.n) % perDay);
  }

  async function remove(db: Queryable, id: string): Promise<void> {
    const existing = await db.selectFrom('search_docs').select('seq').where('id', '=', id).executeTakeFirst();
    if (!existing) return;
    await grams.erase(db, Number(existing.seq));
    await db.deleteFrom('search_docs').where('id', '=', id).execute();
  }

  async function upsert(db: Queryable, doc: SearchDoc): Promise<void> {
    if (doc.status === 'withdrawn') return remove(db, doc.id);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(doc.publishedOn))
      throw validationFailed(
        { publishedOn: '发布日期应为 YYYY-MM-DD 格式' },
        '发布日期应为 YYYY-MM-DD 格式。',
      );
    const existing = await db
      .selectFrom('search_docs')
      .select(['seq', 'published_on'])
      .where('id', '=', doc.id)
      .executeTakeFirst();
    const norm = documentText(doc);
    const row = {
      agency_id: doc.agencyId,
      column_id: doc.columnId,
      subject: doc.subject,
      kind: doc.kind,
      validity: doc.validity,
      status: doc.status,
      published_on: doc.publishedOn,
      year: Number(doc.publishedOn.slice(0, 4)),
      title: doc.title,
      doc_no: doc.docNo,
      index_no: doc.indexNo,
      title_key: normalise(doc.title),
      doc_no_key: lookupKey(doc.docNo),
      index_no_key: lookupKey(doc.indexNo),
      norm,
    };
    let seq: number;
    if (existing) {
      await grams.erase(db, Number(existing.seq));
      seq =
        existing.published_on === doc.publishedOn ? Number(existing.seq) : await nextSeq(db, doc.publishedOn);
      await db
        .updateTable('search_docs')
        .set({ ...row, seq })
        .where('id', '=', doc.id)
        .execute();
    } else {
      seq = await nextSeq(db, doc.publishedOn);
      await db
        .insertInto('search_docs')
        .values({ id: doc.id, seq, ...row })
        .execute();
    }
    await grams.write(db, seq, norm, row.title_key);
  }

  async function subtree(db: Queryable, agencyId: string): Promise<string[]> {
    const rows = await sql<{ id: string }>`
      WITH RECURSIVE sub(id) AS (
        SELECT id FROM agencies WHERE id = ${agencyId}
        UNION ALL SELECT a.id FROM agencies a JOIN sub ON a.parent_id = sub.id
      ) SELECT id FROM sub`.execute(db);
    return rows.rows.length ? rows.rows.map((r) => r.id) : [agencyId];
  }

  async function filterSql(db: Queryable, f: SearchFilters): Promise<RawBuilder<unknown>> {
    const parts: RawBuilder<unknown>[] = [
      f.includeDrafts ? sql`d.status IN ('published', 'draft')` : sql`d.status = 'published'`,
    ];
    if (f.agencyId) {
      const ids = await subtree(db, f.agencyId);
      parts.push(sql`d.agency_id IN (${sql.join(ids)})`);
    }
    if (f.agencyIds)
      parts.push(f.agencyIds.length ? sql`d.agency_id IN (${sql.join([...f.agencyIds])})` : sql`1 = 0`);
    if (f.columnId) parts.push(sql`d.column_id = ${f.columnId}`);
    if (f.subject) parts.push(sql`d.subject = ${f.subject}`);
    if (f.kind) parts.push(sql`d.kind = ${f.kind}`);
    if (f.year) parts.push(sql`d.year = ${f.year}`);
    if (f.validity) parts.push(sql`d.validity = ${f.validity}`);
    return sql.join(parts, sql` AND `);
  }

  function toHit(r: Row, terms: string[], wholeKey: string): SearchHit {
    return {
      id: r.id,
      agencyId: r.agency_id,
      title: r.title,
      docNo: r.doc_no,
      indexNo: r.index_no,
      publishedOn: r.published_on,
      status: r.status as SearchHit['status'],
      validity: r.validity as SearchHit['validity'],
      snippet: snippet(r.norm, terms),
      exact: wholeKey !== '' && (r.doc_no_key === wholeKey || r.index_no_key === wholeKey),
    };
  }

  async function lookupRows(db: Queryable, key: string, includeDrafts: boolean): Promise<Row[]> {
    if (!key) return [];
    const status = includeDrafts ? sql`d.status IN ('published', 'draft')` : sql`d.status = 'published'`;
    const r = await sql<Row>`SELECT ${hitColumns} FROM search_docs d
      WHERE (d.doc_no_key = ${key} OR d.index_no_key = ${key}) AND ${status} ORDER BY d.seq DESC LIMIT 20`.execute(
      db,
    );
    return r.rows;
  }

  async function query(db: Queryable, q: SearchQuery): Promise<SearchResult> {
    const terms = queryTerms(q.text ?? '');
    if (terms.length === 0) throw validationFailed({ q: '请输入检索词' }, '请输入检索词。');
    if (!terms.some(indexable))
      throw validationFailed(
        { q: '检索词至少两个字，例如“公开”而不是“公”' },
        '检索词至少需要两个字（单个字会匹配几乎所有信息）。',
      );
    const page = Math.max(1, Math.floor(q.page ?? 1));
    const pageSize = Math.min(maxPageSize, Math.max(1, Math.floor(q.pageSize ?? 10)));
    const sort = q.sort ?? 'relevance';
    const filters = await filterSql(db, q.filters ?? {});
    const wholeKey = lookupKey(q.text);
    const all = grams.plan(terms, false);

    const offset = q.offset !== undefined ? Math.max(0, Math.floor(q.offset)) : (page - 1) * pageSize;
    // n: matches counted (up to the cap); totalExact: whether n is every match.
    let n = 0;
    let totalExact = true;
    const countable = options.alwaysCount || (grams.cheapCount?.(terms) ?? true);
    if (countable) {
      const counted = await sql<{ n: number }>`SELECT count(*) AS n FROM (SELECT 1 FROM ${all.from}
        WHERE ${all.where} AND ${filters} LIMIT ${totalCap + 1}) x`.execute(db);
      n = Math.min(Number(counted.rows[0]?.n ?? 0), totalCap);
      totalExact = Number(counted.rows[0]?.n ?? 0) <= totalCap;
    }

    // Candidates carry only the short keys ranking needs; full rows are read for the page alone.
    const newest = async (
      plan: MatchPlan,
      limit: number,
      skip: number,
      exclude: string[] = [],
      titleOnly = false,
    ) =>
      grams.newest
        ? grams.newest(db, { terms, titleOnly, filters, columns: keyColumns, limit, skip, exclude })
        : (
            await sql<
              Candidate & { id: string }
            >`SELECT ${keyColumns} FROM ${plan.from} WHERE ${plan.where} AND ${filters}
        ${exclude.length ? sql`AND d.id NOT IN (${sql.join(exclude)})` : sql``}
        ORDER BY ${plan.newestFirst} LIMIT ${limit} OFFSET ${skip}`.execute(db)
          ).rows;

    let pageIds: string[];
    if (sort === 'date') {
      pageIds = (await newest(all, pageSize, offset)).map((r) => r.id);
      if (!countable) {
        // A full page may have more behind it: "more than" what was seen; a short page ends the matches.
        n = offset + pageIds.length;
        totalExact = pageIds.length < pageSize;
      }
    } else {
      const recent = await newest(all, candidateLimit, 0);
      if (!countable) {
        n = recent.length;
        totalExact = recent.length < candidateLimit;
      }
      const inTitle = await newest(grams.plan(terms, true), candidateLimit, 0, [], true);
      // The whole query is a 文号 or index number: those items contain every term, whatever the index says.
      const exact =
        wholeKey && terms.every((t) => wholeKey.includes(t))
          ? (
              await sql<Candidate & { id: string }>`SELECT ${keyColumns} FROM search_docs d
              WHERE (d.doc_no_key = ${wholeKey} OR d.index_no_key = ${wholeKey}) AND ${filters}
              ORDER BY d.seq DESC LIMIT 20`.execute(db)
            ).rows
          : [];
      const byId = new Map<string, Candidate & { id: string }>();
      for (const r of [...exact, ...inTitle, ...recent]) byId.set(r.id, r);
      const ranked = rank([...byId.values()], terms, wholeKey).map((r) => r.id);
      pageIds = ranked.slice(offset, offset + pageSize);
      if (pageIds.length < pageSize && (!totalExact || n > ranked.length)) {
        const rest = await newest(
          all,
          pageSize - pageIds.length,
          Math.max(0, offset - ranked.length),
          ranked,
        );
        pageIds.push(...rest.map((r) => r.id));
      }
    }
    const full = pageIds.length
      ? (
          await sql<Row>`SELECT ${hitColumns} FROM search_docs d WHERE d.id IN (${sql.join(pageIds)})`.execute(
            db,
          )
        ).rows
      : [];
    const byId = new Map(full.map((r) => [r.id, r]));
    const rows = pageIds.map((id) => byId.get(id)).filter((r): r is Row => !!r);
    return {
      terms,
      hits: rows.map((r) => toHit(r, terms, wholeKey)),
      total: n,
      totalIsExact: totalExact,
      page,
      pageSize,
      sort,
    };
  }

  async function lookup(db: Queryable, text: string, includeDrafts = false): Promise<SearchHit[]> {
    const key = lookupKey(text);
    return (await lookupRows(db, key, includeDrafts)).map((r) => toHit(r, queryTerms(text), key));
  }

  async function rebuild(db: Queryable, progress?: (done: number, total: number) => void): Promise<number> {
    const { n } = await db
      .selectFrom('search_docs')
      .select((e) => e.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const total = Number(n);
    let done = 0;
    let after = -1;
    for (;;) {
      const batch = await db
        .selectFrom('search_docs')
        .select(['seq', 'norm', 'title_key'])
        .where('seq', '>', after)
        .orderBy('seq')
        .limit(500)
        .execute();
      if (batch.length === 0) break;
      for (const r of batch) {
        await grams.erase(db, Number(r.seq));
        await grams.write(db, Number(r.seq), r.norm, r.title_key);
      }
      after = Number(batch[batch.length - 1]!.seq);
      done += batch.length;
      progress?.(done, total);
    }
    return done;
  }

  return { upsert, remove, query, lookup, rebuild };
}
