// What the fuzzing of the public endpoints sends: fast-check arbitraries of whole HTTP requests (method, path,
// headers, raw body bytes) aimed at each public route. Bodies are bytes, not objects, so that they can be malformed
// JSON, invalid UTF-8, too deep or too large; the strings inside them are the tricks people use against forms and
// mailers: line breaks that start a new mail header, bidi overrides, zero-width characters, look-alike letters.
import fc from 'fast-check';
import { escapeBytes } from './rawRequest';

/** How the scenario signs a webhook body when it sends it (the timestamp must be the moment of sending). */
export type Signing = 'valid' | 'none' | 'mismatch' | 'expired' | 'malformed' | 'other_secret';

export interface FuzzInput {
  /** The route, as counted in the report: 'POST /api/v1/requests'. */
  endpoint: string;
  /** The family of input, e.g. 'header_injection', 'invalid_utf8'. */
  kind: string;
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
  /** Forum webhook only. */
  signing?: Signing;
  /** Console sign-in only: send the sign-in form's cookie and token, so that the fields themselves are checked. */
  withSignInToken?: boolean;
}

/** What exists in the Erasure under test: posts to name and one open request whose signed links are known. */
export interface FuzzTargets {
  postIds: string[];
  /** FORUM_POST_URL with {id}. */
  postUrlTemplate: string;
  request: { id: string; statusToken: string; verifyToken: string };
}

/** Made-up people: the log scan knows them, since they are literals of this file. */
export const fuzzPersonas = [
  { name: 'Odile Marchetti-Vasseur', email: 'odile.marchetti@example.net' },
  { name: 'Tomasz Wielgosz', email: 'tomasz.wielgosz@example.org' },
  { name: 'Zoë Abernathy-Kőrösi', email: 'zoe.abernathy@example.com' },
  { name: 'Ngozi Okonkwo-Brandt', email: 'ngozi.ob@example.net' },
] as const;

/** Addresses an injected header would add: none of them may ever receive a mail. */
export const injectedRecipients = ['victim@attacker.example', 'copy@attacker.example', 'other@attacker.example'];

const lineBreaks = ['\r\n', '\n', '\r', '\u2028', '\u2029', '\u0085', '%0d%0a', '\\r\\n', '\r\n\t', '\r\n '];
const injectedHeaders = [
  `Bcc: ${injectedRecipients[0]}`,
  `Cc: ${injectedRecipients[1]}`,
  `To: ${injectedRecipients[2]}`,
  'Subject: you have won',
  `Reply-To: ${injectedRecipients[0]}`,
  'Content-Type: text/html',
  '',
];

/** A line break followed by a header line: what would add a recipient if it reached a mail header unescaped. */
export const headerInjection = fc
  .tuple(fc.constantFrom(...lineBreaks), fc.constantFrom(...injectedHeaders), fc.boolean())
  .map(([br, header, twice]) => `${br}${header}${twice ? `${br}${br}body` : ''}`);

/** Characters that change how text looks without changing what a careless check sees. */
const unicodeTricks = [
  '\u202e', // right-to-left override
  '\u202d',
  '\u2066',
  '\u200d', // zero-width joiner
  '\u200b', // zero-width space
  '\u200c',
  '\ufeff', // byte order mark
  '\u00ad', // soft hyphen
  '\u0301', // combining acute
  '\u034f',
  '\ud800', // a lone surrogate: not encodable as UTF-8
  '\udfff',
  '\u0000',
  '\u001b[31m', // a terminal escape
  '\ufffd',
];
/** Latin letters and their Cyrillic and Greek look-alikes. */
const homoglyphs: Record<string, string[]> = { a: ['а', 'α'], e: ['е', 'ε'], o: ['о', 'ο'], p: ['р', 'ρ'], c: ['с'], x: ['х', 'χ'], i: ['і', 'ι'], y: ['у'] };

const insertAt = (text: string, at: number, piece: string) => {
  const i = at % (text.length + 1);
  return `${text.slice(0, i)}${piece}${text.slice(i)}`;
};

