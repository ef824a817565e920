// Fuzzing every public endpoint of a real Erasure (intake API and form, signed links, verify, console sign-in, the
// forum webhook signed and unsigned, health, metrics, OpenAPI, unknown paths) with generated inputs, one at a time.
// Each answer is checked as it comes: never a 5xx; a 4xx says what to fix; a refused input wrote no row (every table
// counted before and after); an accepted one wrote a whole request or event. At the end every email the SMTP server
// received is read back: one recipient, the expected headers only, nothing injected.
import { domainToASCII } from 'node:url';
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import type { ParsedMail } from 'mailparser';
import request from 'supertest';
import { signWebhook } from '../../../src/forum/webhookSignature';
import { rowsOf } from '../../../src/forum/postgres/rows';
import { countRows, rowChanges, type TableCounts } from '../../support/tableCounts';
import { type FuzzInput, type FuzzTargets, injectedRecipients, publicEndpointInputs, reportOnPost } from '../../support/fuzzInputs';
import { rawClient, type RawResponse } from '../../support/rawRequest';
import { registerTestPii } from '../../support/testPii';
import { linkPath, startWorld, type World } from '../../support/world';
import type { FaultRun, FaultScale, FaultScenario } from '../faultScenario';

const webhookSecret = 'fuzz-forum-webhook-secret-of-at-least-32-characters';
const inputsAt: Record<FaultScale, number> = { test: 4000, bench: 20000 };
/** Reports of PII on real posts: each opens a request whose reporter is mailed, so each needs a post of its own. */
const reportsAt: Record<FaultScale, number> = { test: 40, bench: 200 };

/** What a mail sent by Erasure carries, and nothing more (nodemailer's own headers, and Auto-Submitted). */
const expectedMailHeaders = new Set(['from', 'to', 'subject', 'message-id', 'date', 'mime-version', 'content-type', 'content-transfer-encoding', 'auto-submitted']);

/** Tables that workers write on their own (rendered mails, digests): not part of what one HTTP answer wrote. */
const writtenByWorkers = new Set(['mails', 'moderator_digests']);

/** What each kind of accepted answer may write; anything else it writes is a partial or stray write. */
const acceptedWrites: Record<string, (changes: TableCounts) => boolean> = {
  intake: (c) => c.requests === 1 && c.request_posts === 1 && (c.requester_identifiers ?? 0) >= 1 && c.audit === 1 && c.outbox === 1 && onlyIn(c, ['requests', 'request_posts', 'requester_identifiers', 'audit', 'outbox']),
  event: (c) => c.forum_events === 1 && c.outbox === 1 && onlyIn(c, ['forum_events', 'outbox']),
  // A requester's action on their request: a transition, its audit entry and its email, or nothing when it changed nothing.
  requesterAction: (c) => onlyIn(c, ['audit', 'outbox', 'removed_identifiers']),
  read: (c) => onlyIn(c, []),
};
const onlyIn = (changes: TableCounts, tables: string[]) => Object.keys(changes).every((t) => tables.includes(t));

export interface FuzzFindings {
  inputs: number;
  serverErrors: string[];
  unhelpfulRefusals: string[];
  partialWrites: string[];
  strayWrites: string[];
  badMails: string[];
  byEndpoint: Record<string, { sent: number; accepted: number; rejected: number }>;
  accepted: number;
  rejected: number;
  mailsChecked: number;
}

export const fuzzEndpoints: FaultScenario = {
  name: 'fuzzEndpoints',
  async run(scale: FaultScale): Promise<FaultRun> {
    const found = await fuzzPublicEndpoints(inputsAt[scale], reportsAt[scale], scale === 'test' ? 20261127 : Date.now());
    const perEndpoint = Object.fromEntries(Object.entries(found.byEndpoint).map(([e, n]) => [e, `${n.sent} (${n.accepted} accepted)`]));
    return {
      figures: { inputsFuzzed: found.inputs, serverErrors: found.serverErrors.length },
      details: {
        accepted: found.accepted,
        rejected: found.rejected,
        unhelpfulRefusals: found.unhelpfulRefusals.length,
        partialWrites: found.partialWrites.length,
        strayWrites: found.strayWrites.length,
        badMails: found.badMails.length,
        mailsChecked: found.mailsChecked,
        ...perEndpoint,
        firstProblem: [...found.serverErrors, ...found.unhelpfulRefusals, ...found.partialWrites, ...found.strayWrites, ...found.badMails][0] ?? 'none',
      },
    };
  },
};

/**
 * Plays `count` generated inputs (from `seed`) against a fresh Erasure, then `reports` reports of PII on real posts
 * (whose work goes on in workers, so they come last, when rows are no longer counted per input), and reports
 * everything that went wrong.
 */
