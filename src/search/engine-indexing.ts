/**
 * The engine's writing side: a document in (`upsert`), out (`remove`), and the adapter's bigrams rebuilt from
 * the stored documents (`rebuild`). The document row and the adapter's bigrams change in the same
 * transaction, the caller's.
 */
import type { Queryable } from '../platform/db/database.js';
import { validationFailed } from '../platform/errors.js';
import type { GramStore } from './gram-store.js';
import { fieldSeparator } from './grams.js';
import { lookupKey, normalise } from './normalise.js';
import type { SearchDoc } from './search-index.js';
import { searchStore } from './search.store.js';

const dayMs = 86_400_000;
const perDay = 2 ** 24;

export function documentText(doc: SearchDoc): string {
  return [doc.title, doc.docNo, doc.indexNo, doc.summary, doc.body, ...doc.attachments]
    .map(normalise)
    .join(fieldSeparator);
}

/** Publication day × 2^24 + counter: newest first is descending seq. */
async function nextSeq(db: Queryable, publishedOn: string): Promise<number> {
  const n = await searchStore.bumpCounter(db);
  const day = Math.floor(Date.parse(`${publishedOn}T00:00:00Z`) / dayMs);
  return day * perDay + (n % perDay);
}

export async function removeDoc(grams: GramStore, db: Queryable, id: string): Promise<void> {
  const existing = await searchStore.seqOf(db, id);
  if (!existing) return;
  await grams.erase(db, Number(existing.seq));
  await searchStore.deleteDoc(db, id);
}

export async function upsertDoc(grams: GramStore, db: Queryable, doc: SearchDoc): Promise<void> {
  if (doc.status === 'withdrawn') return removeDoc(grams, db, doc.id);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(doc.publishedOn))
    throw validationFailed({ publishedOn: '发布日期应为 YYYY-MM-DD 格式' }, '发布日期应为 YYYY-MM-DD 格式。');
  const existing = await searchStore.seqAndDayOf(db, doc.id);
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
    // A new publication day moves the document in the newest-first order; otherwise it keeps its place.
    seq =
      existing.published_on === doc.publishedOn ? Number(existing.seq) : await nextSeq(db, doc.publishedOn);
    await searchStore.updateDoc(db, doc.id, { ...row, seq });
  } else {
    seq = await nextSeq(db, doc.publishedOn);
    await searchStore.insertDoc(db, { id: doc.id, seq, ...row });
  }
  await grams.write(db, seq, norm, row.title_key);
}

export async function rebuildGrams(
  grams: GramStore,
  db: Queryable,
  progress?: (done: number, total: number) => void,
): Promise<number> {
  const total = await searchStore.countDocs(db);
  let done = 0;
  let after = -1;
  for (;;) {
    const batch = await searchStore.docsAfter(db, after, 500);
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