/** A text with a trick or two inserted somewhere in it. */
const withTricks = (text: fc.Arbitrary<string>) =>
  fc
    .tuple(text, fc.array(fc.tuple(fc.nat(), fc.constantFrom(...unicodeTricks)), { minLength: 1, maxLength: 3 }))
    .map(([t, pieces]) => pieces.reduce((acc, [at, piece]) => insertAt(acc, at, piece), t));

/** Swaps some letters for look-alikes: "pаypal" with a Cyrillic а. */
const withHomoglyphs = (text: fc.Arbitrary<string>) =>
  fc.tuple(text, fc.array(fc.nat(), { minLength: 1, maxLength: 3 })).map(([t, positions]) => {
    const chars = [...t];
    for (const p of positions) {
      const i = p % Math.max(1, chars.length);
      const look = homoglyphs[chars[i]?.toLowerCase() ?? ''];
      if (look) chars[i] = look[p % look.length] as string;
    }
    return chars.join('');
  });

const personaEmail = fc.constantFrom(...fuzzPersonas.map((p) => p.email));
const personaName = fc.constantFrom(...fuzzPersonas.map((p) => p.name));

/** Email addresses, good and bad: plain, odd but valid, with tricks, look-alikes, injected headers or several recipients. */
export const emailInput: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: personaEmail, weight: 2 },
  { arbitrary: fc.emailAddress(), weight: 3 },
  { arbitrary: withTricks(personaEmail), weight: 2 },
  { arbitrary: withHomoglyphs(personaEmail), weight: 2 },
  { arbitrary: fc.tuple(personaEmail, headerInjection).map(([e, h]) => `${e}${h}`), weight: 3 },
  { arbitrary: fc.tuple(personaEmail, fc.constantFrom(', ', ',', ';', ' ', ' <')).map(([e, sep]) => `${e}${sep}${injectedRecipients[0]}`), weight: 2 },
  { arbitrary: fc.constantFrom(`"${injectedRecipients[0]}" <odile.marchetti@example.net>`, 'Odile <odile.marchetti@example.net>', 'odile.marchetti＠example.net', 'odile@xn--exmple-cua.net', 'ODILE.MARCHETTI@EXAMPLE.NET', ' odile.marchetti@example.net ', '@example.net', 'odile@', 'a'.repeat(250) + '@example.net'), weight: 2 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 80 }), weight: 1 },
);

/** Names: real-looking (accents, hyphens), with tricks, with injected headers, or anything at all. */
export const nameInput: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: personaName, weight: 2 },
  { arbitrary: withTricks(personaName), weight: 2 },
  { arbitrary: withHomoglyphs(personaName), weight: 1 },
  { arbitrary: fc.tuple(personaName, headerInjection).map(([n, h]) => `${n}${h}`), weight: 3 },
  { arbitrary: fc.constantFrom('"Odile" <victim@attacker.example>', '=?utf-8?b?QmNjOiB2aWN0aW1AYXR0YWNrZXIuZXhhbXBsZQ==?=', '<script>alert(1)</script>', '{{7*7}}', '<%= 7*7 %>', '${7*7}', "'; DROP TABLE requests; --"), weight: 2 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 300 }), weight: 2 },
);

/** Any JSON-ish value where a string, a list or a boolean belongs. */
const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, 1e308, '', [], {}, [null], { $ne: null }, { toString: 'x' }, '__proto__'),
  fc.integer(),
  fc.double(),
  fc.string({ maxLength: 20 }),
  fc.array(fc.string({ maxLength: 10 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), { maxKeys: 3 }),
);

/** Keys a careless handler would copy onto a record or an object's prototype. */
const injectedKeys = ['__proto__', 'constructor', 'prototype', 'id', 'state', 'emailHash', 'createdAt', 'role', 'isAdmin', 'verifiedAt', 'attempts', 'toString', 'hasOwnProperty'];

const json = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8');
const jsonHeaders = { 'content-type': 'application/json' };

/** A body as bytes with its family name. */
type Body = { kind: string; body: Buffer; headers?: Record<string, string> };

