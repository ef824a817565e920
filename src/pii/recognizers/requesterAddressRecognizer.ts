// Finds the postal addresses the requester gave, however the post writes them: on one line or two, in capitals,
// with a street type cut short or a comma after the number. The whole address is one span.
import { addressWordsOf, locateAddress } from '../addressForm';
import type { Recognizer } from '../recognizer';
import type { Span } from '../types';

export const requesterAddressRecognizer: Recognizer = {
  name: 'requester address',
  recognize(text, { requester }) {
    // Every address has a house number or a postcode: without one of those digits in the post, nothing to read.
    const present = requester.addresses.filter((form) => form.every((word) => !/^\d+$/u.test(word) || text.includes(word)));
    if (present.length === 0) return [];
    const words = addressWordsOf(text);
    const spans: Span[] = [];
    for (const form of present) {
      for (const { start, end } of locateAddress(text, words, form)) spans.push({ start, end, type: 'address', owner: 'requester', score: 1 });
    }
    return spans;
  },
};
