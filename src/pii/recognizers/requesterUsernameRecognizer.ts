// Finds the requester's usernames in any case: bare ("marie_reads"), as an @handle (the "@" is part of the
// span), or inside a profile link, where the whole link is what identifies them.
import { foldText, locateFolded, quickFold } from '../foldedText';
import type { Recognizer } from '../recognizer';
import { factsOf } from '../textFacts';
import { endsToken } from '../tokenBoundary';
import type { Span } from '../types';

const urlAround = /(?:https?:\/\/|www\.)[^\s<>()[\]"'`]+|(?<![\p{L}\p{N}.@/])(?:[\p{L}\p{N}-]+\.)+[a-z]{2,}\/[^\s<>()[\]"'`]+/giu;

export const requesterUsernameRecognizer: Recognizer = {
  name: 'requester username',
  recognize(text, context) {
    const { requester } = context;
    if (requester.usernames.length === 0) return [];
    // A quick look before folding for real: in the text lower-cased (most often enough), then without accents.
    const lower = factsOf(text, context).lower;
    if (!requester.usernames.some((username) => lower.includes(username))) {
      const quick = quickFold(text, lower);
      if (!requester.usernames.some((username) => quick.includes(username))) return [];
    }
    const folded = foldText(text, { lowerCase: lower });
    // The links are read only once a username is found: most posts that pass the quick look hold none.
    let links: { start: number; end: number }[] | undefined;
    const spans: Span[] = [];
    for (const username of requester.usernames) {
      for (const { start, end } of locateFolded(folded, username)) {
        links ??= [...text.matchAll(urlAround)].map((m) => ({ start: m.index, end: m.index + trimLink(m[0]).length }));
        const link = links.find((l) => l.start < start && end <= l.end);
        if (link) {
          if (text[start - 1] === '/' || text[start - 1] === '@') {
            spans.push({ start: link.start, end: link.end, type: 'profile_url', owner: 'requester', score: 0.9 });
          }
          continue;
        }
        if (!startsHandle(text, start) || !endsToken(text, end) || /^#\d/u.test(text.slice(end, end + 2))) continue;
        const handleStart = text[start - 1] === '@' ? start - 1 : start;
        spans.push({ start: handleStart, end, type: 'username', owner: 'requester', score: 0.95 });
      }
    }
    return spans;
  },
};

/** A handle starts after "@" or on a word edge, never inside an email address or a longer handle. */
function startsHandle(text: string, start: number): boolean {
  const before = text[start - 1];
  if (before === undefined) return true;
  if (before === '@') return !/[\p{L}\p{N}._%+-]/u.test(text[start - 2] ?? '');
  if (/[\p{L}\p{N}_]/u.test(before)) return false;
  if (/[.\-/#+]/u.test(before)) return !/[\p{L}\p{N}_]/u.test(text[start - 2] ?? '');
  return true;
}

/** Sentence punctuation after a link is not part of it. */
function trimLink(link: string): string {
  return link.replace(/[.,;:!?)\]*]+$/u, '');
}
