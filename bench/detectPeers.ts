// The npm PII detectors bench:detect compares Erasure with: how each is invoked (its documented API, default
// configuration) and how its output becomes spans in ORIGINAL offsets with the scorer's types.
//   - OpenRedaction returns detections with positions: used as they are.
//   - The others return only redacted text: aligned with the original by bench/alignRedaction.ts, each replacement
//     token standing for the shortest stretch of the original that lets the rest align (preferring stretches that
//     are plausible for the token's type: a name holds no digit, a number holds one, an e-mail an "@").
// Every peer is loaded with import() (several are ESM-only) so a missing or broken package disables only that peer.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { alignRedaction, prefixSuffixDiff, trimSpan, type TokenPattern } from './alignRedaction';

export const scorerTypes = ['EMAIL', 'PHONE', 'PERSON', 'ADDRESS', 'IP_ADDRESS', 'CREDIT_CARD', 'IBAN', 'NATIONAL_ID', 'DATE_OF_BIRTH', 'PROFILE_URL', 'USERNAME'] as const;
export type ScorerType = (typeof scorerTypes)[number];

export interface PredSpan {
  start: number;
  end: number;
  type: ScorerType;
}

/** What converting one output gave, with the oddities worth counting. */
export interface Conversion {
  spans: PredSpan[];
  /** The redacted text could not be aligned; the coarse prefix/suffix diff was used instead. */
  alignFailed?: boolean;
  /** Detections whose reported position did not hold their value (OpenRedaction). */
  misplaced?: number;
}

export interface Peer {
  /** Name in the tables. */
  name: string;
  /** Short column label. */
  short: string;
  pkg: string;
  /** How it is called, for the report. */
  invocation: string;
  /** Loads the package and builds the detector; throws if it cannot. */
  init(): Promise<void>;
  /** The call that is timed: text in, the peer's raw output. */
  run(text: string): unknown;
  /** True when run returns a promise. */
  async: boolean;
  /** Raw output → spans in original offsets. Not timed. */
  convert(text: string, output: unknown): Conversion;
  /** Peer label → scorer type, as seen during the run (for the report). */
  labelsSeen: Map<string, { type: ScorerType; count: number }>;
}

export function packageVersion(pkg: string): string {
  try {
    const file = path.join(__dirname, '..', 'node_modules', pkg, 'package.json');
    return (JSON.parse(readFileSync(file, 'utf8')) as { version?: string }).version ?? '?';
  } catch {
    return '?';
  }
}

/** Plausibility of a replaced stretch for a type; only used to break ties between alignments that both work. */
function plausible(type: ScorerType, s: string): boolean {
  switch (type) {
    case 'PERSON':
      return !/\d/.test(s);
    case 'EMAIL':
      return s.includes('@');
    case 'PHONE':
    case 'CREDIT_CARD':
    case 'NATIONAL_ID':
    case 'IBAN':
    case 'ADDRESS':
    case 'DATE_OF_BIRTH':
      return /\d/.test(s);
    case 'IP_ADDRESS':
      return /[0-9a-f]/i.test(s);
    default:
      return true;
  }
}

/** Spans from a redacted text, via the aligner; labels mapped by `typeOf`. */
function fromRedacted(peer: Peer, original: string, redacted: string, tokens: readonly TokenPattern[], typeOf: (label: string) => ScorerType, fallbackType: ScorerType): Conversion {
  const aligned = alignRedaction(original, redacted, tokens, { accept: (label, s) => plausible(typeOf(label), s) });
  const out: PredSpan[] = [];
  const push = (start: number, end: number, label: string, type: ScorerType) => {
    const t = trimSpan(original, start, end);
    if (!t) return;
    out.push({ ...t, type });
    const seen = peer.labelsSeen.get(label) ?? { type, count: 0 };
    seen.count++;
    peer.labelsSeen.set(label, seen);
  };
  if (aligned) {
    for (const s of aligned) push(s.start, s.end, s.label, typeOf(s.label));
    return { spans: out };
  }
  const diff = prefixSuffixDiff(original, redacted);
  if (diff) push(diff.start, diff.end, '(unaligned)', fallbackType);
  return { spans: out, alignFailed: true };
}

const table = (m: Record<string, ScorerType>, fallback: ScorerType) => (label: string): ScorerType => m[label] ?? fallback;

// ---------------------------------------------------------------------------------------------------------------
// redact-pii: `new SyncRedactor()` (README "Simple example"), `redactor.redact(text)` → redacted text.
// Tokens are the built-in redactor names in SNAKE_CASE plus PERSON_NAME.
const REDACT_PII_TYPES: Record<string, ScorerType> = {
  CREDIT_CARD_NUMBER: 'CREDIT_CARD',
  STREET_ADDRESS: 'ADDRESS',
  ZIPCODE: 'ADDRESS',
  PHONE_NUMBER: 'PHONE',
  IP_ADDRESS: 'IP_ADDRESS',
  US_SOCIAL_SECURITY_NUMBER: 'NATIONAL_ID',
  EMAIL_ADDRESS: 'EMAIL',
  USERNAME: 'USERNAME',
  PASSWORD: 'USERNAME', // no password type: closest is the account handle
  CREDENTIALS: 'USERNAME',
  DIGITS: 'NATIONAL_ID', // a bare number of 4+ digits: closest is an identifier
  URL: 'PROFILE_URL',
  PERSON_NAME: 'PERSON',
};

