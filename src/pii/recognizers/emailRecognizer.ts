// Finds email addresses written plainly. The requester's own addresses (in any case) are theirs; any other
// personal address is someone else's; role and example addresses are nobody's and are left alone.
import { emailPattern, isImpersonalAddress, normaliseEmail } from '../emailAddress';
import type { Recognizer } from '../recognizer';
import type { Span } from '../types';

export const emailRecognizer: Recognizer = {
  name: 'email',
  recognize(text, { requester }) {
    const spans: Span[] = [];
    if (!text.includes('@')) return spans; // most posts: the pattern would be tried at every character for nothing
    for (const match of text.matchAll(emailPattern)) {
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