export async function fuzzPublicEndpoints(count: number, reports: number, seed: number): Promise<FuzzFindings> {
  const world = await startWorld({ FORUM_WEBHOOK_SECRET: webhookSecret, INTAKE_RATE_LIMIT: '0', API_RATE_LIMIT: '0' });
  const client = rawClient(world.baseUrl);
  try {
    const targets = await prepareTargets(world);
    const inputs = fc.sample(publicEndpointInputs(targets), { numRuns: count, seed });
    const found: FuzzFindings = { inputs: 0, serverErrors: [], unhelpfulRefusals: [], partialWrites: [], strayWrites: [], badMails: [], byEndpoint: {}, accepted: 0, rejected: 0, mailsChecked: 0 };
    const acceptedEmails = new Set<string>([comparable(fixtureEmail)]);
    for (const input of inputs) {
      registerTestPii(identifiersIn(input));
      const before = await countRows(world.database.db);
      let res: RawResponse;
      try {
        res = await client.send(await prepared(world, client, input));
      } catch (error) {
        // Node refuses to send some paths: that is this generator's mistake, not the server's.
        if ((error as { code?: string }).code === 'ERR_UNESCAPED_CHARACTERS') throw error;
        found.serverErrors.push(`${describe(input)}: no answer (${(error as Error).message})`);
        continue;
      }
      const changes = rowChanges(before, await countRows(world.database.db));
      for (const t of writtenByWorkers) delete changes[t];
      found.inputs += 1;
      const tally = (found.byEndpoint[input.endpoint] ??= { sent: 0, accepted: 0, rejected: 0 });
      tally.sent += 1;
      if (res.status >= 500) {
        found.serverErrors.push(`${describe(input)}: ${res.status}${process.env.SHOW_FUZZ_VALUES ? ` ${JSON.stringify(input.body?.toString('latin1'))}` : ''}`);
      } else if (res.status >= 400) {
        found.rejected += 1;
        tally.rejected += 1;
        const why = unhelpful(res);
        if (why) found.unhelpfulRefusals.push(`${describe(input)}: ${res.status} ${why}`);
        if (Object.keys(changes).length > 0) found.partialWrites.push(`${describe(input)}: ${res.status} yet wrote ${JSON.stringify(changes)}`);
      } else {
        found.accepted += 1;
        tally.accepted += 1;
        const kind = acceptedKind(input, res);
        if (!acceptedWrites[kind]?.(changes)) found.strayWrites.push(`${describe(input)}: ${res.status} (${kind}) wrote ${JSON.stringify(changes)}`);
        if (kind === 'intake') acceptedEmails.add(comparable(emailOf(input)));
      }
    }
    const reported = await Promise.all(Array.from({ length: reports }, (_, i) => world.addPost(`Report ${i}: my neighbour's phone is 06 11 22 33 ${String(i % 100).padStart(2, '0')}`)));
    for (const [i, postId] of reported.entries()) {
      const [input] = fc.sample(reportOnPost(postId), { numRuns: 1, seed: seed + i });
      if (!input) continue;
      registerTestPii(identifiersIn(input));
      const res = await client.send(await prepared(world, client, input));
      found.inputs += 1;
      const tally = (found.byEndpoint[input.endpoint] ??= { sent: 0, accepted: 0, rejected: 0 });
      tally.sent += 1;
      if (res.status >= 500) found.serverErrors.push(`${describe(input)}: ${res.status}`);
      else if (res.status >= 400) {
        found.rejected += 1;
        tally.rejected += 1;
        const why = unhelpful(res);
        if (why) found.unhelpfulRefusals.push(`${describe(input)}: ${res.status} ${why}`);
      } else {
        found.accepted += 1;
        tally.accepted += 1;
        acceptedEmails.add(comparable(reporterEmailOf(input)));
      }
    }
    const unsent = await outboxDrained(world);
    // The sink answers 250 before it parses: every message kept must be parsed before the mail is checked.
    await world.smtp.settled();
    found.badMails = checkMails(world, acceptedEmails);
    // A job that keeps failing is an email the mailer refused: an address it could not send to.
    if (unsent > 0) found.badMails.push(`${unsent} jobs or emails still unsent a minute after the last input`);
    found.mailsChecked = world.smtp.messages.length;
    return found;
  } finally {
    client.close();
    await world.close();
  }
}

const fixtureEmail = 'odile.marchetti@example.net';

