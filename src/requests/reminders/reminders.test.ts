import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { addUser } from '../../agencies/add-user.js';
import { systemActor } from '../../platform/actor.js';
import type { AppContext } from '../../platform/context.js';
import { describeEachDatabase } from '../../../test/support/db.js';
import { testConfig, testContext } from '../../../test/support/context.js';
import { makeAgency, person, staff } from '../../../test/support/request-cases.js';
import { registerApplication } from '../actions/register-application.js';
import { reminderDue } from './reminders.js';
import { sendRequestReminders } from './reminders.job.js';
import { smtpSender } from './reminders-mail.js';

interface Received {
  from: string;
  to: string[];
  data: string;
}

/** A tiny SMTP server (RFC 5321 happy path, no TLS, no AUTH) that keeps what it is sent. */
function smtpServer(): { server: Server; received: Received[] } {
  const received: Received[] = [];
  const server = createServer((socket) => {
    let buffer = '';
    let inData = false;
    let current: Received = { from: '', to: [], data: '' };
    socket.write('220 test ESMTP\r\n');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      for (;;) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end < 0) return;
          current.data = buffer.slice(0, end);
          buffer = buffer.slice(end + 5);
          inData = false;
          received.push(current);
          current = { from: '', to: [], data: '' };
          socket.write('250 queued\r\n');
          continue;
        }
        const nl = buffer.indexOf('\r\n');
        if (nl < 0) return;
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO' || verb === 'HELO') socket.write('250 test\r\n');
        else if (verb === 'MAIL') {
          current.from = line;
          socket.write('250 ok\r\n');
        } else if (verb === 'RCPT') {
          current.to.push(/<([^>]*)>/.exec(line)?.[1] ?? '');
          socket.write('250 ok\r\n');
        } else if (verb === 'DATA') {
          inData = true;
          socket.write('354 go on\r\n');
        } else if (verb === 'QUIT') socket.end('221 bye\r\n');
        else socket.write('250 ok\r\n');
      }
    });
  });
  return { server, received };
}

/** The decoded text body of a single-part message sent with base64 text encoding. */
const bodyOf = (data: string) => {
  const [, body = ''] = data.split('\r\n\r\n');
  return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
};

test('a reminder is due once per due date and kind', () => {
  const c = { due_date: '2025-03-31', open: 1, paused: 0, reminder_key: null };
  assert.equal(reminderDue(c, '2025-03-20', '2025-03-27'), undefined); // more than 5 working days away
  assert.deepEqual(reminderDue(c, '2025-03-25', '2025-04-01'), {
    kind: 'due_soon',
    key: '2025-03-31:due_soon',
  });
  assert.equal(
    reminderDue({ ...c, reminder_key: '2025-03-31:due_soon' }, '2025-03-25', '2025-04-01'),
    undefined,
  );
  assert.deepEqual(reminderDue({ ...c, reminder_key: '2025-03-31:due_soon' }, '2025-04-01', '2025-04-09'), {
    kind: 'overdue',
    key: '2025-03-31:overdue',
  });
  assert.equal(reminderDue({ ...c, paused: 1 }, '2025-04-01', '2025-04-09'), undefined);
});

describeEachDatabase('reminder e-mails', ({ handle }) => {
  const { server, received } = smtpServer();
  let port = 0;
  let now = '2025-03-03T02:00:00Z';
  let ctx: AppContext;
  let agencyId = '';
  let handlerId = '';
  before(async () => {
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
    ctx = testContext(handle(), {
      now: () => new Date(now),
      config: testConfig({
        SMTP_HOST: '127.0.0.1',
        SMTP_PORT: String(port),
        SMTP_FROM: 'gongkai@example.gov.cn',
      }),
    });
    agencyId = await makeAgency(ctx, { email: 'office@example.gov.cn' });
    ({ userId: handlerId } = await addUser(ctx, systemActor(), {
      username: 'mailhandler',
      displayName: '经办人',
      email: 'handler@example.gov.cn',
      password: 'Correct-Horse-9',
      grants: [{ agencyId, role: 'case_handler' }],
    }));
  });
  after(() => new Promise<void>((r) => server.close(() => r())));

  test('without SMTP nothing is sent', async () => {
    const noSmtp = { ...ctx, config: testConfig() };
    assert.equal(smtpSender(noSmtp.config), undefined);
    assert.equal(await sendRequestReminders(noSmtp), 0);
  });

  test('due soon and then overdue: one e-mail each, to the office when nobody is assigned', async () => {
    now = '2025-03-03T02:00:00Z';
    const c = await registerApplication(ctx, staff(agencyId, 'x', 'case_handler'), agencyId, {
      ...person,
      channel: 'in_person',
    });
    // Registered by a user without an account row: assignee has no e-mail, so the office gets it.
    assert.equal(c.dueDate, '2025-03-31');
    now = '2025-03-10T02:00:00Z';
    assert.equal(await sendRequestReminders(ctx), 0, 'not yet due soon');
    now = '2025-03-25T02:00:00Z';
    const before = received.length;
    assert.equal(await sendRequestReminders(ctx), 1);
    assert.equal(await sendRequestReminders(ctx), 0, 'never twice for the same deadline');
    assert.equal(received.length, before + 1);
    const mail = received.at(-1)!;
    assert.deepEqual(mail.to, ['office@example.gov.cn']);
    assert.match(mail.from, /gongkai@example\.gov\.cn/);
    const text = bodyOf(mail.data);
    assert.match(text, /2024年仲兴乡农村道路建设项目资金使用情况/);
    assert.match(text, /2025年3月31日/);
    assert.ok(text.includes(`/admin/requests/${c.caseId}`));
    assert.ok(!text.includes('张'), 'no applicant name in the e-mail');
    now = '2025-04-01T02:00:00Z';
    assert.equal(await sendRequestReminders(ctx), 1);
    assert.match(bodyOf(received.at(-1)!.data), /已过/);
  });

  test('an assigned handler with an e-mail gets the reminder', async () => {
    now = '2025-04-01T02:00:00Z';
    await registerApplication(ctx, staff(agencyId, handlerId, 'case_handler'), agencyId, {
      ...person,
      channel: 'in_person',
    });
    now = '2025-04-25T02:00:00Z';
    const before = received.length;
    await sendRequestReminders(ctx);
    assert.ok(received.slice(before).some((m) => m.to[0] === 'handler@example.gov.cn'));
  });
});
