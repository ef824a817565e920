// What an email address looks like, how two spellings of one address compare, and which addresses belong to a
// role or a documentation example rather than to a person.
import { asciiWhereTheTextIs, stickyCopy } from './anchoredMatches';

export const emailPattern =
  /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}_%+-][\p{L}\p{N}._%+-]*@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}(?![\p{L}\p{N}@-])/gu;

const localPartChar = /^[\p{L}\p{N}._%+-]$/u;

// emailPattern and wholeEmail with \p{L} and \p{N} read as the ASCII letters and digits they are on ASCII text (see
// asciiWhereTheTextIs): each \p{..} pattern compiles to about 70 KB of machine code, the copies to a few KB.
const asciiEmailAt = /(?<![A-Za-z0-9._%+-])[A-Za-z0-9_%+-][A-Za-z0-9._%+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?![A-Za-z0-9@-])/y;
const asciiWholeEmail = /^[A-Za-z0-9_%+-][A-Za-z0-9._%+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/;

/**
 * The match of emailPattern that starts at `start`, or null: what a sticky copy of emailPattern gives there. Every
 * character the pattern can read from `start` lies in the run of letters, digits and . _ % + - @ that starts there,
 * or is the character just before or just after it.
 */
export const emailStartingAt = asciiWhereTheTextIs(asciiEmailAt, stickyCopy(emailPattern), (code) => isAsciiLocalPartChar(code) || code === 64);

/**
 * Where an address whose "@" is at `at` must start: the run of local-part characters before the "@" is the whole
 * local part, since emailPattern allows none just before an address.
 */
export function localPartStart(text: string, at: number): number {
  let start = at;
  while (start > 0) {
    // Most local parts are ASCII: told by their code, without a slice and a pattern per character.
    const code = text.charCodeAt(start - 1);
    if (code < 0x80) {
      if (!isAsciiLocalPartChar(code)) break;
      start -= 1;
      continue;
    }
    const units = start >= 2 && isTrailSurrogate(code) && isLeadSurrogate(text.charCodeAt(start - 2)) ? 2 : 1;
    if (!localPartChar.test(text.slice(start - units, start))) break;
    start -= units;
  }
  return start;
}

/** What localPartChar matches in ASCII: letters, digits, ".", "_", "%", "+", "-". */
function isAsciiLocalPartChar(code: number): boolean {
  return (
    (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 46 || code === 95 || code === 37 || code === 43 || code === 45
  );
}

function isLeadSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isTrailSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

const wholeEmail = /^[\p{L}\p{N}_%+-][\p{L}\p{N}._%+-]*@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}$/u;

export function isEmailAddress(candidate: string): boolean {
  return isAscii(candidate) ? asciiWholeEmail.test(candidate) : wholeEmail.test(candidate);
}

function isAscii(text: string): boolean {
  for (let at = 0; at < text.length; at++) if (text.charCodeAt(at) >= 0x80) return false;
  return true;
}

/** Addresses compare without case: "Marie.Dupont@Free.fr" is marie.dupont@free.fr. */
export function normaliseEmail(address: string): string {
  return address.trim().normalize('NFC').toLowerCase();
}

// A shop's or a service's mailbox is not a person's; neither is the address a help page uses as an example.
const roleMailboxes = new Set([
  'support', 'help', 'helpdesk', 'noreply', 'no-reply', 'donotreply', 'do-not-reply', 'billing', 'privacy', 'contact',
  'info', 'infos', 'hello', 'bonjour', 'team', 'admin', 'sales', 'press', 'presse', 'dpo', 'rgpd', 'gdpr', 'legal',
  'abuse', 'postmaster', 'webmaster', 'service', 'services', 'serviceclient', 'service-client', 'sav', 'newsletter',
  'notifications', 'security', 'jobs', 'careers', 'shop', 'boutique', 'commandes', 'orders', 'compta', 'accounting',
  'marketing', 'community', 'feedback', 'moderation', 'mods', 'refunds', 'returns', 'accounts',
]);
const placeholderMailboxes = new Set([
  'name', 'yourname', 'you', 'user', 'username', 'email', 'prenom.nom', 'firstname.lastname', 'votre.adresse',
  'votre.nom', 'john.doe', 'jane.doe',
]);
const placeholderDomains = /^(?:example|exemple|domain|yourdomain|votredomaine)\.[a-z.]+$/u;

export function isImpersonalAddress(address: string): boolean {
  const [local = '', domain = ''] = normaliseEmail(address).split('@');
  return roleMailboxes.has(local) || placeholderMailboxes.has(local) || placeholderDomains.test(domain);
}
