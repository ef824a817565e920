// What the console's request page shows, built from the review view: each post's texts with the findings
// marked and previewed, what this moderator may decide now (four eyes included), and the audit trail in words.
import type { FieldError } from '../../domain/errors';
import { transitions, type RequestState } from '../../domain/lifecycle';
import { manualFindingTypes } from '../../domain/manualFindings';
import { fieldNameOf } from '../../domain/postRewrite';
import { refusalReasons } from '../../domain/refusalReasons';
import type { ReviewPost, ReviewView } from '../../domain/reviewView';
import { hasTranslation, translate } from '../../mail/i18n';
import type { Locale } from '../../mail/mailTemplates';
import type { ActorName } from '../../store/actorNames';
import type { readAudit } from '../../store/auditTrail';
import { quoteSource } from '../../store/quotingPosts';
import { markClass, markedHtml, placeholderOf, previewTexts } from './postHighlights';

/** The forms of the request page, whose errors are shown beside their fields. */
export type RequestForm = 'approve' | 'refuse' | 'ask' | 'finding';

export interface PageErrors {
  form: RequestForm;
  /** The post whose "add a finding" form failed. */
  postId?: string;
  code: string;
  message: string;
  fields: FieldError[];
}

export interface PageOptions {
  locale: Locale;
  /** The signed-in moderator's actor label, to tell the first approver from a possible second one. */
  me: string;
  fourEyes: boolean;
  /** Finding ids the moderator chose (a preview, or a refused approval); by default what is approved or not yet decided. */
  chosen?: string[];
  /** Post ids the moderator chose to delete whole (a preview, or a refused approval); by default the stored choice. */
  deletes?: string[];
  errors?: PageErrors;
  /** What the moderator typed in the form that failed, to show again. */
  values?: Record<string, string>;
  audit: Awaited<ReturnType<typeof readAudit>>;
  auditBroken: { seq: number; problem: string } | null;
  names: Map<string, ActorName>;
}

const allows = (event: string, state: RequestState) => transitions.some((t) => t.event === event && (t.from as readonly string[]).includes(state));

export function requestPageModel(view: ReviewView, options: PageOptions) {
  const t = (key: string, params?: Record<string, string | number>) => translate(options.locale, key, params);
  const secondApproval = view.state === 'awaiting_second_approval';
  // While a second approval is awaited, the set is the one the first moderator approved, and cannot change.
  const chosen = new Set(
    options.chosen && !secondApproval ? options.chosen : view.posts.flatMap((p) => p.findings.filter((f) => (secondApproval ? f.approved === true : f.approved !== false)).map((f) => f.id)),
  );
  const actorName = (label: string) => {
    const known = options.names.get(label);
    if (known) return known.kind === 'token' ? t('console.request.audit.viaToken', { name: known.name }) : known.name;
    return hasTranslation(options.locale, `console.request.audit.actors.${label}`) ? t(`console.request.audit.actors.${label}`) : label;
  };
  const iAmFirst = secondApproval && view.firstApproval?.by === options.me && options.fourEyes;
  const errors = options.errors;
  const postIndex = new Map(view.posts.map((p, i) => [p.id, i]));
  /** The message for a field of a form, shown beside it; for a post's finding form, only that post's. */
  const fieldError = (form: RequestForm, name: string, postId?: string): string | null =>
    errors?.form === form && (postId === undefined || errors.postId === postId) ? errors.fields.find((f) => f.field === name)?.message ?? null : null;
  const fieldLabel = (form: RequestForm, name: string) => (hasTranslation(options.locale, `console.request.fields.${form}.${name}`) ? t(`console.request.fields.${form}.${name}`) : name);
  return {
    view,
    posts: view.posts.filter((post) => post.source !== quoteSource).map((post, index) => ({
      ...postModel(post, index, chosen, t, options.locale),
      // Not read, rather than gone: the forum database did not answer.
      ...(view.forumReachable ? {} : { gone: false, unreadable: true }),
      // A child's request only: the moderator may delete the whole post instead of redacting it.
      action: post.action,
      canDelete: view.childUnder13 && post.status === 'located' && (view.state === 'awaiting_review' || secondApproval),
      deleteChosen: options.deletes && !secondApproval ? options.deletes.includes(post.id) : post.action === 'delete',
    })),
    /** Other people's posts whose quotes of the removed text were rewritten: listed, never reviewed. */
    quotingPosts: view.posts.filter((post) => post.source === quoteSource && post.status === 'redacted').map((post) => ({ id: post.id, url: post.url })),
    decide: {
      canApprove: (view.state === 'awaiting_review' || secondApproval) && !iAmFirst,
      secondApproval,
      iAmFirst,
      firstApprover: view.firstApproval ? actorName(view.firstApproval.by) : null,
      firstApprovedAt: view.firstApproval?.at ?? null,
      canRefuse: allows('refuse', view.state),
      canAsk: allows('ask', view.state),
      canAddFinding: view.state === 'awaiting_review',
      fourEyes: options.fourEyes,
      reasons: refusalReasons.map((reason) => ({ reason, label: t(`reasonLabels.${reason}`), message: translate(requesterLocale(view.lang), `reasons.${reason}`) })),
      requesterLang: requesterLocale(view.lang),
      // 'passage' is what a requester quoted; a moderator's own span that fits no kind is 'other'.
      findingTypes: manualFindingTypes.filter((type) => type !== 'passage').map((type) => ({ type, label: t(`kinds.${type}`) })),
    },
    errors: errors ?? null,
    /** The summary at the top: each problem, linking to its field. */
    errorList: errors
      ? errors.fields.length > 0
        ? errors.fields.map((f) => ({ href: `#${fieldIdOf(errors, f.field, postIndex)}`, label: fieldLabel(errors.form, f.field), message: f.message }))
        : [{ href: `#${fieldIdOf(errors, '', postIndex)}`, label: '', message: errors.message }]
      : [],
    fieldError,
    /** What was typed in the form that failed; a post's finding form gets it back only if it was the one. */
    values: options.values ?? {},
    audit: {
      entries: options.audit.map((entry) => ({
        seq: entry.seq,
        at: entry.at,
        actor: actorName(entry.actor),
        action: hasTranslation(options.locale, `console.request.audit.actions.${entry.action}`) ? t(`console.request.audit.actions.${entry.action}`) : entry.action,
        details: auditDetails(entry.data as Record<string, unknown>, options.locale),
      })),
      broken: options.auditBroken,
    },
  };
}

