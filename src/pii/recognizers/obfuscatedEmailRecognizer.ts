// Finds email addresses written to dodge scrapers — "marie at free dot fr", "marie [at] free [dot] fr",
// "marie(at)free.fr", "m a r i e @ f r e e . f r" — as one span from the first letter to the last.
import { isEmailAddress, isImpersonalAddress, normaliseEmail } from '../emailAddress';
import type { Recognizer } from '../recognizer';
import { factsOf } from '../textFacts';
import type { Span } from '../types';

const label = String.raw`[\p{L}\p{N}_%+-]+`;
const bracketedDot = String.raw`[ \t]*[\[({<][ \t]*(?:dot|point)[ \t]*[\])}>][ \t]*`;
const dot = String.raw`(?:${bracketedDot}|[ \t]+(?:dot|point)[ \t]+|\.)`;
const at = String.raw`(?:[ \t]*[\[({<][ \t]*(?:at|arobase)[ \t]*[\])}>][ \t]*|[ \t]+(?:at|arobase)[ \t]+)`;
// Most posts hold no written "at" before a domain and no spaced-out "@": the full patterns, tried at every
// character, are spared them. A written "at" between spaces or brackets, then a label and a dot, spelled or not:
const atWord = /(?<=[ \t\[({<])(?:at|arobase)(?=[ \t\])}>])/giu;
const domainStart = /[ \t\])}>]*[\p{L}\p{N}_%+-]+(?:\.|[ \t]*[\[({<]?[ \t]*(?:dot|point))/iuy;
const bracketedDotPattern = new RegExp(bracketedDot, 'iu');
const wordedEmail = new RegExp(
  String.raw`(?<![\p{L}\p{N}._%+-])(?<local>${label}(?:${dot}${label})*)(?<at>${at})(?<domain>${label}(?:${dot}${label})*${dot}\p{L}{2,})(?![\p{L}\p{N}@-])`,
  'giu',
);
const spacedEmail =
  /(?<![\p{L}\p{N}._-])(?:[\p{L}\p{N}._-] ){2,}[\p{L}\p{N}._-] ?@ ?(?:(?:[\p{L}\p{N}._-] )+[\p{L}\p{N}]|[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+)(?![\p{L}\p{N}])/gu;

// "at" is also an English word: "look at amazon.com" is not an address. A lower-case "at" counts only when the
// rest looks like an address people write this way.
const mailProviders = new Set([
  'gmail', 'googlemail', 'yahoo', 'hotmail', 'outlook', 'live', 'msn', 'icloud', 'me', 'aol', 'protonmail', 'proton',
  'gmx', 'web', 'free', 'orange', 'wanadoo', 'laposte', 'sfr', 'neuf', 'bbox', 'btinternet', 'comcast', 'skynet',
  'bluewin', 'posteo', 'mailbox', 'tutanota', 'zoho', 'yandex', 'libero', 'virgilio', 'telenet', 'sky', 'ntlworld',
]);
const ordinaryWords = new Set(['me', 'us', 'him', 'her', 'them', 'you', 'it', 'look', 'looking', 'mail', 'email', 'moi', 'nous', 'here', 'there']);

function normalised(written: string): string {
  return written
    .replace(/[ \t]*[\[({<][ \t]*(?:dot|point)[ \t]*[\])}>][ \t]*|[ \t]+(?:dot|point)[ \t]+/giu, '.')
    .replace(/[ \t]*[\[({<][ \t]*(?:at|arobase)[ \t]*[\])}>][ \t]*|[ \t]+(?:at|arobase)[ \t]+/giu, '@')
    .replace(/[ \t]/gu, '');
}

function isCredibleWordedAt(local: string, atWord: string, domain: string): boolean {
  if (!/^\s+(?:at|arobase)\s+$/u.test(atWord)) return true; // "[at]", "(at)", "AT" are deliberate
  if (ordinaryWords.has(local.toLowerCase())) return false;
  const firstLabel = domain.split(/[.\s([{<]/u)[0]?.toLowerCase() ?? '';
  return bracketedDotPattern.test(domain) || /\sdot\s/iu.test(domain) || /[._\d-]/u.test(local) || mailProviders.has(firstLabel);
}

/** Whether an "at" in words stands where a worded address has it: after a space or bracket, before a domain. */
function mayHoldWordedAt(text: string, lower: string): boolean {
  // atWord tried at every character of every post was most of this recognizer: "at" and "arob" are looked up in
  // the lower-cased text instead ("A" and "T" are the only letters /iu takes for "a" and "t"), and each place is
  // checked as atWord would. Lower-casing keeps offsets unless the text holds an "İ": then atWord does it all.
  if (lower.length !== text.length) return mayHoldWordedAtByPattern(text);
  for (let at = lower.indexOf('at'); at !== -1; at = lower.indexOf('at', at + 1)) {
    if (isWordedAtAt(text, at, 2)) return true;
  }
  for (let at = lower.indexOf('arob'); at !== -1; at = lower.indexOf('arob', at + 4)) {
    // "arobase", its "s" also written "ſ", which /iu takes for an "s" and lower-casing leaves alone.
    const s = lower.charCodeAt(at + 5);
    if (lower.charCodeAt(at + 4) === 97 && (s === 115 || s === 0x17f) && lower.charCodeAt(at + 6) === 101 && isWordedAtAt(text, at, 7)) return true;
  }
  return false;
}

/** The lookbehind and lookahead of atWord around the word at `at`, then a domain after it. */
function isWordedAtAt(text: string, at: number, length: number): boolean {
  if (!isOpening(text.charCodeAt(at - 1)) || !isClosing(text.charCodeAt(at + length))) return false;
  domainStart.lastIndex = at + length;
  return domainStart.test(text);
}

/** Space, tab, "[", "(", "{", "<". */
function isOpening(code: number): boolean {
  return code === 32 || code === 9 || code === 91 || code === 40 || code === 123 || code === 60;
}

/** Space, tab, "]", ")", "}", ">". */
function isClosing(code: number): boolean {
  return code === 32 || code === 9 || code === 93 || code === 41 || code === 125 || code === 62;
}

function mayHoldWordedAtByPattern(text: string): boolean {
  atWord.lastIndex = 0;
  for (let word = atWord.exec(text); word !== null; word = atWord.exec(text)) {
    domainStart.lastIndex = word.index + word[0].length;
    if (domainStart.test(text)) return true;
  }
  return false;
}

/** Whether an "@" has a space among the three units before it, as "m a r i e @" and "m a r i e@" do. */
function mayHoldSpacedAt(text: string): boolean {
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    if (text[at - 1] === ' ' || text[at - 2] === ' ' || text[at - 3] === ' ') return true;
  }
  return false;
}

export const obfuscatedEmailRecognizer: Recognizer = {
  name: 'obfuscated email',
  recognize(text, context) {
    const { requester } = context;
    const spans: Span[] = [];
    const report = (start: number, written: string, credible: boolean) => {
      const address = normalised(written);
      if (!isEmailAddress(address)) return;
      const isRequesters = requester.emails.has(normaliseEmail(address));
      if (!isRequesters && (!credible || isImpersonalAddress(address))) return;
      spans.push({
        start,
        end: start + written.length,
        type: 'email',
        owner: isRequesters ? 'requester' : 'other',
        score: isRequesters ? 1 : 0.85,
      });
    };
    for (const m of mayHoldWordedAt(text, factsOf(text, context).lower) ? text.matchAll(wordedEmail) : []) {
      const { local = '', at: atWord = '', domain = '' } = m.groups ?? {};
      report(m.index, m[0], isCredibleWordedAt(local, atWord, domain));
    }
    for (const m of mayHoldSpacedAt(text) ? text.matchAll(spacedEmail) : []) report(m.index, m[0], true);
    return spans;
  },
};
