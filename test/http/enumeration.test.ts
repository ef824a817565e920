// No one can find or read a request that is not theirs: ids are random v4 UUIDs, a status link opens its own
// request only (on another request's URL it is refused exactly as a forged link is, and says nothing of whether that
// request exists), and every secret is compared in constant time by the one helper that does it.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { randomIds } from '../../src/domain/clockAndIds';
import { sameSecret } from '../../src/secretComparison';
import { getRequest } from '../../src/store/requestRecords';
import { startWorld, type World } from '../support/world';

const uuidV4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('request ids', () => {
  test('are random v4 UUIDs, never repeated', () => {
    const ids = Array.from({ length: 2000 }, () => randomIds.next());
    for (const id of ids) expect(id).toMatch(uuidV4);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test('come from crypto.randomUUID, not from a counter or Math.random', () => {
    const source = readFileSync(path.join(__dirname, '../../src/domain/clockAndIds.ts'), 'utf8');
    expect(source).toMatch(/import \{ randomUUID \} from 'node:crypto'/);
    expect(source).toMatch(/randomIds: Ids = \{ next: \(\) => randomUUID\(\) \}/);
  });
});

describe('status links', () => {
  let world: World;
  let postId: string;

  beforeAll(async () => {
    world = await startWorld();
    postId = await world.addPost('A post about the weather in Lyon.');
  });
  afterAll(async () => {
    await world?.close();
  });

  async function submit(email: string) {
    const res = await request(world.server).post('/api/v1/requests').send({ email, posts: [postId], scope: 'all', relationship: 'author', consent: true });
    expect(res.status).toBe(202);
    const url = new URL(res.body.statusUrl as string);
    return { id: res.body.id as string, token: url.searchParams.get('t') as string };
  }

  /** A token shaped like a real one (same expiry, same length) whose signature is wrong. */
  const forged = (token: string) => {
    const [expires, signature = ''] = token.split('.');
    return `${expires}.${signature.slice(0, -4)}${signature.endsWith('AAAA') ? 'BBBB' : 'AAAA'}`;
  };

  test('the ids the API gives out are v4 UUIDs', async () => {
    expect((await submit('ids@example.org')).id).toMatch(uuidV4);
  });

  test("A's link on B's URL is refused exactly as a forged link is, on the API and the page", async () => {
    const a = await submit('alice-enum@example.org');
    const b = await submit('bob-enum@example.org');
    await request(world.server).get(`/api/v1/requests/${a.id}?t=${a.token}`).expect(200);

    const crossApi = await request(world.server).get(`/api/v1/requests/${b.id}?t=${a.token}`);
    const forgedApi = await request(world.server).get(`/api/v1/requests/${b.id}?t=${forged(a.token)}`);
    expect(crossApi.status).toBe(403);
    expect(crossApi.status).toBe(forgedApi.status);
    expect(crossApi.headers['content-type']).toBe(forgedApi.headers['content-type']);
    expect(crossApi.body).toEqual(forgedApi.body);
    expect(JSON.stringify(crossApi.body)).not.toContain(b.id.slice(0, 8));

    const crossPage = await request(world.server).get(`/status/${b.id}?t=${a.token}`).set('Accept-Language', 'en');
    const forgedPage = await request(world.server).get(`/status/${b.id}?t=${forged(a.token)}`).set('Accept-Language', 'en');
    expect(crossPage.status).toBe(403);
    expect(crossPage.status).toBe(forgedPage.status);
    expect(crossPage.text).toBe(forgedPage.text);
  });

  test("A's link cannot act on B: withdrawing B with it is refused and B is unchanged", async () => {
    const a = await submit('alice-act@example.org');
    const b = await submit('bob-act@example.org');
    const before = (await getRequest(world.database.db, b.id))?.state;
    const res = await request(world.server).post(`/api/v1/requests/${b.id}/withdraw?t=${a.token}`);
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('link_invalid');
    expect((await getRequest(world.database.db, b.id))?.state).toBe(before);
  });

  test('a link on the URL of a request that does not exist is refused the same way: existence does not show', async () => {
    const a = await submit('alice-none@example.org');
    const missing = randomIds.next();
    const unknown = await request(world.server).get(`/api/v1/requests/${missing}?t=${a.token}`);
    const b = await submit('bob-none@example.org');
    const existing = await request(world.server).get(`/api/v1/requests/${b.id}?t=${a.token}`);
    expect(unknown.status).toBe(existing.status);
    expect(unknown.body).toEqual(existing.body);
  });

  test('a verification link is not a status link, even for its own request', async () => {
    const a = await submit('alice-purpose@example.org');
    const mail = await world.waitForMail('alice-purpose@example.org', /./, [`/verify/${a.id}`]);
    const verifyToken = new URL(/https?:\/\/\S+\/verify\/\S+/.exec(mail.text ?? '')?.[0] ?? 'http://x/').searchParams.get('t') as string;
    expect(verifyToken).toMatch(/^\d+\.[\w-]+$/);
    const res = await request(world.server).get(`/api/v1/requests/${a.id}?t=${verifyToken}`);
    expect(res.status).toBe(403);
  });
});

describe('constant-time comparison of secrets', () => {
  const secret = 'Zx8pQ2rT5vW9yB3dF6hJ1kL4nM7qS0uX';

  test('sameSecret tells equal from unequal inputs of the same length, wherever they differ', () => {
    expect(sameSecret(secret, `${secret}`)).toBe(true);
    expect(sameSecret(Buffer.from(secret), secret)).toBe(true);
    const at = (i: number) => `${secret.slice(0, i)}${secret[i] === 'A' ? 'B' : 'A'}${secret.slice(i + 1)}`;
    for (const i of [0, 1, 15, secret.length - 1]) {
      expect(at(i)).toHaveLength(secret.length);
      expect(sameSecret(at(i), secret)).toBe(false);
    }
    expect(sameSecret('x'.repeat(secret.length), secret)).toBe(false);
  });

  test('sameSecret refuses a prefix, an extension, an empty string, and a different encoding of the same text', () => {
    expect(sameSecret(secret.slice(0, -1), secret)).toBe(false);
    expect(sameSecret(`${secret}=`, secret)).toBe(false);
    expect(sameSecret('', secret)).toBe(false);
    expect(sameSecret('', '')).toBe(true);
    expect(sameSecret(secret.toLowerCase(), secret)).toBe(false);
  });

  test('it compares fixed-size digests with timingSafeEqual, so neither the difference nor the length shows', () => {
    const source = readFileSync(path.join(__dirname, '../../src/secretComparison.ts'), 'utf8');
    expect(source).toMatch(/timingSafeEqual\(digest\(given\), digest\(expected\)\)/);
    expect(source).toMatch(/createHash\('sha256'\)/);
  });

  /** Every .ts file under src/ and workers/. */
  const sourceFiles = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const full = path.join(dir, name);
      return statSync(full).isDirectory() ? sourceFiles(full) : full.endsWith('.ts') ? [full] : [];
    });
  const root = path.join(__dirname, '../..');

  test('every module that checks a secret goes through sameSecret, and nothing else calls timingSafeEqual itself', () => {
    const files = [...sourceFiles(path.join(root, 'src')), ...sourceFiles(path.join(root, 'workers'))];
    const callers = files.filter((f) => readFileSync(f, 'utf8').includes('timingSafeEqual')).map((f) => path.relative(root, f));
    expect(callers).toEqual([path.join('src', 'secretComparison.ts')]);
    for (const checker of ['src/http/signedLinks.ts', 'src/forum/webhookSignature.ts', 'src/http/console/consoleSession.ts', 'src/http/console/signInRoutes.ts']) {
      const source = readFileSync(path.join(root, checker), 'utf8');
      expect({ checker, usesSameSecret: /sameSecret\(/.test(source) }).toEqual({ checker, usesSameSecret: true });
      // No secret compared with === or !== (signature, token, csrf, expected).
      expect({ checker, plain: /(signature|token|csrf|expected|digest)\w*\s*[!=]==\s*\w/i.exec(source)?.[0] ?? null }).toEqual({ checker, plain: null });
    }
  });
});
