// Finds the IPv4 and IPv6 addresses of people's connections. Private, loopback and well-known resolver addresses
// say nothing about a person; a four-part version number ("since the 5.12.0.3 update") is told apart by its words.
import { anchoredMatches, stickyCopy } from '../anchoredMatches';
import type { Recognizer } from '../recognizer';
import { factsOf } from '../textFacts';
import type { Span } from '../types';

const octet = String.raw`(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)`;
// A port after the address (":51234") stays outside; "10.0.19045.2965" and "v4.2.1.0" are not addresses.
// An address starts a run of digits, and its first part ends in a dot one to three digits in: it is tried only there.
export const ipv4Pattern = stickyCopy(
  new RegExp(String.raw`(?<![\p{L}\p{N}_.\-])${octet}(?:\.${octet}){3}(?![\p{L}\p{N}_]|[.\-]\p{N})`, 'gu'),
);
const ipv6Pattern = /(?<![\p{L}\p{N}_:.])(?:[0-9a-f]{0,4}:){2,7}(?:[0-9a-f]{1,4}|:|\d{1,3}(?:\.\d{1,3}){3})?(?![\p{L}\p{N}_:.])/giu;
const hexGroup = /^[0-9a-f]{1,4}$/iu;
// Two colons with hex digits about them: without this the costlier IPv6 pattern is not run (nor this one, in a
// post without a colon).
const ipv6Hint = /[0-9a-f]:[0-9a-f]{0,4}:/i;

// Words that name an address rather than a release, just before it on the same line.
const addressWordBefore =
  /(?:\b(?:ip(?:v[46])?|addr(?:ess)?|adresse)\b[^\n\d]{0,20}|\b(?:host|from|depuis|client|remote|source|src|peer|server|serveur|vpn|proxy|ping|ssh|(?:connect\w*|logged\s+in)(?:\s+(?:to|from|depuis|à|a))?)\W{0,3})$/iu;
