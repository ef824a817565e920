// Sends a rendered email: over SMTP when an SMTP URL is configured, otherwise into the outbox folder as .eml files.
// The Message-ID comes from our mail row, so a retried send is recognisably the same message, not a new one.
import { access, constants, mkdir } from 'node:fs/promises';
import { createTransport, type SendMailOptions } from 'nodemailer';
import { writeOutboxFile } from './outboxFolder';

export { listOutbox, type OutboxEntry } from './outboxFolder';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** stable, from our mail row id, e.g. '<uuid@erasure>' */
  messageId: string;
}

export interface MailSender {
  send(mail: OutgoingMail): Promise<void>;
  /** Checks that mail can go out (SMTP connection and login, or a writable outbox folder). */
  verify(): Promise<void>;
  close(): void;
}

export interface MailSenderOptions {
  /** smtp:// or smtps://, credentials in the URL; unset means the outbox folder. */
  smtpUrl?: string;
  outboxDir: string;
  from: string;
}

export function createMailSender(options: MailSenderOptions): MailSender {
  return options.smtpUrl ? createSmtpSender(options.smtpUrl, options.from) : createOutboxSender(options.outboxDir, options.from);
}

function createSmtpSender(smtpUrl: string, from: string): MailSender {
  // Pooled: a mail worker sends one message after another, and a new TLS handshake each time is waste.
  const transport = createTransport({ url: smtpUrl, pool: true });
  return {
    async send(mail) {
      await transport.sendMail(messageOf(mail, from));
    },
    async verify() {
      await transport.verify();
    },
    close() {
      transport.close();
    },
  };
}

function createOutboxSender(outboxDir: string, from: string): MailSender {
  const transport = createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  return {
    async send(mail) {
      const info = await transport.sendMail(messageOf(mail, from));
      if (!Buffer.isBuffer(info.message)) throw new Error('the stream transport did not return the message as a buffer');
      await writeOutboxFile(outboxDir, mail.messageId, info.message);
    },
    async verify() {
      await mkdir(outboxDir, { recursive: true });
      await access(outboxDir, constants.W_OK);
    },
    close() {
      transport.close();
    },
  };
}

function messageOf(mail: OutgoingMail, from: string): SendMailOptions {
  return {
    from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    messageId: mail.messageId,
    // RFC 3834: tells mail servers and autoresponders that no human sent this, so they do not answer it.
    headers: { 'Auto-Submitted': 'auto-generated' },
  };
}
