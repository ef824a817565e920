// Finds email addresses written plainly. The requester's own addresses (in any case) are theirs; any other
// personal address is someone else's; role and example addresses are nobody's and are left alone.
import { anchoredMatches, positionsOf } from '../anchoredMatches';
import { emailStartingAt, isImpersonalAddress, localPartStart, normaliseEmail } from '../emailAddress';
import type { Recognizer } from '../recognizer';
import type { Span } from '../types';

export const emailRecognizer: Recognizer = {
  name: 'email',
  recognize(text, { requester }) {
    const spans: Span[] = [];
    // An address is found from its "@", the rare part: the pattern is tried only where the local part before it starts.
    const starts = positionsOf(text, '@').map((at) => localPartStart(text, at));
    for (const match of anchoredMatches(emailStartingAt, text, starts)) {
      const address = match[0];
      const isRequesters = requester.emails.has(normaliseEmail(address));
      if (!isRequesters && isImpersonalAddress(address)) continue;
      spans.push({
        start: match.index,
        end: match.index + address.length,
        type: 'email',
        owner: isRequesters ? 'requester' : 'other',
        score: isRequesters ? 1 : 0.95,
      });
    }
    return spans;
  },
};