/** Malformed JSON: cut short, trailing commas, comments, single quotes, bare words, a BOM, or random text. */
const malformedJson = (valid: fc.Arbitrary<Buffer>): fc.Arbitrary<Body> =>
  fc.oneof(
    fc.tuple(valid, fc.nat()).map(([b, at]) => b.subarray(0, Math.max(1, at % b.length))),
    valid.map((b) => Buffer.from(b.toString('utf8').replace(/}$/, ',}'))),
    valid.map((b) => Buffer.from(b.toString('utf8').replace(/"/g, "'"))),
    valid.map((b) => Buffer.from(`// comment\n${b.toString('utf8')}`)),
    valid.map((b) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), b])),
    valid.map((b) => Buffer.from(`${b.toString('utf8')}${b.toString('utf8')}`)),
    fc.constantFrom('', ' ', 'null', 'true', '0', '"x"', '[]', 'NaN', 'undefined', '{"a":1,"a":2}', '{"email":}', '{"\\ud800":1}', '["\\u0000"]', '{"a":"\\x41"}').map((s) => Buffer.from(s)),
    fc.string({ unit: 'binary', maxLength: 200 }).map((s) => Buffer.from(s)),
  ).map((body) => ({ kind: 'malformed_json', body }));

/** Bytes that are not UTF-8 inside an otherwise valid body: stray continuation bytes, overlong forms, encoded surrogates. */
const invalidUtf8 = (valid: fc.Arbitrary<Buffer>): fc.Arbitrary<Body> =>
  fc
    .tuple(valid, fc.nat(), fc.constantFrom([0x80], [0xff], [0xfe, 0xff], [0xc0, 0xaf], [0xe0, 0x80, 0xaf], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xc3], [0xf4, 0x90, 0x80, 0x80]))
    .map(([b, at, bytes]) => {
      // Inside a string value, after the first quote past `at`, so that only the encoding is wrong.
      const quote = b.indexOf(0x22, at % b.length);
      const i = quote < 0 ? b.length : quote + 1;
      return { kind: 'invalid_utf8', body: Buffer.concat([b.subarray(0, i), Buffer.from(bytes), b.subarray(i)]) };
    });

/** Arrays or objects nested deeper than any real request: within the body limit and beyond it. */
const deepNesting: fc.Arbitrary<Body> = fc
  .tuple(fc.integer({ min: 10, max: 40_000 }), fc.constantFrom('[', '{"a":'), fc.boolean())
  .map(([depth, open, inField]) => {
    const close = open === '[' ? ']' : '}';
    const nested = `${open.repeat(depth)}1${close.repeat(depth)}`;
    return { kind: 'deep_nesting', body: Buffer.from(inField ? `{"email":"a@example.org","posts":${nested}}` : nested) };
  });

/** One field holding a string from a few kB up to well past the 64 kB body limit. */
const hugeString = (field: fc.Arbitrary<string>, valid: fc.Arbitrary<Record<string, unknown>>): fc.Arbitrary<Body> =>
  fc.tuple(valid, field, fc.integer({ min: 1_000, max: 120_000 }), fc.constantFrom('x', 'é', '\u200b', '😀', ' ', '\\')).map(([v, f, length, unit]) => ({
    kind: length * Buffer.byteLength(unit) > 64 * 1024 ? 'huge_string_beyond_limit' : 'huge_string',
    body: json({ ...v, [f]: unit.repeat(Math.ceil(length / unit.length)) }),
  }));

/** A valid object with one field given the wrong type. */
const wrongTypes = (fields: string[], valid: fc.Arbitrary<Record<string, unknown>>): fc.Arbitrary<Body> =>
  fc.tuple(valid, fc.constantFrom(...fields), wrongValue).map(([v, f, value]) => ({ kind: 'wrong_type', body: json({ ...v, [f]: value }) }));

