// Finds email addresses written plainly. The requester's own addresses (in any case) are theirs; any other
// personal address is someone else's; role and example addresses are nobody's and are left alone.
import { emailStartingAt, isImpersonalAddress, localPartStart, normaliseEmail } from '../emailAddress';
import type { Recognizer } from '../recognizer';
import type { Span } from '../types';

export const emailRecognizer: Recognizer = {
  name: 'email',
  recognize(text, { requester }) {
    const spans: Span[] = [];
    // An address is found from its "@", the rare part: the pattern is tried only where the local part before it
    // starts, and after an address only from its end on, so the addresses are those a global scan would find.
    let from = 0;
    for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
      const start = localPartStart(text, at);
      if (start < from) continue;
      const match = emailStartingAt(text, start);
      if (match === null) continue;
      const address = match[0];
      from = start + address.length;
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
