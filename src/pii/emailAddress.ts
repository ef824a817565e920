// What an email address looks like, how two spellings of one address compare, and which addresses belong to a
// role or a documentation example rather than to a person.

export const emailPattern =
  /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}_%+-][\p{L}\p{N}._%+-]*@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}(?![\p{L}\p{N}@-])/gu;

const wholeEmail = /^[\p{L}\p{N}_%+-][\p{L}\p{N}._%+-]*@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}$/u;

export function isEmailAddress(candidate: string): boolean {
  return wholeEmail.test(candidate);
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