export type RequestPageModel = ReturnType<typeof requestPageModel>;

const findingFields = ['location', 'start', 'end', 'text', 'type', 'owner'];

/** The id of the element a problem is about (ids as templates/console/request*.eta write them). */
function fieldIdOf(errors: PageErrors, name: string, postIndex: Map<string, number>): string {
  switch (errors.form) {
    case 'approve':
      return 'decide-approve';
    case 'refuse':
      return name === 'message' ? 'refuse-message' : 'refuse-reason';
    case 'ask':
      return 'ask-question';
    case 'finding': {
      const index = postIndex.get(errors.postId ?? '');
      if (index === undefined) return 'posts';
      return findingFields.includes(name) ? `add-${index}-${name}` : `add-${index}`;
    }
  }
}

function requesterLocale(lang: string): Locale {
  return lang === 'fr' ? 'fr' : 'en';
}

function postModel(post: ReviewPost, index: number, chosen: ReadonlySet<string>, t: (key: string, params?: Record<string, string | number>) => string, locale: Locale) {
  const revisions = post.post?.revisions ?? [];
  const locationLabel = (location: string) => {
    if (location === 'body') return t('console.request.locations.body');
    const field = fieldNameOf(location);
    // The names forums commonly use are labelled in words; any other is shown as the forum mapping gives it.
    if (field !== null) return hasTranslation(locale, `console.request.locations.fields.${field}`) ? t(`console.request.locations.fields.${field}`) : field;
    const match = /^revision:(.+):(before|after)$/.exec(location);
    if (!match) return location;
    return t(`console.request.locations.${match[2]}`, { n: revisions.findIndex((r) => r.id === match[1]) + 1 });
  };
  const kind = (type: string) => t(`kinds.${type}`);
  const ownerLabel = (owner: string) => t(owner === 'requester' ? 'console.request.owners.requester' : 'console.request.owners.other');
  const label = (f: { type: string; owner: string }) => `${kind(f.type)}, ${ownerLabel(f.owner)}`;
  const previews = previewTexts(post.texts, post.findings, chosen);
  const withFindings = new Set(post.findings.map((f) => f.location));
  return {
    index,
    id: post.id,
    url: post.url,
    status: post.status,
    source: post.source,
    author: post.post?.author ?? null,
    createdAt: post.post?.createdAt ?? null,
    gone: post.post === null,
    /** Shown plainly when the findings cannot be placed in it. */
    currentBody: post.asReviewed ? null : post.post?.body ?? null,
    changedSinceReview: post.changedSinceReview,
    asReviewed: post.asReviewed,
    // The body and every field that holds text always (the moderator reviews all that will be rewritten); a
    // revision when it holds a finding or the redaction rewrites it.
    locations: post.texts
      .filter(
        (text) =>
          text.location === 'body' ||
          (fieldNameOf(text.location) !== null && text.text !== '') ||
          withFindings.has(text.location) ||
          previews.get(text.location) !== text.text,
      )
      .map((text) => ({
        location: text.location,
        label: locationLabel(text.location),
        html: markedHtml(text.text, post.findings.filter((f) => f.location === text.location), chosen, label),
        preview: previews.get(text.location) ?? text.text,
      })),
    locationOptions: post.texts.map((text) => ({ value: text.location, label: locationLabel(text.location) })),
    findings: post.findings.map((f) => ({
      ...f,
      kind: kind(f.type),
      ownerLabel: ownerLabel(f.owner),
      locationLabel: locationLabel(f.location),
      checked: chosen.has(f.id),
      markClass: markClass(f, chosen.has(f.id)),
      placeholder: placeholderOf(f.type),
    })),
  };
}

/** An audit entry's data in words: the state change, then every other field as name: value. */
function auditDetails(data: Record<string, unknown>, locale: Locale): string {
  const { from, to, ...rest } = data ?? {};
  const state = (value: unknown) => (typeof value === 'string' && hasTranslation(locale, `console.states.${value}`) ? translate(locale, `console.states.${value}`) : String(value));
  const parts = from !== undefined || to !== undefined ? [`${state(from)} → ${state(to)}`] : [];
  for (const [name, value] of Object.entries(rest)) parts.push(`${name}: ${typeof value === 'string' ? value : JSON.stringify(value)}`);
  return parts.join('; ');
}
