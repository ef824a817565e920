// Every job Erasure runs: its name (a public contract, never renamed once shipped), its payload and its queue.
// Payloads are ids, never rows or personal information; a worker re-reads what it needs.
import { z } from 'zod';
import { type MailTemplate, mailTemplates } from '../mail/mailTemplates';

const RequestPayload = z.object({ requestId: z.string().uuid() }).strict();

export const jobPayloads = {
  'request.locate': RequestPayload,
  'request.redact': RequestPayload,
  'mail.render': z
    .object({
      requestId: z.string().uuid(),
      template: z.enum(mailTemplates as [MailTemplate, ...MailTemplate[]]),
      /** The moderator's question as it was asked: asking again must not rewrite an earlier email. */
      question: z.string().optional(),
    })
    .strict(),
  'mail.send': z.object({ mailId: z.string().uuid() }).strict(),
  /** The alert to one admin that the forum database stays unreachable (mail/forumOutageAlert.ts). */
  'mail.forum-outage': z.object({ outageId: z.string().uuid(), accountId: z.string().uuid() }).strict(),
  'maintenance.expire-unverified': z.object({}).strict(),
  'maintenance.reconcile': z.object({}).strict(),
  'maintenance.moderator-digest': z.object({}).strict(),
  'maintenance.remove-expired-sessions': z.object({}).strict(),
  /** Retention: identifiers and free text of requests closed more than RETENTION_DAYS ago (store/retention.ts). */
  'maintenance.erase-closed-identifiers': z.object({}).strict(),
  /** Check a created or edited post against the fingerprints completed requests kept (domain/recheckPost.ts). */
  'post.recheck': z.object({ postId: z.string().min(1).max(200) }).strict(),
  // Webhooks out: one signed POST of a webhook_deliveries row to FORUM_WEBHOOK_URL.
  'webhook.deliver': z.object({ deliveryId: z.string().uuid() }).strict(),
  /** A webhook the forum sent, recorded in forum_events: the worker re-reads it by the forum's event id. */
  'forum.event': z.object({ eventId: z.string().min(1).max(100) }).strict(),
} as const;

export type JobName = keyof typeof jobPayloads;
export type JobOf<N extends JobName> = z.infer<(typeof jobPayloads)[N]>;

export const queueNames = ['requests', 'mail-send', 'maintenance', 'webhooks'] as const;
export type QueueName = (typeof queueNames)[number];

/** Only the SMTP send retries with a long backoff; the rest retry quickly and land in needs_attention if they keep failing. */
export const jobQueue: Record<JobName, QueueName> = {
  'request.locate': 'requests',
  'request.redact': 'requests',
  'mail.render': 'requests',
  'mail.send': 'mail-send',
  'mail.forum-outage': 'mail-send',
  'maintenance.expire-unverified': 'maintenance',
  'maintenance.reconcile': 'maintenance',
  'maintenance.moderator-digest': 'maintenance',
  'maintenance.remove-expired-sessions': 'maintenance',
  'maintenance.erase-closed-identifiers': 'maintenance',
  'post.recheck': 'requests',
  'webhook.deliver': 'webhooks',
  'forum.event': 'requests',
};

export function parsePayload<N extends JobName>(name: N, payload: unknown): JobOf<N> {
  return jobPayloads[name].parse(payload) as JobOf<N>;
}

export const isJobName = (name: string): name is JobName => name in jobPayloads;