/** A peer whose one synchronous call returns the text with its findings replaced by type tokens. */
function tokenRedactingPeer(
  identity: Pick<Peer, 'name' | 'short' | 'pkg' | 'invocation'>,
  load: () => Promise<{ redact(text: string): string }>,
  types: Record<string, ScorerType>,
): Peer {
  let redactor: { redact(text: string): string } | undefined;
  const peer: Peer = {
    ...identity,
    async init() {
      redactor = await load();
    },
    run: (text) => redactor!.redact(text),
    async: false,
    convert: (text, output) => fromRedacted(peer, text, output as string, Object.keys(types), table(types, 'NATIONAL_ID'), 'NATIONAL_ID'),
    labelsSeen: new Map(),
  };
  return peer;
}

function redactPii(): Peer {
  return tokenRedactingPeer(
    {
      name: 'redact-pii',
      short: 'redact-pii',
      pkg: 'redact-pii',
      invocation: 'new SyncRedactor().redact(text) → redacted text, aligned (tokens PERSON_NAME, PHONE_NUMBER, EMAIL_ADDRESS, DIGITS, URL, …)',
    },
    async () => new (await import('redact-pii')).SyncRedactor(),
    REDACT_PII_TYPES,
  );
}

// ---------------------------------------------------------------------------------------------------------------
// @redactpii/node: `new Redactor()` (README "Quick Start", all five rules on by default), `redact(text)`.
const REDACTPII_TYPES: Record<string, ScorerType> = {
  CREDIT_CARD_NUMBER: 'CREDIT_CARD',
  EMAIL_ADDRESS: 'EMAIL',
  PERSON_NAME: 'PERSON',
  PHONE_NUMBER: 'PHONE',
  US_SOCIAL_SECURITY_NUMBER: 'NATIONAL_ID',
  DIGITS: 'NATIONAL_ID',
};

function redactpiiNode(): Peer {
  return tokenRedactingPeer(
    {
      name: '@redactpii/node',
      short: 'redactpii',
      pkg: '@redactpii/node',
      invocation: 'new Redactor().redact(text) → redacted text, aligned (tokens PERSON_NAME, EMAIL_ADDRESS, PHONE_NUMBER, CREDIT_CARD_NUMBER, US_SOCIAL_SECURITY_NUMBER)',
    },
    async () => new (await import('@redactpii/node')).Redactor(),
    REDACTPII_TYPES,
  );
}

// ---------------------------------------------------------------------------------------------------------------
// @cdssnc/sanitize-pii: `sanitizePii(text)` (README "Quick start", default patterns) → "[Redacted: <pattern>]".
// Its detectPii() gives only the first match per pattern and no offsets, so the redacted text is aligned instead.
function cdssncType(label: string): ScorerType {
  if (/^address|^po_box$|^postal_code$/.test(label)) return 'ADDRESS';
  if (label === 'credit_card') return 'CREDIT_CARD';
  if (label === 'ip_address') return 'IP_ADDRESS';
  if (label.startsWith('phone_number')) return 'PHONE';
  if (label === 'bank_account_canada') return 'IBAN'; // closest: a bank account number
  return 'NATIONAL_ID'; // sin, pri, passport, driver's licences, health cards, API key: identifiers
}

function cdssnc(): Peer {
  let sanitize: ((text: string) => string) | undefined;
  let token: RegExp = /\[Redacted: ([a-z0-9_]+)\]/;
  const peer: Peer = {
    name: '@cdssnc/sanitize-pii',
    short: 'cdssnc',
    pkg: '@cdssnc/sanitize-pii',
    invocation: 'sanitizePii(text) → redacted text, aligned (tokens "[Redacted: <pattern name>]" for its 25 default patterns)',
    async init() {
      const mod = await import('@cdssnc/sanitize-pii');
      sanitize = mod.sanitizePii;
      const names = mod.defaultPatterns.map((p) => p.name.replace(/[^a-z0-9_]/gi, ''));
      token = new RegExp(`\\[Redacted: (${names.join('|')})\\]`);
    },
    run: (text) => sanitize!(text),
    async: false,
    convert: (text, output) => fromRedacted(peer, text, output as string, [token], cdssncType, 'NATIONAL_ID'),
    labelsSeen: new Map(),
  };
  return peer;
}

