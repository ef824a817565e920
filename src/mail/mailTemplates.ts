// The emails Erasure sends to a requester, and what each one needs to be written.
// The variables never carry removed text: an email says what KIND of information went, not what it was.
import type { RefusalReason } from '../domain/refusalReasons';

export const locales = ['en', 'fr'] as const;
export type Locale = (typeof locales)[number];

export interface MailVars {
  /** childUnder13: a guardian's request about a child under 13, which the email says is urgent (72 hours). */
  verify: { verifyUrl: string; statusUrl: string; expiresInHours: number; childUnder13?: boolean };
  received: { statusUrl: string; dueAt: Date; postCount: number; childUnder13?: boolean };
  needs_info: { question: string; statusUrl: string };
  completed: {
    statusUrl: string;
    /** kinds are PII type codes: email, phone, person, username, address, ip_address, credit_card, iban, national_id, date_of_birth, profile_url */
    posts: { url: string; kinds: string[] }[];
    /** urls of posts that no longer existed */
    notFound: string[];
    /** Fingerprints kept of what was removed (the requester consented), counts by kind; absent or null when none. */
    fingerprints?: Record<string, number> | null;
    /** How many other people's posts had quotes of what was removed taken out too; absent or 0 says nothing. */
    quotes?: number;
    /** urls of posts deleted entirely, with their revisions (a child's request): counted apart from the redacted ones */
    deleted?: string[];
  };
  refused: { statusUrl: string; reason: RefusalReason; message: string | null };
  withdrawn: { statusUrl: string };
}

export type MailTemplate = keyof MailVars;

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

// Spelled as a record so that adding a template to MailVars without listing it here fails to compile.
const templateSet: Record<MailTemplate, true> = {
  verify: true,
  received: true,
  needs_info: true,
  completed: true,
  refused: true,
  withdrawn: true,
};

export const mailTemplates = Object.keys(templateSet) as MailTemplate[];

export const isLocale = (value: unknown): value is Locale => (locales as readonly unknown[]).includes(value);

export const isMailTemplate = (value: unknown): value is MailTemplate =>
  typeof value === 'string' && Object.prototype.hasOwnProperty.call(templateSet, value);