/** A valid object with a field it does not have, some of them aimed at prototypes or at columns set by the server. */
const injectedFields = (valid: fc.Arbitrary<Record<string, unknown>>): fc.Arbitrary<Body> =>
  fc.tuple(valid, fc.constantFrom(...injectedKeys), wrongValue).map(([v, key, value]) => {
    // JSON.stringify drops a __proto__ key set by assignment: write it into the text.
    const text = JSON.stringify(v).replace(/^\{/, `{${JSON.stringify(key)}:${JSON.stringify(value) ?? 'null'},`);
    return { kind: 'injected_field', body: Buffer.from(text) };
  });

/** Bodies with a content type other than JSON, or JSON with an odd charset or encoding. */
const wrongContentType = (valid: fc.Arbitrary<Buffer>): fc.Arbitrary<Body> =>
  fc
    .tuple(
      valid,
      fc.constantFrom<Record<string, string>>(
        { 'content-type': 'text/plain' },
        { 'content-type': 'application/x-www-form-urlencoded' },
        { 'content-type': 'multipart/form-data; boundary=x' },
        { 'content-type': 'application/json; charset=utf-16' },
        { 'content-type': 'application/json; charset=latin1' },
        { 'content-type': 'application/json; charset=""' },
        { 'content-type': 'application/json; charset=utf-8; charset=utf-16' },
        { 'content-type': 'application/jsonx' },
        { 'content-type': 'application/merge-patch+json' },
        { 'content-type': '*/*' },
        { 'content-type': ';;;' },
        {},
        { 'content-type': 'application/json', 'content-encoding': 'gzip' },
        { 'content-type': 'application/json', 'content-encoding': 'identity, gzip' },
        { 'content-type': 'application/json', 'content-encoding': 'compress' },
      ),
    )
    .map(([body, headers]) => ({ kind: 'wrong_content_type', body, headers }));

// ---- intake ----------------------------------------------------------------------------------------------------

const validRequest = (targets: FuzzTargets): fc.Arbitrary<Record<string, unknown>> =>
  fc.record({
    email: personaEmail,
    posts: fc.constantFrom(...targets.postIds).map((id) => [id]),
    scope: fc.constant('all'),
    relationship: fc.constantFrom('author', 'subject', 'representative'),
    consent: fc.constant(true),
  });

/** Requests that look right, with tricky values in the fields a person types: some are accepted, and then mailed. */
const trickyRequest = (targets: FuzzTargets): fc.Arbitrary<Body> =>
  fc
    .record({
      base: validRequest(targets),
      email: emailInput,
      name: fc.option(nameInput, { nil: undefined }),
      phones: fc.array(fc.oneof(fc.constantFrom('+33 6 12 34 56 78', '(555) 010-9999'), withTricks(fc.constant('+33 6 12 34 56 78')), fc.tuple(fc.constant('+33612345678'), headerInjection).map(([p, h]) => p + h)), { maxLength: 2 }),
      usernames: fc.array(fc.oneof(fc.constantFrom('odile_m', '@tomasz'), withTricks(fc.constant('odile_m')), withHomoglyphs(fc.constant('@tomasz'))), { maxLength: 2 }),
      details: fc.option(fc.oneof(nameInput, headerInjection), { nil: undefined }),
      lang: fc.constantFrom('en', 'fr', 'de', 'EN', ''),
      // Posts that exist, by id or link; ids of posts that do not exist (a check after the fields'); anything.
      post: fc.oneof(fc.constantFrom(...targets.postIds), fc.constantFrom(...targets.postIds).map((id) => targets.postUrlTemplate.replace('{id}', id)), fc.integer({ min: 1000, max: 1e9 }).map(String), fc.string({ maxLength: 30 })),
    })
    .map(({ base, email, name, phones, usernames, details, lang, post }) => ({
      kind: 'tricky_values',
      body: json({ ...base, email, name, identifiers: { phones, usernames }, details, lang, posts: [post] }),
    }));

/** A valid request naming posts that do not exist: refused only after the fields pass, so a late check shows here. */
const unknownPosts = (valid: fc.Arbitrary<Record<string, unknown>>): fc.Arbitrary<Body> =>
  fc
    .tuple(valid, fc.array(fc.integer({ min: 1000, max: 1e9 }).map(String), { minLength: 1, maxLength: 3 }), fc.boolean())
    .map(([v, missing, withExisting]) => ({ kind: 'unknown_post', body: json({ ...v, posts: withExisting ? [...(v.posts as string[]), ...missing] : missing }) }));

/** A valid request whose person typed a tricky name or address: most are accepted, and then mailed. */
const trickyPerson = (valid: fc.Arbitrary<Record<string, unknown>>): fc.Arbitrary<Body> =>
  fc.tuple(valid, emailInput, fc.option(nameInput, { nil: undefined })).map(([v, email, name]) => ({ kind: 'tricky_person', body: json({ ...v, email, name }) }));

export function intakeApiInputs(targets: FuzzTargets): fc.Arbitrary<FuzzInput> {
  const valid = validRequest(targets);
  const validBytes = valid.map(json);
  const fields = ['email', 'name', 'posts', 'scope', 'relationship', 'consent', 'identifiers', 'quotes', 'details', 'searchForum', 'keepRemovedHashes', 'lang'];
  const body: fc.Arbitrary<Body> = fc.oneof(
    { arbitrary: trickyRequest(targets), weight: 4 },
    { arbitrary: trickyPerson(valid), weight: 2 },
    { arbitrary: unknownPosts(valid), weight: 1 },
    { arbitrary: malformedJson(validBytes), weight: 2 },
    { arbitrary: invalidUtf8(validBytes), weight: 2 },
    { arbitrary: deepNesting, weight: 1 },
    { arbitrary: hugeString(fc.constantFrom(...fields), valid), weight: 1 },
    { arbitrary: wrongTypes(fields, valid), weight: 2 },
    { arbitrary: injectedFields(valid), weight: 2 },
    { arbitrary: wrongContentType(validBytes), weight: 1 },
  );
  return body.map(({ kind, body: bytes, headers }) => ({ endpoint: 'POST /api/v1/requests', kind, method: 'POST', path: '/api/v1/requests', headers: headers ?? jsonHeaders, body: bytes }));
}

// ---- the contact form ----------------------------------------------------------------------------------------

const formEncode = (fields: [string, string][]) => Buffer.from(fields.map(([k, v]) => `${escapeBytes(k)}=${escapeBytes(v)}`).join('&'));

export function contactFormInputs(targets: FuzzTargets): fc.Arbitrary<FuzzInput> {
  const fieldNames = ['email', 'name', 'phones', 'usernames', 'addresses', 'posts', 'scope', 'quotes', 'relationship', 'details', 'searchForum', 'keepRemovedHashes', 'consent', 'lang'];
  const tricky = fc
    .record({ email: emailInput, name: nameInput, post: fc.constantFrom(...targets.postIds), extra: fc.array(fc.tuple(fc.constantFrom(...fieldNames, ...injectedKeys, 'email[]', 'posts[0]'), fc.oneof(nameInput, headerInjection)), { maxLength: 3 }) })
    .map(({ email, name, post, extra }) => ({
      kind: 'tricky_values',
      body: formEncode([['email', email], ['name', name], ['posts', post], ['scope', 'all'], ['relationship', 'author'], ['consent', 'yes'], ...extra]),
    }));
  const raw = fc
    .oneof(
      fc.constantFrom('email=%FF%FE&posts=1', 'email=%E0%A4%A&consent=yes', 'email=%', 'email', '=&=&=', '&&&&', 'email=a&email=b&email=c', 'a[b][c]=1', 'consent=yes&consent=no', `posts=${'1%0A'.repeat(60)}`),
      fc.string({ unit: 'binary', maxLength: 300 }),
      fc.integer({ min: 150, max: 400 }).map((n) => Array.from({ length: n }, (_, i) => `f${i}=1`).join('&')),
      fc.integer({ min: 1_000, max: 100_000 }).map((n) => `email=${'x'.repeat(n)}@example.org&posts=1`),
    )
    .map((text) => ({ kind: 'raw_form', body: Buffer.from(text, 'latin1') }));
  const body: fc.Arbitrary<Body & { headers?: Record<string, string> }> = fc.oneof(
    { arbitrary: tricky, weight: 5 },
    { arbitrary: raw, weight: 3 },
    { arbitrary: wrongContentType(tricky.map((t) => t.body)), weight: 1 },
    { arbitrary: invalidUtf8(tricky.map((t) => t.body)), weight: 1 },
  );
  return fc.tuple(body, fc.constantFrom('en', 'fr', 'xx', '')).map(([{ kind, body: bytes, headers }, lang]) => ({
    endpoint: 'POST /',
    kind,
    method: 'POST',
    path: lang ? `/?lang=${lang}` : '/',
    headers: headers ?? { 'content-type': 'application/x-www-form-urlencoded' },
    body: bytes,
  }));
}

// ---- signed links: status, answer, withdraw, forget, verify -----------------------------------------------------

/** A path segment that is not a request id: random text, escaped or not, and ids of the wrong shape. */
const oddId = fc.oneof(
  fc.uuid(),
  fc.string({ unit: 'binary', maxLength: 60 }).map(escapeBytes),
  fc.constantFrom('%', '%FF', '%E0%A4%A', '..', '%2e%2e%2f', '00000000-0000-0000-0000-00000000000G', 'null', '0', '%20', '%00'),
);

export function signedLinkInputs(targets: FuzzTargets): fc.Arbitrary<FuzzInput> {
  const { id, statusToken, verifyToken } = targets.request;
  const token = fc.oneof(
    { arbitrary: fc.constant(statusToken), weight: 3 },
    { arbitrary: fc.constant(verifyToken), weight: 1 },
    { arbitrary: fc.tuple(fc.constant(statusToken), fc.nat()).map(([t, i]) => `${t.slice(0, i % t.length)}${t[i % t.length] === 'A' ? 'B' : 'A'}${t.slice((i % t.length) + 1)}`), weight: 2 },
    { arbitrary: fc.string({ maxLength: 200 }), weight: 1 },
    { arbitrary: fc.constantFrom('', '%FF', '%', 'x'.repeat(5000)), weight: 1 },
  );
  const query = fc.oneof(
    { arbitrary: token.map((t) => `t=${escapeBytes(t)}`), weight: 6 },
    { arbitrary: token.map((t) => `t=${escapeBytes(t)}&t=${escapeBytes(t)}`), weight: 1 },
    { arbitrary: token.map((t) => `t[]=${escapeBytes(t)}`), weight: 1 },
    { arbitrary: fc.tuple(token, fc.constantFrom('en', 'fr', 'de', '%FF', '', 'en&lang=fr')).map(([t, l]) => `t=${escapeBytes(t)}&lang=${l}&done=forgotten`), weight: 1 },
    { arbitrary: fc.constant(''), weight: 1 },
  );
  const target = fc.oneof({ arbitrary: fc.constant(id), weight: 4 }, { arbitrary: oddId, weight: 1 });
  const jsonBody: fc.Arbitrary<Body> = fc.oneof(
    fc.record({ answer: nameInput }).map((v) => ({ kind: 'tricky_values', body: json(v) })),
    fc.constantFrom({ confirm: true }, { confirm: 'true' }, { confirm: 1 }, {}).map((v) => ({ kind: 'wrong_type', body: json(v) })),
    wrongTypes(['answer'], fc.constant({ answer: 'here it is' })),
    injectedFields(fc.constant({ answer: 'here it is' })),
    malformedJson(fc.constant(json({ answer: 'here it is' }))),
    invalidUtf8(fc.constant(json({ answer: 'here it is' }))),
    hugeString(fc.constant('answer'), fc.constant({})),
    deepNesting,
  );
  const formBody = fc
    .oneof(
      fc.tuple(nameInput, fc.constantFrom('yes', 'no', '')).map(([answer, confirm]) => formEncode([['answer', answer], ['confirm', confirm]])),
      fc.constantFrom('answer=%FF', 'confirm=yes&confirm=yes', 'answer[]=x', '', `answer=${'x'.repeat(20_000)}`),
      fc.integer({ min: 15, max: 40 }).map((n) => Array.from({ length: n }, (_, i) => `f${i}=1`).join('&')),
    )
    .map((text) => ({ kind: 'form', body: Buffer.isBuffer(text) ? text : Buffer.from(text, 'latin1') }));
  const api = fc.tuple(target, query, fc.constantFrom('', '/answer', '/withdraw', '/forget-fingerprints'), jsonBody).map(([rid, q, action, b]): FuzzInput => ({
    endpoint: action ? `POST /api/v1/requests/:id${action}` : 'GET /api/v1/requests/:id',
    kind: b.kind,
    method: action ? 'POST' : 'GET',
    path: `/api/v1/requests/${rid}${action}?${q}`,
    headers: action ? jsonHeaders : {},
    ...(action ? { body: b.body } : {}),
  }));
  const pages = fc.tuple(target, query, fc.constantFrom('', '/answer', '/withdraw', '/forget-fingerprints'), formBody, fc.constantFrom('fr', 'en-GB,en;q=0.5', '*', ';;', 'x'.repeat(300))).map(
    ([rid, q, action, b, language]): FuzzInput => ({
      endpoint: action ? `POST /status/:id${action}` : 'GET /status/:id',
      kind: b.kind,
      method: action ? 'POST' : 'GET',
      path: `/status/${rid}${action}?${q}`,
      headers: { 'accept-language': language, ...(action ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      ...(action ? { body: b.body } : {}),
    }),
  );
  const verify = fc.tuple(target, query).map(([rid, q]): FuzzInput => ({ endpoint: 'GET /verify/:id', kind: 'link', method: 'GET', path: `/verify/${rid}?${q.replaceAll(statusToken, verifyToken)}`, headers: {} }));
  return fc.oneof({ arbitrary: api, weight: 4 }, { arbitrary: pages, weight: 4 }, { arbitrary: verify, weight: 1 });
}

// ---- forum webhook ---------------------------------------------------------------------------------------------

/** A forum's id as the schema allows it, prefixed so that it never names a post of the forum under test. */
const unknownForumId = fc.stringMatching(/^[\w.:-]{1,60}$/).map((s) => `fz-${s}`);

export function webhookInputs(): fc.Arbitrary<FuzzInput> {
  const eventId = fc.oneof(fc.uuid(), fc.stringMatching(/^[\w.:-]{1,90}$/));
  const validEvent = fc.oneof(
    fc.record({ id: eventId, type: fc.constantFrom('post.created', 'post.edited', 'post.deleted'), data: fc.record({ postId: unknownForumId }) }),
    fc.record({ id: eventId, type: fc.constant('user.deleted'), data: fc.record({ userId: unknownForumId }) }),
    fc.record({
      id: eventId,
      type: fc.constant('pii.reported'),
      occurredAt: fc.option(fc.date({ noInvalidDate: true, min: new Date('2000-01-01'), max: new Date('2100-01-01') }).map((d) => d.toISOString()), { nil: undefined }),
      data: fc.record(
        {
          postId: unknownForumId,
          reporter: fc.record({ email: emailInput, name: nameInput, lang: fc.constantFrom('en', 'fr', 'xx') }, { requiredKeys: [] }),
          note: nameInput,
          types: fc.array(fc.constantFrom('email', 'phone', 'address', 'EMAIL', 'a b'), { maxLength: 3 }),
        },
        { requiredKeys: ['postId'] },
      ),
    }),
  );
  const validBytes = validEvent.map(json);
  const body: fc.Arbitrary<Body> = fc.oneof(
    { arbitrary: validEvent.map((v) => ({ kind: 'event', body: json(v) })), weight: 5 },
    { arbitrary: wrongTypes(['id', 'type', 'data', 'occurredAt'], validEvent), weight: 2 },
    { arbitrary: injectedFields(validEvent), weight: 1 },
    { arbitrary: malformedJson(validBytes), weight: 2 },
    { arbitrary: invalidUtf8(validBytes), weight: 1 },
    { arbitrary: deepNesting, weight: 1 },
    { arbitrary: hugeString(fc.constantFrom('id', 'type', 'data'), validEvent), weight: 1 },
    { arbitrary: wrongContentType(validBytes), weight: 1 },
  );
  const signing = fc.oneof(
    { arbitrary: fc.constant<Signing>('valid'), weight: 6 },
    { arbitrary: fc.constantFrom<Signing>('none', 'mismatch', 'expired', 'malformed', 'other_secret'), weight: 3 },
  );
  return fc.tuple(body, signing).map(([{ kind, body: bytes, headers }, how]) => ({
    endpoint: 'POST /api/v1/webhooks/forum',
    kind: `${how === 'valid' ? 'signed' : 'badly_signed'}:${kind}`,
    method: 'POST',
    path: '/api/v1/webhooks/forum',
    headers: headers ?? jsonHeaders,
    body: bytes,
    signing: how,
  }));
}

/**
 * A correctly signed report of PII in a post that exists: the forum passes on who reported it, and that person is
 * mailed. Their address and name are fuzzed, since they reach an email from the forum rather than from a form.
 */
export function reportOnPost(postId: string): fc.Arbitrary<FuzzInput> {
  return fc
    .record({
      id: fc.uuid(),
      type: fc.constant('pii.reported'),
      data: fc.record({ postId: fc.constant(postId), reporter: fc.record({ email: emailInput, name: nameInput, lang: fc.constantFrom('en', 'fr') }, { requiredKeys: ['email'] }), note: nameInput }, { requiredKeys: ['postId', 'reporter'] }),
    })
    .map((event) => ({ endpoint: 'POST /api/v1/webhooks/forum (report on a real post)', kind: 'signed:report', method: 'POST', path: '/api/v1/webhooks/forum', headers: jsonHeaders, body: json(event), signing: 'valid' }));
}

// ---- console sign-in, operations, and what is not there ----------------------------------------------------------

export function signInInputs(): fc.Arbitrary<FuzzInput> {
  const next = fc.oneof(fc.constantFrom('/console', '//evil.example', 'https://evil.example', '/console/../../etc', '/console?x=%FF', '\\\\evil.example', 'javascript:alert(1)', '/console\r\nSet-Cookie: x=1'), fc.string({ maxLength: 50 }));
  const post = fc
    .tuple(emailInput, fc.oneof(fc.string({ maxLength: 40 }), fc.constant('x'.repeat(2000))), next, fc.boolean(), fc.constantFrom('form', 'raw'))
    .map(([email, password, n, withToken, shape]): FuzzInput => ({
      endpoint: 'POST /console/sign-in',
      kind: withToken ? 'with_form_token' : 'without_form_token',
      method: 'POST',
      path: '/console/sign-in',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: shape === 'form' ? formEncode([['email', email], ['password', password], ['next', n]]) : Buffer.from(`email=%FF&password=%&next=${'a&'.repeat(20)}`),
      withSignInToken: withToken,
    }));
  const get = next.map((n): FuzzInput => ({ endpoint: 'GET /console/sign-in', kind: 'next', method: 'GET', path: `/console/sign-in?next=${escapeBytes(n)}`, headers: {} }));
  return fc.oneof(post, get);
}

/** Health, readiness, metrics and the OpenAPI document, the demo forum, the form page, and paths that do not exist. */
export function otherInputs(): fc.Arbitrary<FuzzInput> {
  // [the route as counted, the path sent]
  const path: fc.Arbitrary<[string, string]> = fc.oneof(
    fc.constantFrom('/healthz', '/readyz', '/metrics', '/api/v1/openapi.json', '/', '/demo/posts/1', '/console/sign-in', '/console', '/assets/form.css').map((p): [string, string] => [p, p]),
    oddId.map((id): [string, string] => ['/demo/posts/:id', `/demo/posts/${id}`]),
    oddId.map((id): [string, string] => ['/console/assets/*', `/console/assets/${id}`]),
    oddId.map((id): [string, string] => ['/assets/*', `/assets/${id}`]),
    fc.webPath().map((p): [string, string] => ['(any other path)', `/${p.replace(/^\//, '')}`]),
  );
  const query = fc.oneof(fc.constant(''), fc.webQueryParameters().map((q) => `?${q}`), fc.constantFrom('?%FF', '?a[b][c][d]=1', '?lang=fr&lang=en', `?x=${'y'.repeat(8000)}`));
  return fc
    .tuple(path, query, fc.constantFrom<'GET' | 'POST'>('GET', 'GET', 'POST'), fc.constantFrom('text/html', 'application/json', '*/*', '', 'x/y;q=abc'))
    .map(([[route, p], q, method, accept]) => ({
      endpoint: `${method} ${route}`,
      kind: 'path',
      method,
      path: `${p}${q}`,
      headers: accept ? { accept } : ({} as Record<string, string>),
      ...(method === 'POST' ? { body: Buffer.from('{}') } : {}),
    }));
}

/** Every public endpoint, weighted towards the ones that write. */
export function publicEndpointInputs(targets: FuzzTargets): fc.Arbitrary<FuzzInput> {
  return fc.oneof(
    { arbitrary: intakeApiInputs(targets), weight: 6 },
    { arbitrary: contactFormInputs(targets), weight: 3 },
    { arbitrary: signedLinkInputs(targets), weight: 4 },
    { arbitrary: webhookInputs(), weight: 4 },
    { arbitrary: signInInputs(), weight: 1 },
    { arbitrary: otherInputs(), weight: 2 },
  );
}
