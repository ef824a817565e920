// Finds the postal addresses the requester gave, however the post writes them: on one line or two, in capitals,
// with a street type cut short or a comma after the number. The whole address is one span.
import { addressWordsOf, locateAddress } from '../addressForm';
import type { Recognizer } from '../recognizer';
import type { Span } from '../types';

export const requesterAddressRecognizer: Recognizer = {
  name: 'requester address',
  recognize(text, { requester }) {
    if (requester.addresses.length === 0) return [];
    // Every address has a house number or a postcode: without each of its numbers written as a word of the post,
    // nothing to read.
    const present = requester.addresses.filter((form) => numbersOf(form).every((number) => hasAsWord(text, number)));
    if (present.length === 0) return [];
    const words = addressWordsOf(text);
    const spans: Span[] = [];
    for (const form of present) {
      for (const { start, end } of locateAddress(text, words, form)) spans.push({ start, end, type: 'address', owner: 'requester', score: 1 });
    }
    return spans;
  },
};

// The numbers of each address form, found once per form: the requester's profile is kept from post to post.
const formNumbers = new WeakMap<readonly string[], string[]>();

function numbersOf(form: readonly string[]): string[] {
  let numbers = formNumbers.get(form);
  if (numbers === undefined) {
    numbers = form.filter((word) => /^\d+$/u.test(word));
    formNumbers.set(form, numbers);
  }
  return numbers;
}

/**
 * Whether `number` is written in `text` with no ASCII letter or digit against it: an address's word is a whole
 * word of the post ("4751" inside "47512" is none). A non-ASCII neighbour is let through; locateAddress decides.
 */
function hasAsWord(text: string, number: string): boolean {
  for (let at = text.indexOf(number); at !== -1; at = text.indexOf(number, at + 1)) {
    if (!isAsciiLetterOrDigit(text.charCodeAt(at - 1)) && !isAsciiLetterOrDigit(text.charCodeAt(at + number.length))) return true;
  }
  return false;
}

function isAsciiLetterOrDigit(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}
