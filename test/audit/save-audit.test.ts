/** Saving an audit of an externally published report for an agency and year, on both databases. */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { before, it } from 'node:test';
import { agenciesStore } from '../../src/access/agencies.store.js';
import type { Actor } from '../../src/platform/actor.js';
import { auditDocument, type AuditResult } from '../../src/audit/audit.js';
import { saveAudit } from '../../src/audit/save-audit.js';
import { storedAuditsStore } from '../../src/audit/stored-audits.store.js';
import { publishedBytes, SEED, JIAXIAN } from '../../src/audit/testing.js';
import { loadDemo } from '../../src/demo/load-demo.js';
import type { AppContext } from '../../src/platform/context.js';
import { DomainError } from '../../src/platform/errors.js';
import { listEvents } from '../../src/platform/events.js';
import { describeEachDatabase } from '../support/db.js';
import { testContext } from '../support/context.js';

describeEachDatabase('saved audits', ({ handle, db }) => {
  let ctx: AppContext;
  let zhongxing: string;
  let bengbu: string;
  let supervisor: Actor;
  let seed: AuditResult;
  const seedBytes = publishedBytes(SEED);
  const rows = async () =>
    Number(
      (await db()
        .selectFrom('stored_audits')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirst())!.n,
    );
  let clock = Date.parse('2026-03-01T02:00:00Z');

  before(async () => {
    ctx = testContext(handle(), { now: () => new Date((clock += 60_000)) });
    await loadDemo(ctx);
    const all = await agenciesStore.all(ctx.db);
    zhongxing = all.find((a) => a.pathSegment === 'zhongxing')!.id;
    bengbu = all.find((a) => a.pathSegment === 'bengbu')!.id;
    const office = all.find((a) => a.pathSegment === 'guzhen-zfb')!.id;
    supervisor = {
      kind: 'user',
      userId: 'u-sup',
      label: '县政务公开办',
      grants: [{ agencyId: office, role: 'supervisor' }],
    };
    seed = await auditDocument(seedBytes, 'zhongxing-2020.txt');
  });

  it('stores the findings, counts, file name, SHA-256 and who/when, with an event', async () => {
    const id = await saveAudit(ctx, supervisor, {
      agencyId: zhongxing,
      year: '2020',
      result: seed,
      bytes: seedBytes,
    });
    const saved = (await storedAuditsStore.byId(ctx.db, id))!;
    assert.equal(saved.agencyId, zhongxing);
    assert.equal(saved.year, 2020);
    assert.equal(saved.fileName, 'zhongxing-2020.txt');
    assert.equal(saved.digest, createHash('sha256').update(seedBytes).digest('hex'));
    assert.deepEqual(saved.findings, seed.findings);
    assert.deepEqual(saved.notChecked, seed.notChecked);
    const errors = seed.findings.filter((f) => f.severity === 'error').length;
    assert.ok(errors > 0, 'the seed has error-level findings');
    assert.equal(saved.errors, errors);
    assert.equal(saved.warnings, seed.findings.filter((f) => f.severity === 'warning').length);
    assert.equal(saved.detectedYear, 2020);
    assert.equal(saved.auditedBy, 'u-sup');
    assert.equal(saved.auditedByLabel, '县政务公开办');
    const events = await listEvents(ctx.db, {
      agencyIds: [zhongxing],
      entityType: 'stored_audit',
      entityId: id,
    });
    assert.deepEqual(
      events.map((e) => [e.action, e.agencyId, e.data.year]),
      [['audit.saved', zhongxing, 2020]],
    );
  });

  it('lists an agency’s audits newest first; the roll-up takes the latest of the year', async () => {
    const other = await auditDocument(publishedBytes(JIAXIAN), 'second.txt');
    const second = await saveAudit(ctx, supervisor, {
      agencyId: zhongxing,
      year: 2020,
      result: other,
      bytes: publishedBytes(JIAXIAN),
    });
    const list = await storedAuditsStore.ofAgency(ctx.db, zhongxing);
    assert.deepEqual(
      list.map((a) => a.fileName),
      ['second.txt', 'zhongxing-2020.txt'],
    );
    const latest = await storedAuditsStore.latestOfYear(ctx.db, [zhongxing, bengbu], 2020);
    assert.equal(latest.get(zhongxing)?.id, second);
    assert.equal(latest.has(bengbu), false);
    assert.equal((await storedAuditsStore.latestOfYear(ctx.db, [zhongxing], 2021)).size, 0);
  });

  it('a supervisor cannot save for an agency outside its scope; nothing is stored', async () => {
    const before = await rows();
    await assert.rejects(
      saveAudit(ctx, supervisor, { agencyId: bengbu, year: 2020, result: seed, bytes: seedBytes }),
      (e: DomainError) => e.code === 'auth.forbidden' && /主管部门/.test(e.message),
    );
    assert.equal(await rows(), before);
  });

  it('bad input (no or invalid year, unknown agency) is refused in Chinese; nothing is stored', async () => {
    const before = await rows();
    for (const year of [undefined, '', '20x0', '1999', 20200]) {
      await assert.rejects(
        saveAudit(ctx, supervisor, { agencyId: zhongxing, year, result: seed, bytes: seedBytes }),
        (e: DomainError) => e.code === 'validation.failed' && /报告年度/.test(e.fields.year ?? ''),
      );
    }
    await assert.rejects(
      saveAudit(ctx, supervisor, { agencyId: 'no-such', year: 2020, result: seed, bytes: seedBytes }),
      (e: DomainError) => e.code === 'not_found',
    );
    assert.equal(await rows(), before);
  });
});
