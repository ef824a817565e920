// The OpenAPI 3.1 document served at GET /api/v1/openapi.json: the public JSON API (intake, status) and the forum
// webhook, built from the same zod schemas that check the requests, so the document cannot drift from the code.
import express, { type Router } from 'express';
import { z } from 'zod';
import { ForumEventEnvelope, forumEventData, forumEventTypes } from '../domain/forumEventPayloads';
import { NewRequest } from '../domain/newRequest';
import { Answer } from '../domain/requesterActions';
import { requestStates } from '../domain/lifecycle';
import { signatureHeader } from '../forum/webhookSignature';
import { forumWebhookPath, webhookBodyLimitBytes } from './webhookRoutes';

/** A schema as JSON Schema (2020-12, which OpenAPI 3.1 uses), as the client sends it: before defaults and trimming. */
const jsonSchema = (schema: z.ZodType) => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }) as Record<string, unknown>;
  return rest;
};

const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  code: z.string().describe('stable error code, such as validation_failed or signature_expired'),
  detail: z.string().describe('what went wrong and what to do about it'),
  errors: z.array(z.object({ field: z.string(), message: z.string() })).optional().describe('one entry per field to fix'),
});

const Created = z.object({ id: z.uuid(), statusUrl: z.url().describe('signed link to the request\'s status, also emailed') });

const StatusView = z.object({
  id: z.uuid(),
  state: z.enum(requestStates),
  createdAt: z.iso.datetime(),
  dueAt: z.iso.datetime(),
  closed: z.boolean(),
  posts: z.array(z.object({ id: z.string(), url: z.string(), status: z.enum(['pending', 'located', 'not_found', 'redacted']) })),
  question: z.string().nullable(),
  canWithdraw: z.boolean(),
  search: z.object({ scanned: z.number().int(), total: z.number().int() }).nullable(),
  refusal: z.object({ reason: z.string().nullable(), message: z.string().nullable() }).nullable(),
  timeline: z.array(z.object({}).passthrough()),
  lang: z.enum(['en', 'fr']),
});

const WebhookAnswer = z.object({ id: z.string(), status: z.enum(['accepted', 'duplicate']), detail: z.string().optional() });

const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } });
const json = (description: string, ref: string) => ({ description, content: { 'application/json': { schema: { $ref: `#/components/schemas/${ref}` } } } });
const signedLink = [
  { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } },
  { name: 't', in: 'query', required: true, description: 'the token of the signed link emailed to the requester', schema: { type: 'string' } },
];
const linkProblems = { '403': problem('the link is not valid for this request'), '404': problem('no such request'), '410': problem('the link has expired: use the newest one emailed') };

export function openApiDocument(): Record<string, unknown> {
  const eventSchemas = Object.fromEntries(
    forumEventTypes.map((type) => [`ForumEvent_${type.replace('.', '_')}`, jsonSchema(ForumEventEnvelope.extend({ type: z.literal(type), data: forumEventData[type] }))]),
  );
  return {
    openapi: '3.1.0',
    info: {
      title: 'Erasure',
      version: '1',
      description: 'Removal of personal information from forum posts: the public request API, and the webhook the forum sends events to.',
    },
    paths: {
      '/api/v1/requests': {
        post: {
          summary: 'Ask for personal information to be removed from posts',
          description: 'The requester is emailed a link to confirm their address; nothing happens before they follow it.',
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/NewRequest' } } } },
          responses: {
            '202': json('recorded; the verification email is on its way', 'Created'),
            '400': problem('a field is missing or not valid: errors says which'),
            '413': problem('the body is larger than 64 kB'),
            '415': problem('the body is not application/json'),
            '429': {
              ...problem('too many requests from this address or for this email'),
              headers: { 'Retry-After': { description: 'seconds to wait before trying again', schema: { type: 'integer', minimum: 1 } } },
            },
            '503': problem('the forum database cannot be reached just now, so the posts cannot be checked (code forum_unavailable): try again in a few minutes'),
          },
        },
      },
      '/api/v1/requests/{id}': {
        get: { summary: 'Where a request stands', parameters: signedLink, responses: { '200': json('the request as its requester may see it', 'StatusView'), ...linkProblems } },
      },
      '/api/v1/requests/{id}/answer': {
        post: {
          summary: "Answer the moderators' question",
          parameters: signedLink,
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/Answer' } } } },
          responses: { '200': json('answered; the request is back in review', 'StatusView'), '400': problem('the answer is missing or too long'), '409': problem('no question is waiting'), ...linkProblems },
        },
      },
      '/api/v1/requests/{id}/withdraw': {
        post: { summary: 'Withdraw a request', parameters: signedLink, responses: { '200': json('withdrawn', 'StatusView'), '409': problem('the request can no longer be withdrawn'), ...linkProblems } },
      },
      [forumWebhookPath]: {
        post: {
          summary: 'Tell Erasure about an event on the forum',
          description:
            `Signed with the header ${signatureHeader}: t=<unix seconds>,v1=<hex HMAC-SHA256 over "<t>.<raw body>" with FORUM_WEBHOOK_SECRET>. ` +
            `Refused more than 5 minutes from Erasure's clock; an event id already received is answered 200 "duplicate" and does nothing. ` +
            `Event types: ${forumEventTypes.join(', ')}.`,
          parameters: [{ name: signatureHeader, in: 'header', required: true, schema: { type: 'string', pattern: '^t=\\d+,v1=[0-9a-f]{64}' } }],
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/ForumEvent' } } } },
          responses: {
            '202': json('recorded; the work happens in a queue', 'WebhookAnswer'),
            '200': json('this event id was received before: nothing done', 'WebhookAnswer'),
            '400': problem('the body is not JSON, or the event does not fit its schema: errors says which field'),
            '401': problem('unsigned, badly signed, or signed more than 5 minutes from now (code says which)'),
            '413': problem(`the body is larger than ${webhookBodyLimitBytes / 1024} kB`),
            '415': problem('the body is not application/json'),
            '503': problem('FORUM_WEBHOOK_SECRET is not set'),
          },
        },
      },
      '/metrics': {
        get: { summary: 'Counters in the Prometheus text format', responses: { '200': { description: 'erasure_webhook_events_total{type}, erasure_webhook_rejected_total{reason}', content: { 'text/plain': { schema: { type: 'string' } } } } } },
      },
    },
    components: {
      schemas: {
        NewRequest: jsonSchema(NewRequest),
        Answer: jsonSchema(Answer),
        Created: jsonSchema(Created),
        StatusView: jsonSchema(StatusView),
        Problem: jsonSchema(Problem),
        WebhookAnswer: jsonSchema(WebhookAnswer),
        ForumEvent: { oneOf: Object.keys(eventSchemas).map((name) => ({ $ref: `#/components/schemas/${name}` })), discriminator: { propertyName: 'type', mapping: Object.fromEntries(forumEventTypes.map((t) => [t, `#/components/schemas/ForumEvent_${t.replace('.', '_')}`])) } },
        ...eventSchemas,
      },
    },
  };
}

export function openApiRoutes(): Router {
  const router = express.Router();
  // Built once: the schemas do not change while the process runs.
  const document = JSON.stringify(openApiDocument());
  router.get('/api/v1/openapi.json', (_req, res) => {
    res.type('application/json').send(document);
  });
  return router;
}
