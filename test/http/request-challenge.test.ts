/**
 * The accessible challenge on the public application form: absent up to the configured number of submissions
 * from one source within the hour, then a labelled text question (no image, no outside service) that must be
 * answered; other sources are not affected; the honeypot still refuses robots.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { loadDemo } from '../../src/demo/load-demo.js';
import type { AppContext } from '../../src/platform/context.js';
import { challengeAnswered, newChallenge } from '../../src/requests/actions/abuse-challenge.js';
import { buildApp } from '../../src/web/app.js';
import { appServices } from '../../src/app/services.js';
import { testConfig, testContext } from '../support/context.js';
import { describeEachDatabase } from '../support/db.js';
import { Browser } from '../support/http.js';
import { testNow } from '../support/clock.js';

const application = {
  applicantKind: 'natural',
  name: '孙八',
  idType: 'resident_id',
  idNumber: '11010519491231002X',
  phone: '13800001357',
  infoTitle: '仲兴乡2026年防汛物资采购清单',
  form: 'electronic',
  delivery: 'online',
  website: '',
};
const NUMERALS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const THRESHOLD = 2;

describeEachDatabase('accessible challenge above the volume threshold', ({ handle }) => {
  let app: FastifyInstance;
  let ctx: AppContext;
  let now = testNow().getTime();
  before(async () => {
    ctx = testContext(handle(), {
      config: testConfig({ REQUEST_CHALLENGE_THRESHOLD: String(THRESHOLD) }),
      now: () => new Date(now),
    });
    await loadDemo(ctx);
    app = await buildApp(ctx, appServices(), { logger: false });
  });
  after(async () => app.close());
  const cases = async () =>
    Number(
      (
        await ctx.db
          .selectFrom('request_cases')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  test('no challenge below the threshold; a labelled text question above it', async () => {
    const b = new Browser(app);
    for (let i = 0; i < THRESHOLD; i++) {
      const form = await b.get('/zhongxing/ysqgk/apply');
      assert.doesNotMatch(form.body, /challengeAnswer/, `submission ${i + 1} is below the threshold`);
      const sent = await b.submit('/zhongxing/ysqgk/apply', '/zhongxing/ysqgk/apply', application);
      assert.equal(sent.statusCode, 303);
    }
    const form = await b.get('/zhongxing/ysqgk/apply');
    const label = /<label for="f-challengeAnswer">验证问题：(.)加(.)等于几？<\/label>/.exec(form.body);
    assert.ok(label, 'the question is the label of its field');
    assert.doesNotMatch(form.body, /<img/, 'no image');
    assert.doesNotMatch(form.body, /<script/, 'no script, no outside service');

    const before = await cases();
    const missing = await b.submit('/zhongxing/ysqgk/apply', '/zhongxing/ysqgk/apply', application);
    assert.equal(missing.statusCode, 422);
    assert.match(missing.body, /class="error-summary"[\s\S]*href="#f-challengeAnswer">请回答验证问题/);
    assert.match(missing.body, /value="孙八"/, 'the form keeps what was typed');

    const ask = async () => {
      const page = await b.get('/zhongxing/ysqgk/apply');
      const [, x, y] = /验证问题：(.)加(.)等于几？/.exec(page.body)!;
      const token = /name="challengeToken" value="([^"]+)"/.exec(page.body)![1]!;
      return { answer: NUMERALS[x!]! + NUMERALS[y!]!, token };
    };
    let q = await ask();
    const wrong = await b.submit('/zhongxing/ysqgk/apply', '/zhongxing/ysqgk/apply', {
      ...application,
      challengeToken: q.token,
      challengeAnswer: String(q.answer + 1),
    });
    assert.equal(wrong.statusCode, 422);
    assert.match(wrong.body, /验证问题的答案不正确/);
    const forged = q.token.replace(/^(\d)\./, (_, d: string) => `${(Number(d) % 9) + 1}.`);
    const tampered = await b.submit('/zhongxing/ysqgk/apply', '/zhongxing/ysqgk/apply', {
      ...application,
      challengeToken: forged,
      challengeAnswer: String(q.answer),
    });
    assert.equal(tampered.statusCode, 422, 'a token altered to match another answer is refused');
    assert.equal(await cases(), before, 'nothing stored without the right answer');

    q = await ask();
    const fullWidth = String(q.answer).replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    const ok = await b.submit('/zhongxing/ysqgk/apply', '/zhongxing/ysqgk/apply', {
      ...application,
      challengeToken: q.token,
      challengeAnswer: fullWidth,
    });
    assert.equal(ok.statusCode, 303);
    assert.equal(await cases(), before + 1);

    const other = await app.inject({
      method: 'GET',
      url: '/zhongxing/ysqgk/apply',
      remoteAddress: '10.1.2.3',
    });
    assert.doesNotMatch(other.body, /challengeAnswer/, 'another source is not challenged');

    const bot = await b.submit('/zhongxing/ysqgk/apply', '/zhongxing/ysqgk/apply', {
      ...application,
      website: 'x',
    });
    assert.equal(bot.statusCode, 400, 'the honeypot still works');

    now += 61 * 60 * 1000;
    assert.doesNotMatch(
      (await b.get('/zhongxing/ysqgk/apply')).body,
      /challengeAnswer/,
      'an hour later the source is below the threshold again',
    );
  });

  test('a question expires after 30 minutes', () => {
    const c = newChallenge(ctx);
    const [a, b] = c.token.split('.').map(Number);
    assert.equal(challengeAnswered(ctx, c.token, String(a! + b!)), true);
    now += 31 * 60 * 1000;
    assert.equal(challengeAnswered(ctx, c.token, String(a! + b!)), false);
  });
});