/** Two posts to name, and an open request whose signed links the inputs use: verified and waiting for review. */
async function prepareTargets(world: World): Promise<FuzzTargets> {
  const postIds = [await world.addPost('A post about the village fête.'), await world.addPost('Odile Marchetti-Vasseur wrote odile.marchetti@example.net')];
  const created = await request(world.server).post('/api/v1/requests').send({ email: fixtureEmail, posts: [postIds[1]], scope: 'all', relationship: 'author', consent: true }).expect(202);
  const id = created.body.id as string;
  const statusToken = new URL(created.body.statusUrl as string).searchParams.get('t') ?? '';
  const mail = await world.waitForMail(fixtureEmail, /./, [`/verify/${id}`]);
  const verifyToken = new URL(`http://x${linkPath(mail.text ?? '', '/verify/')}`).searchParams.get('t') ?? '';
  await world.verifyFromEmail(fixtureEmail, id);
  // A question from a moderator, so that an answer through the status link can be accepted once.
  await request(world.server).post(`/api/v1/moderation/requests/${id}/ask`).set('Authorization', `Bearer ${world.moderatorToken}`).send({ question: 'Which post is yours?' }).expect(200);
  return { postIds, postUrlTemplate: world.config.FORUM_POST_URL, request: { id, statusToken, verifyToken } };
}

/** The input as it goes on the wire: a webhook signed now, a sign-in form with the token of a form just fetched. */
async function prepared(world: World, client: ReturnType<typeof rawClient>, input: FuzzInput) {
  const headers = { ...input.headers };
  let body = input.body;
  const now = world.clock.now();
  switch (input.signing) {
    case 'valid':
      headers['erasure-signature'] = signWebhook(webhookSecret, body ?? '', now);
      break;
    case 'mismatch':
      headers['erasure-signature'] = signWebhook(webhookSecret, Buffer.concat([body ?? Buffer.alloc(0), Buffer.from(' ')]), now);
      break;
    case 'expired':
      headers['erasure-signature'] = signWebhook(webhookSecret, body ?? '', new Date(now.getTime() - 6 * 60_000));
      break;
    case 'malformed':
      headers['erasure-signature'] = `t=${Math.floor(now.getTime() / 1000)},v1=not-hex`;
      break;
    case 'other_secret':
      headers['erasure-signature'] = signWebhook(`${webhookSecret}-not-this-one`, body ?? '', now);
      break;
    default:
  }
  if (input.withSignInToken) {
    const form = await client.send({ method: 'GET', path: '/console/sign-in', headers: {} });
    const cookie = String(form.headers['set-cookie']?.[0] ?? '').split(';')[0] ?? '';
    const token = /name="_signin" value="([^"]+)"/.exec(form.body.toString('utf8'))?.[1] ?? '';
    headers.cookie = cookie;
    body = Buffer.concat([body ?? Buffer.alloc(0), Buffer.from(`&_signin=${token}`)]);
  }
  return { method: input.method, path: input.path, headers, body };
}

function acceptedKind(input: FuzzInput, res: RawResponse): string {
  if (input.endpoint === 'POST /api/v1/requests' || input.endpoint === 'POST /') return res.status === 202 ? 'intake' : 'read';
  if (input.endpoint === 'POST /api/v1/webhooks/forum') return res.status === 202 ? 'event' : 'read';
  if (input.method === 'POST' && /\/(answer|withdraw|forget-fingerprints)$/.test(input.endpoint)) return 'requesterAction';
  return 'read';
}