// ---------------------------------------------------------------------------------------------------------------
// OpenRedaction: `new OpenRedaction().detect(text)` (README "Quick Start", default options) → detections with
// position [start, end] (UTF-16) and one of its ~560 pattern types, mapped here by name.
export function openRedactionType(label: string): ScorerType {
  const l = label.toUpperCase();
  if (/EMAIL/.test(l)) return 'EMAIL';
  if (/^IPV[46]$|(^|_)IP(_|$)|IP_ADDRESS/.test(l)) return 'IP_ADDRESS';
  if (/IBAN/.test(l)) return 'IBAN';
  if (/CREDIT_CARD|DEBIT_CARD|CARD_NUMBER/.test(l)) return 'CREDIT_CARD';
  if (/BIRTH|(^|_)DOB(_|$)/.test(l)) return 'DATE_OF_BIRTH';
  if (/PROFILE|_URL$|^URL/.test(l)) return 'PROFILE_URL';
  if (/USERNAME|HANDLE|GAMERTAG|USER_ID|PSN_ID|DISCORD|STEAM_ID|PLAYER_ID|TWITCH|RIOT_ID/.test(l)) return 'USERNAME';
  if (/PHONE|MOBILE|FAX|^EMERGENCY_CONTACT$/.test(l)) return 'PHONE';
  if (/(^|_)NAME$|PERSON/.test(l)) return 'PERSON';
  if (/ADDRESS|STREET|PO_BOX|POSTCODE|POSTAL_CODE|ZIP_CODE/.test(l)) return 'ADDRESS';
  return 'NATIONAL_ID'; // SSNs, national IDs, passports, licences and every other identifier number
}

interface OpenRedactionDetection {
  type: string;
  value: string;
  position: [number, number];
}

function openRedaction(): Peer {
  let detector: { detect(text: string): { detections: OpenRedactionDetection[] } } | undefined;
  const peer: Peer = {
    name: 'OpenRedaction',
    short: 'openred',
    pkg: '@openredaction/openredaction',
    invocation: 'new OpenRedaction().detect(text).detections → {type, value, position} used as spans',
    async init() {
      const { OpenRedaction } = await import('@openredaction/openredaction');
      detector = new OpenRedaction();
    },
    run: (text) => detector!.detect(text),
    async: false,
    convert: (text, output) => {
      const spans: PredSpan[] = [];
      let misplaced = 0;
      for (const d of (output as { detections: OpenRedactionDetection[] }).detections) {
        let [start, end] = d.position;
        if (text.slice(start, end) !== d.value) {
          // Position does not hold the value: take the occurrence of the value nearest to it.
          misplaced++;
          let best = -1;
          for (let k = text.indexOf(d.value); k !== -1 && d.value !== ''; k = text.indexOf(d.value, k + 1)) {
            if (best === -1 || Math.abs(k - start) < Math.abs(best - start)) best = k;
          }
          if (best === -1) continue;
          start = best;
          end = best + d.value.length;
        }
        const t = trimSpan(text, start, end);
        if (!t) continue;
        const type = openRedactionType(d.type);
        spans.push({ ...t, type });
        const seen = peer.labelsSeen.get(d.type) ?? { type, count: 0 };
        seen.count++;
        peer.labelsSeen.set(d.type, seen);
      }
      return { spans, misplaced };
    },
    labelsSeen: new Map(),
  };
  return peer;
}

// ---------------------------------------------------------------------------------------------------------------
// @arcjet/redact: `await redact(text)` (README "Use"; no `entities` = all four built-in entities) → [redacted,
// unredact]; the offsets it computes stay inside the package, so the redacted text ("<Redacted email #0>") is aligned.
function arcjetType(label: string): ScorerType {
  const l = label.toLowerCase();
  if (l.includes('email')) return 'EMAIL';
  if (l.includes('phone')) return 'PHONE';
  if (l.includes('credit')) return 'CREDIT_CARD';
  if (l.includes('ip')) return 'IP_ADDRESS';
  return 'NATIONAL_ID';
}

function arcjet(): Peer {
  let redact: ((text: string) => Promise<[string, unknown]>) | undefined;
  const peer: Peer = {
    name: '@arcjet/redact',
    short: 'arcjet',
    pkg: '@arcjet/redact',
    invocation: 'await redact(text) → [redacted, unredact]; redacted text aligned (tokens "<Redacted email #0>", "<Redacted phone number #1>", …)',
    async init() {
      const mod = await import('@arcjet/redact');
      redact = (text) => mod.redact(text);
    },
    run: (text) => redact!(text),
    async: true,
    convert: (text, output) => fromRedacted(peer, text, (output as [string, unknown])[0], [/<Redacted ([^<>#]+?) #\d+>/], arcjetType, 'NATIONAL_ID'),
    labelsSeen: new Map(),
  };
  return peer;
}

export function allPeers(): Peer[] {
  return [redactPii(), redactpiiNode(), cdssnc(), openRedaction(), arcjet()];
}
