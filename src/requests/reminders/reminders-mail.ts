/**
 * Sending reminder e-mails through the configured SMTP server (nodemailer). Without SMTP_HOST there is no
 * transport and nothing is sent; the admin still shows the due-soon and overdue queues and warnings.
 */
import nodemailer from 'nodemailer';
import type { Config } from '../../config.js';
import type { ReminderMail } from './reminders.js';

export type SendMail = (to: string, mail: ReminderMail) => Promise<void>;

export function smtpSender(config: Config): SendMail | undefined {
  const smtp = config.smtp;
  if (!smtp) return undefined;
  const transport = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    ...(smtp.user ? { auth: { user: smtp.user, pass: smtp.password ?? '' } } : {}),
  });
  return async (to, mail) => {
    await transport.sendMail({
      from: smtp.from,
      to,
      subject: mail.subject,
      text: mail.text,
      // Base64 keeps long Chinese lines intact through any relay.
      textEncoding: 'base64',
    });
  };
}
