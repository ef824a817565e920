// The aligner bench:detect uses to turn a peer's redacted text back into spans of the original.
import { alignRedaction, prefixSuffixDiff, tokenize, trimSpan } from '../../bench/alignRedaction';

const REDACT_PII = ['PERSON_NAME', 'PHONE_NUMBER', 'EMAIL_ADDRESS', 'CREDIT_CARD_NUMBER', 'DIGITS', 'URL', 'USERNAME', 'STREET_ADDRESS', 'ZIPCODE'];
const CDSSNC = /\[Redacted: ([a-z_]+)\]/;
const ARCJET = /<Redacted ([A-Za-z ]+) #\d+>/;

/** What each span covers in the original, for readable expectations. */
const covered = (original: string, redacted: string, tokens: Parameters<typeof alignRedaction>[2], options?: Parameters<typeof alignRedaction>[3]) =>
  alignRedaction(original, redacted, tokens, options)?.map((s) => [original.slice(s.start, s.end), s.label]) ?? null;

describe('alignRedaction', () => {
  it('finds nothing when nothing was redacted', () => {
    expect(alignRedaction('Hello there, nothing here.', 'Hello there, nothing here.', REDACT_PII)).toEqual([]);
  });

  it('maps each token to the stretch it replaced, in original offsets', () => {
    const original = 'Hi David Johnson, Please give me a call at 555-555-5555';
    const redacted = 'Hi PERSON_NAME, Please give me a call at PHONE_NUMBER';
    expect(alignRedaction(original, redacted, REDACT_PII)).toEqual([
      { start: 3, end: 16, label: 'PERSON_NAME' },
      { start: 43, end: 55, label: 'PHONE_NUMBER' },
    ]);
  });

  it('handles tokens at the very start and the very end, and adjacent to letters', () => {
    expect(covered('Hee\'s the log', "PERSON_NAME's the log", REDACT_PII)).toEqual([['Hee', 'PERSON_NAME']]);
    expect(covered('isbn 9782290081181 ok', 'isbn PHONE_NUMBER1 ok', REDACT_PII)).toEqual([['978229008118', 'PHONE_NUMBER']]);
    expect(covered('mail me: a.b@c.org', 'mail me: EMAIL_ADDRESS', REDACT_PII)).toEqual([['a.b@c.org', 'EMAIL_ADDRESS']]);
    expect(covered('gareth#6374 here', 'gareth#DIGITS here', REDACT_PII)).toEqual([['6374', 'DIGITS']]);
  });

  it('counts offsets in UTF-16 code units, emoji and accents included', () => {
    const original = 'Vends 😤 ma liseuse — écrire à marie.dupont@free.fr 🙏 merci';
    const redacted = 'Vends 😤 ma liseuse — écrire à EMAIL_ADDRESS 🙏 merci';
    const [span] = alignRedaction(original, redacted, REDACT_PII)!;
    expect(original.slice(span!.start, span!.end)).toBe('marie.dupont@free.fr');
    expect(span!.start).toBe(original.indexOf('marie'));
  });

  it('takes the shortest stretch that lets the rest align', () => {
    // "DIGITS" could swallow "1234 and 5678" up to the last " ok", but the shortest choice is the first number.
    expect(covered('codes 1234 and 5678 ok', 'codes DIGITS and DIGITS ok', REDACT_PII)).toEqual([
      ['1234', 'DIGITS'],
      ['5678', 'DIGITS'],
    ]);
    expect(covered('Call 06 39 98 12 34, thanks', 'Call PHONE_NUMBER, thanks', REDACT_PII)).toEqual([['06 39 98 12 34', 'PHONE_NUMBER']]);
    expect(covered('x 1, 2, 3, y', 'x DIGITS, y', REDACT_PII)).toEqual([['1, 2, 3', 'DIGITS']]);
  });

  it('backtracks when the shortest choice leaves the rest unalignable', () => {
    // After the token comes ", or"; its first occurrence in the original leaves " 0123, or" unmatched at the end.
    expect(covered('call 555, or 0123, or', 'call PHONE_NUMBER, or', REDACT_PII)).toEqual([['555, or 0123', 'PHONE_NUMBER']]);
    // With several tokens, each takes the shortest stretch given the choices before it.
    expect(covered('n 1, 2, 3. 4', 'n DIGITS, DIGITS. 4', REDACT_PII)).toEqual([
      ['1', 'DIGITS'],
      ['2, 3', 'DIGITS'],
    ]);
    expect(covered('n 1, 2. 3, 4. 5', 'n DIGITS, DIGITS. 5', REDACT_PII)).toEqual([
      ['1', 'DIGITS'],
      ['2. 3, 4', 'DIGITS'],
    ]);
  });

  it('reads a token that was already in the original as unchanged text', () => {
    expect(alignRedaction('Set the URL field to blank', 'Set the URL field to blank', REDACT_PII)).toEqual([]);
    expect(covered('The USERNAME column holds bob@x.io', 'The USERNAME column holds EMAIL_ADDRESS', REDACT_PII)).toEqual([['bob@x.io', 'EMAIL_ADDRESS']]);
    // A literal "DIGITS" and a real replacement side by side.
    expect(covered('DIGITS 12345', 'DIGITS DIGITS', REDACT_PII)).toEqual([['12345', 'DIGITS']]);
  });

  it('aligns a token that replaced a stretch already holding another token (chained regex redactors)', () => {
    // redact-pii replaces the e-mail first, then "username: EMAIL_ADDRESS" as a whole with USERNAME.
    expect(covered('my username: bob@x.io thanks', 'my USERNAME thanks', REDACT_PII)).toEqual([['username: bob@x.io', 'USERNAME']]);
  });

  it('uses the first capture group of a RegExp token as its label', () => {
    expect(covered('Flat 5, 48 Beech Crescent, Leeds', 'Flat 5, [Redacted: address_en], Leeds', [CDSSNC])).toEqual([['48 Beech Crescent', 'address_en']]);
    expect(covered('user=g.o@comcast.net ip=2a01:cb00::8cad\nend', 'user=<Redacted email #0> ip=<Redacted IP address #1>\nend', [ARCJET])).toEqual([
      ['g.o@comcast.net', 'email'],
      ['2a01:cb00::8cad', 'IP address'],
    ]);
  });

  it("follows a redactor's misplaced replacement exactly, leaks and all", () => {
    // A redactor that replaced the wrong stretch (offsets shifted by an emoji): what it removed is what counts.
    const original = '❤️ It\'s abigail@proton.me. Same on wifi';
    const redacted = '❤️ It\'s abig<Redacted email #0>me on wifi';
    expect(covered(original, redacted, [ARCJET])).toEqual([['ail@proton.me. Sa', 'email']]);
  });

  it('aligns adjacent tokens with nothing between them', () => {
    expect(covered('a 12345bob@x.io z', 'a DIGITSEMAIL_ADDRESS z', REDACT_PII)).toEqual([
      ['1', 'DIGITS'],
      ['2345bob@x.io', 'EMAIL_ADDRESS'],
    ]);
    // With a plausibility test the tie is broken the way the redactor must have cut it.
    const accept = (label: string, s: string) => (label === 'EMAIL_ADDRESS' ? /^[a-z][^@\s]*@/.test(s) : /^\d+$/.test(s));
    expect(covered('a 12345bob@x.io z', 'a DIGITSEMAIL_ADDRESS z', REDACT_PII, { accept })).toEqual([
      ['12345', 'DIGITS'],
      ['bob@x.io', 'EMAIL_ADDRESS'],
    ]);
  });

  it('prefers plausible stretches but still aligns when none is plausible', () => {
    const original = 'tel 06 39 98 12 34 Marie';
    const redacted = 'tel PHONE_NUMBER PERSON_NAME';
    // Shortest first alone would give the phone "06" and the name "39 98 12 34 Marie".
    expect(covered(original, redacted, REDACT_PII)).toEqual([
      ['06', 'PHONE_NUMBER'],
      ['39 98 12 34 Marie', 'PERSON_NAME'],
    ]);
    const accept = (label: string, s: string) => (label === 'PERSON_NAME' ? !/\d/.test(s) : /\d/.test(s)); // names hold no digits
    expect(covered(original, redacted, REDACT_PII, { accept })).toEqual([
      ['06 39 98 12 34', 'PHONE_NUMBER'],
      ['Marie', 'PERSON_NAME'],
    ]);
    const never = () => false;
    expect(covered('x 1234 y', 'x DIGITS y', REDACT_PII, { accept: never })).toEqual([['1234', 'DIGITS']]);
  });

  it('takes the longest token when several start at the same place', () => {
    expect(tokenize('a PHONE_NUMBER b', ['PHONE', 'PHONE_NUMBER'])).toEqual([
      { kind: 'lit', text: 'a ' },
      { kind: 'tok', text: 'PHONE_NUMBER', label: 'PHONE_NUMBER' },
      { kind: 'lit', text: ' b' },
    ]);
  });

  it('returns null when the texts differ other than by tokens', () => {
    expect(alignRedaction('Hello world', 'Hello World', REDACT_PII)).toBeNull();
    expect(alignRedaction('Hello world', 'Hello PERSON_NAME!', REDACT_PII)).toBeNull();
    expect(alignRedaction('ab', 'abPERSON_NAME', REDACT_PII)).toBeNull(); // a token must replace something
  });

  it('stays fast on long texts with many tokens', () => {
    const pieces = Array.from({ length: 300 }, (_, k) => `line ${k} call 555-01${String(k % 100).padStart(2, '0')} now`);
    const original = pieces.join('\n');
    const redacted = pieces.map((p) => p.replace(/555-01\d\d/, 'PHONE_NUMBER')).join('\n');
    const t0 = Date.now();
    const spans = alignRedaction(original, redacted, REDACT_PII)!;
    expect(Date.now() - t0).toBeLessThan(1000);
    expect(spans).toHaveLength(300);
    expect(spans.every((s) => /^555-01\d\d$/.test(original.slice(s.start, s.end)))).toBe(true);
  });
});

describe('helpers', () => {
  it('trimSpan drops surrounding whitespace and empty results', () => {
    expect(trimSpan(' \n abc \t', 0, 8)).toEqual({ start: 3, end: 6 });
    expect(trimSpan('   ', 0, 3)).toBeNull();
  });

  it('prefixSuffixDiff gives the changed middle of the original', () => {
    expect(prefixSuffixDiff('call 555-0100 now', 'call [X] now')).toEqual({ start: 5, end: 13 });
    expect(prefixSuffixDiff('same', 'same')).toBeNull();
  });
});
