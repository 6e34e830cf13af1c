import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { auditDocument } from '../../src/audit/audit.js';
import { publishedText, SEED } from '../../src/audit/testing.js';
import { lyingSizes, manyPagesPdf, zipBombDocx } from '../support/bombs.js';
import { SESSION_COOKIE } from '../../src/web/app.js';
import { freshDatabase } from '../support/db.js';
import { Browser, csrfOf, demoApp } from '../support/http.js';
import type { DatabaseHandle } from '../../src/platform/db/database.js';

type Part = string | { fileName: string; data: Buffer };

/** A multipart/form-data body as a browser sends it for <form enctype="multipart/form-data">. */
function multipart(parts: Record<string, Part>): { payload: Buffer; contentType: string } {
  const boundary = '----gongkaiTestBoundary7MA4YWxkTrZu0gW';
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(parts)) {
    if (typeof value === 'string') {
      chunks.push(
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
      );
    } else {
      chunks.push(
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${value.fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
        ),
        value.data,
        Buffer.from('\r\n'),
      );
    }
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

const noFile = { fileName: '', data: Buffer.alloc(0) };
const seedText = publishedText(SEED);

let handle: DatabaseHandle;
let app: FastifyInstance;
before(async () => {
  handle = await freshDatabase('sqlite');
  ({ app } = await demoApp(handle));
});
after(async () => {
  await app?.close();
  await handle?.close();
});

async function signedIn(username: string) {
  const browser = new Browser(app);
  await browser.login(username);
  const page = await browser.get('/admin/audit');
  const post = (parts: Record<string, Part>) => {
    const { payload, contentType } = multipart(parts);
    return app.inject({
      method: 'POST',
      url: '/admin/audit',
      payload,
      headers: { 'content-type': contentType },
      cookies: { [SESSION_COOKIE]: browser.cookie(SESSION_COOKIE)! },
    });
  };
  return { browser, page, post };
}

void test('a supervisor pastes the seed and sees the findings beside the document, lines marked', async () => {
  const { page, post } = await signedIn('gz-supervisor');
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /<a href="\/admin\/audit"[^>]*>年报审查<\/a>/);
  assert.match(page.body, /enctype="multipart\/form-data"/);
  const res = await post({ _csrf: csrfOf(page.body), text: seedText, file: noFile, year: '', province: '' });
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /审查结果/);
  assert.match(res.body, /固镇县仲兴乡人民政府/);
  assert.match(res.body, /<code>section\.missing<\/code>/);
  assert.match(res.body, /<code>table\.row_missing<\/code>/);
  // The copied 自治区 text: the finding links to its line, and that line is marked and links back.
  const copied = /<li id="F(\d+)">(?:(?!<\/li>).)*?<code>content\.copied<\/code> <a href="#L(\d+)">/s.exec(
    res.body,
  );
  assert.ok(copied, 'content.copied finding with a link to its line');
  const [, k, line] = copied;
  const marked = new RegExp(
    `<li id="L${line}" value="${line}" class="audit-hit"><span class="audit-refs">(?:<a href="#F\\d+">问题 \\d+</a>)*<a href="#F${k}">问题 ${k}</a>.*?<mark>[^<]*自治区`,
    's',
  );
  assert.match(res.body, marked);
  assert.equal(seedText.split('\n')[Number(line) - 1]!.includes('自治区'), true);
});

void test('an uploaded file is audited; an unreadable one is reported as such', async () => {
  const { page, post } = await signedIn('admin');
  const csrf = csrfOf(page.body);
  const ok = await post({
    _csrf: csrf,
    text: '',
    file: { fileName: 'zhongxing.txt', data: Buffer.from(seedText) },
  });
  assert.equal(ok.statusCode, 200);
  assert.match(ok.body, /审查结果：zhongxing\.txt/);
  assert.match(ok.body, /<dd>2020<\/dd>/);
  const bad = await post({
    _csrf: csrf,
    text: '',
    file: { fileName: 'x.pdf', data: Buffer.from('%PDF-1.4 broken') },
  });
  assert.equal(bad.statusCode, 200);
  assert.match(bad.body, /<code>document\.unreadable<\/code>/);
  assert.match(bad.body, /文档没有可读的文字/);
});

void test('bad input: an error summary in Chinese, the pasted text kept', async () => {
  const { page, post } = await signedIn('gz-supervisor');
  const csrf = csrfOf(page.body);
  const empty = await post({ _csrf: csrf, text: '  ', file: noFile });
  assert.equal(empty.statusCode, 400);
  assert.match(empty.body, /class="error-summary"/);
  assert.match(empty.body, /<a href="#f-text">请粘贴年报文本，或选择要上传的年报文件。<\/a>/);
  const both = await post({
    _csrf: csrf,
    text: '一、总体情况',
    file: { fileName: 'a.txt', data: Buffer.from('x') },
    year: '20x3',
  });
  assert.equal(both.statusCode, 400);
  assert.match(both.body, /请只粘贴文本或只上传文件/);
  assert.match(both.body, /报告年度应为四位年份/);
  assert.match(both.body, /<textarea[^>]*>一、总体情况<\/textarea>/);
  const big = await post({
    _csrf: csrf,
    file: { fileName: 'big.txt', data: Buffer.alloc(10 * 1024 * 1024 + 1, 0x41) },
  });
  assert.equal(big.statusCode, 400);
  assert.match(big.body, /上传的文件超过 10 MB/);
});

void test('CSRF: a multipart POST without the token, or with a wrong one, is refused', async () => {
  const { post } = await signedIn('gz-supervisor');
  const none = await post({ text: seedText, file: noFile });
  assert.equal(none.statusCode, 403);
  assert.match(none.body, /页面已过期或来源无法验证/);
  assert.doesNotMatch(none.body, /审查结果/);
  const wrong = await post({ _csrf: 'x'.repeat(43), text: seedText });
  assert.equal(wrong.statusCode, 403);
});

