// The webhook signature both directions share: what it accepts and why it refuses the rest.
import { createHmac } from 'node:crypto';
import { checkWebhookSignature, signWebhook } from '../../src/forum/webhookSignature';

const secret = 'a shared secret of the forum and Erasure';
const body = '{"id":"evt_1","type":"post.created","data":{"postId":"42"}}';
const now = new Date('2026-11-27T10:00:00Z');
const unix = now.getTime() / 1000;

describe('webhook signature', () => {
  test('is HMAC-SHA256 over "<unix>.<body>", and what is signed checks as valid', () => {
    const header = signWebhook(secret, body, now);
    const expected = createHmac('sha256', secret).update(`${unix}.${body}`).digest('hex');
    expect(header).toBe(`t=${unix},v1=${expected}`);
    expect(checkWebhookSignature(secret, header, Buffer.from(body), now)).toBe('valid');
  });

  test('a changed body, another secret or a changed timestamp is a mismatch', () => {
    const header = signWebhook(secret, body, now);
    expect(checkWebhookSignature(secret, header, body.replace('42', '43'), now)).toBe('mismatch');
    expect(checkWebhookSignature('another secret', header, body, now)).toBe('mismatch');
    expect(checkWebhookSignature(secret, header.replace(`t=${unix}`, `t=${unix + 1}`), body, now)).toBe('mismatch');
  });

  test('accepts any of several v1 values, as a forum rotating its secret sends them', () => {
    const old = signWebhook('the old secret', body, now).split(',')[1];
    expect(checkWebhookSignature(secret, `${signWebhook(secret, body, now)},${old}`, body, now)).toBe('valid');
    expect(checkWebhookSignature(secret, `t=${unix},${old}`, body, now)).toBe('mismatch');
  });

  test('refuses a timestamp more than five minutes away, either way', () => {
    const at = (seconds: number) => new Date(now.getTime() + seconds * 1000);
    expect(checkWebhookSignature(secret, signWebhook(secret, body, at(-300)), body, now)).toBe('valid');
    expect(checkWebhookSignature(secret, signWebhook(secret, body, at(-301)), body, now)).toBe('expired');
    expect(checkWebhookSignature(secret, signWebhook(secret, body, at(301)), body, now)).toBe('expired');
  });

  test.each([
    ['', 'missing'],
    [undefined, 'missing'],
    ['v1=abc', 'malformed'],
    [`t=${unix}`, 'malformed'],
    [`t=soon,v1=${'0'.repeat(64)}`, 'malformed'],
    [`t=${unix},v1=${'0'.repeat(63)}`, 'malformed'],
    [`t=${unix},v1=${'g'.repeat(64)}`, 'malformed'],
    [`t=${unix},v1==${'0'.repeat(64)}`, 'malformed'],
    [`t=${unix},v1=${'0'.repeat(64)}`, 'mismatch'],
  ])('header %p is %s', (header, outcome) => {
    expect(checkWebhookSignature(secret, header, body, now)).toBe(outcome);
  });
});