// Words that only introduce a release, and little words that do when the number is small ("I'm on 5.23.7.187").
const releaseWordBefore = /(?:\bv|\bversion|\bver\.?|\bbuild|\brelease|\bupdat\w*|\bupgrad\w*|\bb[eê]ta|\balpha|\bfirmware|\bapp|\bappli\w*|\bmise\s+[àa]\s+jour|\bdémarrage|\bstart)\W{0,3}$/iu;
const littleWordBefore = /\b(?:on|en|sur|la|le|the|to|of|de)\W{0,3}$/iu;
const listedAfterNumber = /(?<![\d.])(\d+(?:\.\d+){1,3})(?:\s*\([^)\n]{0,20}\))?\s*(?:,|and|et|or|ou|&)\s*$/iu;
const releaseWordAfter = /^\W{0,3}(?:b[eê]ta|update|release|version|build|is\s+out|est\s+sortie|mise\s+[àa]\s+jour|\(build)/iu;

// Public resolvers and other shared infrastructure, which every user types and nobody is identified by.
const sharedAddresses = new Set([
  '1.1.1.1', '1.0.0.1', '8.8.8.8', '8.8.4.4', '9.9.9.9', '149.112.112.112', '208.67.222.222', '208.67.220.220',
  '94.140.14.14', '94.140.15.15', '4.2.2.1', '4.2.2.2', '76.76.2.0', '76.76.10.0',
]);

export const ipAddressRecognizer: Recognizer = {
  name: 'ip address',
  recognize(text, context) {
    const spans: Span[] = [];
    // "tested on 3.8.8 (build 4129) and 3.3.5.234": a number listed after another is what that one is.
    const acceptedEnds = new Set<number>();
    const starts = factsOf(text, context).digitRunStarts.filter((at) => dotEndsFirstPart(text, at));
    for (const match of anchoredMatches(ipv4Pattern, text, starts)) {
      const written = match[0];
      if (!isPersonalIpv4(written)) continue;
      const lineBefore = lineBeforeOf(text, match.index, 40);
      const after = text.slice(match.index + written.length, match.index + written.length + 20);
      const listed = listedAfterNumber.exec(lineBefore);
      const namedAddress = addressWordBefore.test(lineBefore);
      if (listed !== null) {
        const previousEnd = match.index - lineBefore.length + listed.index + (listed[1]?.length ?? 0);
        if (!namedAddress && !acceptedEnds.has(previousEnd)) continue;
      } else if (!namedAddress && (releaseWordBefore.test(lineBefore) || releaseWordAfter.test(after) || looksLikeRelease(written, lineBefore))) {
        continue;
      }
      acceptedEnds.add(match.index + written.length);
      spans.push({ start: match.index, end: match.index + written.length, type: 'ip_address', owner: 'other', score: namedAddress ? 0.95 : 0.8 });
    }
    for (const match of text.includes(':') && ipv6Hint.test(text) ? text.matchAll(ipv6Pattern) : []) {
      // "ip 2001:db8::1: refused": a lone colon after the address is punctuation.
      const written = match[0].endsWith(':') && !match[0].endsWith('::') ? match[0].slice(0, -1) : match[0];
      const groups = ipv6Groups(written);
      if (groups === undefined || !isPersonalIpv6(groups)) continue;
      // "12:30::" or "a::b" are not addresses; a compressed one needs three groups or a word that says it is one.
      if (written.includes('::') && groups.filter((g) => g !== '').length < 3 && !addressWordBefore.test(lineBeforeOf(text, match.index, 40))) continue;
      spans.push({ start: match.index, end: match.index + written.length, type: 'ip_address', owner: 'other', score: 0.9 });
    }
    return spans;
  },
};

/** Whether a dot follows the first one, two or three characters from `at`: where an address's first part ends. */
export function dotEndsFirstPart(text: string, at: number): boolean {
  return text.charCodeAt(at + 1) === 46 || text.charCodeAt(at + 2) === 46 || text.charCodeAt(at + 3) === 46;
}

function lineBeforeOf(text: string, index: number, length: number): string {
  const before = text.slice(Math.max(0, index - length), index);
  return before.slice(before.lastIndexOf('\n') + 1);
}

function isPersonalIpv4(written: string): boolean {
  if (sharedAddresses.has(written)) return false;
  const [a = 0, b = 0] = written.split('.').map(Number);
  if (a === 0 || a === 10 || a === 127 || a >= 224) return false; // this network, private, loopback, multicast
  if (a === 172 && b >= 16 && b <= 31) return false;
  if (a === 192 && b === 168) return false;
  if (a === 169 && b === 254) return false; // link-local
  if (a === 100 && b >= 64 && b <= 127) return false; // carrier-grade NAT
  return true;
}

/** Release numbers are small: "4.2.1.0" standing alone, or a small first part after "on" ("I'm on 5.23.7.187"). */
function looksLikeRelease(written: string, lineBefore: string): boolean {
  const parts = written.split('.').map(Number);
  const major = parts[0] ?? 0;
  return (major < 10 && parts.every((p) => p < 30)) || (major < 20 && littleWordBefore.test(lineBefore));
}

/** The eight 16-bit groups, '' standing for a "::" run, or undefined when the text is not an IPv6 address. */
function ipv6Groups(written: string): string[] | undefined {
  let body = written;
  const v4Tail = /:(\d{1,3}(?:\.\d{1,3}){3})$/u.exec(body);
  if (v4Tail) {
    if (!v4Tail[1]?.split('.').every((p) => Number(p) <= 255)) return undefined;
    body = body.slice(0, v4Tail.index + 1) + '0:0';
  }
  const halves = body.split('::');
  if (halves.length > 2) return undefined;
  const parts = halves.map((h) => (h === '' ? [] : h.split(':')));
  if (!parts.every((p) => p.every((g) => hexGroup.test(g)))) return undefined;
  const count = parts.reduce((n, p) => n + p.length, 0);
  if (halves.length === 1) return count === 8 ? (parts[0] ?? []) : undefined;
  if (count > 7) return undefined;
  return [...(parts[0] ?? []), ...Array<string>(8 - count).fill(''), ...(parts[1] ?? [])];
}

function isPersonalIpv6(groups: string[]): boolean {
  const first = parseInt(groups[0] || '0', 16);
  if (groups.every((g) => g === '' || parseInt(g, 16) === 0) || groups.slice(0, 7).every((g) => g === '' || parseInt(g, 16) === 0)) {
    return false; // unspecified "::" and loopback "::1"
  }
  if ((first & 0xffc0) === 0xfe80) return false; // link-local
  if ((first & 0xfe00) === 0xfc00) return false; // unique local, the private range
  if ((first & 0xff00) === 0xff00) return false; // multicast
  return true;
}