/** Why a refusal does not tell the caller what to fix, or undefined when it does. */
function unhelpful(res: RawResponse): string | undefined {
  const type = String(res.headers['content-type'] ?? '');
  const text = res.body.toString('utf8');
  if (res.status === 429 && !res.headers['retry-after']) return 'a 429 without Retry-After';
  if (type.startsWith('application/problem+json')) {
    try {
      const problem = JSON.parse(text) as { code?: unknown; detail?: unknown; status?: unknown };
      if (typeof problem.code !== 'string' || typeof problem.detail !== 'string' || problem.detail.length < 10) return 'a problem without code or detail';
      if (problem.status !== res.status) return `a problem whose status says ${String(problem.status)}`;
      return undefined;
    } catch {
      return 'a problem+json body that is not JSON';
    }
  }
  // Pages say it in words: an error summary, a message beside a field, or a message page (a title and a sentence).
  // Pages say it in words: an error summary, a message beside a field, a notice, or a message page (a title, then a
  // sentence or the link to follow).
  if (type.startsWith('text/html') && (/class="(error|error-summary|notice)"/.test(text) || /<h1>[^<]{3,}<\/h1>\s*<p>\s*(<a href="[^"]+">)?[^<\s][^<]{2,}/.test(text))) return undefined;
  return `a ${type || 'typeless'} body that names nothing to fix`;
}

/**
 * Waits until every job the accepted inputs started has run, and every rendered email has reached the SMTP server;
 * answers how many jobs were still pending when it gave up (0 when all ran).
 */
async function outboxDrained(world: World, timeoutMs = 60_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let seen = -1;
  let pending = 0;
  while (Date.now() < deadline) {
    const row = rowsOf(await world.database.db.execute(sql`SELECT (SELECT count(*) FROM outbox WHERE done_at IS NULL)::int AS pending, (SELECT count(*) FROM mails)::int AS rendered`))[0] as { pending: number; rendered: number };
    const received = world.smtp.messages.length;
    // Twice the same count in a row: nothing was still on its way.
    if (Number(row.pending) === 0 && received >= Number(row.rendered) && received === seen) return 0;
    seen = received;
    pending = Math.max(Number(row.pending), Number(row.rendered) - received);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  return pending;
}

/** Every email received: one recipient who made an accepted request, the expected headers and no injected line; and every accepted request's address mailed. */
function checkMails(world: World, acceptedEmails: Set<string>): string[] {
  const bad: string[] = [];
  world.smtp.messages.forEach((mail: ParsedMail, i) => {
    const label = `mail ${i} "${(mail.subject ?? '').slice(0, 40)}"`;
    const extra = [...mail.headers.keys()].filter((key) => !expectedMailHeaders.has(key));
    if (extra.length > 0) bad.push(`${label}: unexpected headers ${extra.join(', ')}`);
    const to = Array.isArray(mail.to) ? mail.to.flatMap((a) => a.value) : (mail.to?.value ?? []);
    if (to.length !== 1) bad.push(`${label}: ${to.length} recipients in To`);
    const envelope = world.smtp.envelopeRecipients[i] ?? [];
    if (envelope.length !== 1) bad.push(`${label}: sent to ${envelope.length} recipients`);
    for (const address of [...to.map((a) => a.address ?? ''), ...envelope]) {
      if (!acceptedEmails.has(comparable(address))) bad.push(`${label}: sent to an address no accepted request gave${process.env.SHOW_FUZZ_VALUES ? ` ${JSON.stringify(address)} not in ${JSON.stringify([...acceptedEmails])}` : ''}`);
    }
    if (/[\r\n]/.test(mail.subject ?? '')) bad.push(`${label}: a line break in the subject`);
    if (mail.headerLines.some((line) => injectedRecipients.some((r) => line.line.includes(r)) || /you have won/i.test(line.line))) bad.push(`${label}: an injected header line`);
  });
  // A whole request: each accepted one was asked to confirm its address.
  const mailed = new Set(world.smtp.envelopeRecipients.flat().map(comparable));
  const unmailed = [...acceptedEmails].filter((address) => !mailed.has(address)).length;
  if (unmailed > 0) bad.push(`${unmailed} accepted requests never got their confirmation email`);
  return bad;
}

/** The email and name an input carries, if any, for the log scan: they must never appear in a log line. */
function identifiersIn(input: FuzzInput): string[] {
  const email = emailOf(input) || reporterEmailOf(input);
  const name = fieldOf(input, 'name');
  return [email, name].filter((v) => v.trim().length >= 6);
}

function reporterEmailOf(input: FuzzInput): string {
  try {
    const event = JSON.parse(input.body?.toString('utf8') ?? '') as { data?: { reporter?: { email?: unknown } } };
    return typeof event.data?.reporter?.email === 'string' ? event.data.reporter.email : '';
  } catch {
    return '';
  }
}

function emailOf(input: FuzzInput): string {
  return fieldOf(input, 'email');
}

function fieldOf(input: FuzzInput, field: string): string {
  // A byte order mark before JSON is allowed (RFC 8259), and the server skips it too.
  const text = (input.body?.toString('utf8') ?? '').replace(/^\ufeff/, '');
  if (String(input.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) {
    try {
      return new URLSearchParams(text).get(field) ?? '';
    } catch {
      return '';
    }
  }
  try {
    const value = (JSON.parse(text) as Record<string, unknown>)?.[field];
    return typeof value === 'string' ? value : '';
  } catch {
    return '';
  }
}

/** An address as a mail server sees it: case aside, and the domain in ASCII (mailparser shows IDN domains decoded). */
function comparable(address: string): string {
  const at = address.trim().lastIndexOf('@');
  if (at < 0) return address.trim().toLowerCase();
  const domain = address.trim().slice(at + 1);
  return `${address.trim().slice(0, at)}@${domainToASCII(domain) || domain}`.toLowerCase();
}

const describe = (input: FuzzInput) => `${input.endpoint} [${input.kind}]${input.signing ? ` signing=${input.signing}` : ''}`;