void test('only supervisors and platform admins: others are refused and see no menu entry', async () => {
  const editor = new Browser(app);
  await editor.login('zx-editor');
  const refused = await editor.get('/admin/audit');
  assert.equal(refused.statusCode, 403);
  const home = await editor.get('/admin/');
  assert.doesNotMatch(home.body, /年报审查/);
  // Anonymous: GET goes to the login page; a POST is refused before any upload is read.
  const anon = await app.inject({ url: '/admin/audit' });
  assert.equal(anon.statusCode, 302);
  const { payload, contentType } = multipart({ text: seedText });
  const post = await app.inject({
    method: 'POST',
    url: '/admin/audit',
    payload,
    headers: { 'content-type': contentType },
  });
  assert.equal(post.statusCode, 401);
});

describe('saving an audit for a supervised agency and year', () => {
  const idOf = async (segment: string) =>
    (
      await handle.db
        .selectFrom('agencies')
        .select('id')
        .where('path_segment', '=', segment)
        .executeTakeFirstOrThrow()
    ).id;
  const saved = async () =>
    Number(
      (await handle.db
        .selectFrom('stored_audits')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirst())!.n,
    );

  void test('offers only supervised agencies; saves; lists per agency; shows in the roll-up', async () => {
    const zhongxing = await idOf('zhongxing');
    const bengbu = await idOf('bengbu');
    const { page, post, browser } = await signedIn('gz-supervisor');
    assert.match(page.body, new RegExp(`<option value="${zhongxing}">固镇县仲兴乡人民政府</option>`));
    assert.doesNotMatch(page.body, new RegExp(`<option value="${bengbu}"`));
    const before = await saved();
    const res = await post({ _csrf: csrfOf(page.body), text: seedText, file: noFile, saveAgency: zhongxing });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /审查结果已保存/);
    const href = /<a href="(\/admin\/audit\/saved\/[^"]+)">查看保存的审查结果<\/a>/.exec(res.body)?.[1];
    assert.ok(href);
    assert.equal(await saved(), before + 1);

    // The counts, worked out here from the audit itself, on the saved page and in the roll-up.
    const audit = await auditDocument(new TextEncoder().encode(seedText), '粘贴的文本.txt');
    const errors = audit.findings.filter((f) => f.severity === 'error').length;
    const warnings = audit.findings.filter((f) => f.severity === 'warning').length;
    const one = await browser.get(href);
    assert.equal(one.statusCode, 200);
    assert.match(one.body, new RegExp(`<dd id="saved-counts">${errors} 个错误，${warnings} 个警告`));
    assert.match(one.body, /<code>content\.copied<\/code>/);
    const list = await browser.get(`/admin/audit/saved?agency=${zhongxing}`);
    assert.match(list.body, new RegExp(`<a href="${href}">2020</a>`));
    const rollup = await browser.get('/admin/annual-reports?year=2020');
    assert.equal(rollup.statusCode, 200);
    assert.match(rollup.body, /<th scope="col">外部发布年报审查<\/th>/);
    assert.match(rollup.body, new RegExp(`<a href="${href}">错误 ${errors}，警告 ${warnings}</a>`));
    // Not for another supervisor's agencies: the saved audit is not found outside the user's scope.
    const zxAdmin = new Browser(app);
    await zxAdmin.login('zx-admin');
    assert.equal((await zxAdmin.get(href)).statusCode, 403);
  });

  void test('an agency outside the scope, or no reporting year: refused, nothing stored', async () => {
    const bengbu = await idOf('bengbu');
    const zhongxing = await idOf('zhongxing');
    const { page, post } = await signedIn('gz-supervisor');
    const csrf = csrfOf(page.body);
    const before = await saved();
    const outside = await post({ _csrf: csrf, text: seedText, file: noFile, saveAgency: bengbu });
    assert.equal(outside.statusCode, 403);
    assert.match(outside.body, /不是该机关的主管部门/);
    const noYear = await post({
      _csrf: csrf,
      text: '一、总体情况\n本机关认真贯彻落实《条例》。',
      file: noFile,
      saveAgency: zhongxing,
    });
    assert.equal(noYear.statusCode, 400);
    assert.match(noYear.body, /<a href="#f-year">保存审查结果需要报告年度/);
    const badYear = await post({
      _csrf: csrf,
      text: seedText,
      file: noFile,
      year: '20x0',
      saveAgency: zhongxing,
    });
    assert.equal(badYear.statusCode, 400);
    assert.equal(await saved(), before);
  });
});

void test('hostile files end in the sandbox: 422 naming the limit, and the page still answers', async () => {
  const { page, post, browser } = await signedIn('gz-supervisor');
  const csrf = csrfOf(page.body);
  const bombs: [string, Buffer, RegExp][] = [
    ['bomb.docx', await zipBombDocx(200), /文件解压后超过 100 MB，已停止读取/],
    ['liar.docx', lyingSizes(await zipBombDocx(200)), /文件解压后超过 100 MB，已停止读取/],
    ['pages.pdf', manyPagesPdf(10_000), /PDF 超过 500 页，已停止读取/],
  ];
  for (const [fileName, data, message] of bombs) {
    const res = await post({ _csrf: csrf, text: '', file: { fileName, data } });
    assert.equal(res.statusCode, 422, fileName);
    assert.match(res.body, /class="error-summary"/);
    assert.match(res.body, message);
  }
  assert.equal((await browser.get('/admin/audit')).statusCode, 200);
});
