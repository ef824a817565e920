// The requester's address is looked for only where each of its numbers is written as a word of the post.
import type { RecognitionContext } from '../../src/pii/recognizer';
import { requesterAddressRecognizer } from '../../src/pii/recognizers/requesterAddressRecognizer';
import { buildRequesterProfile } from '../../src/pii/requesterProfile';

const requester = buildRequesterProfile({ names: [], emails: [], phones: [], usernames: [], addresses: ['12 rue du Helder, 75009 Paris'] }, 'FR');
const found = (text: string) =>
  requesterAddressRecognizer.recognize(text, { requester, defaultCountry: 'FR' } as RecognitionContext).map((s) => text.slice(s.start, s.end));

describe("the requester's address recognizer", () => {
  it('finds the address when its numbers are words of the post, after a digit elsewhere too', () => {
    expect(found('ref 7512 then 12 rue du Helder, 75009 Paris.')).toEqual(['12 rue du Helder, 75009 Paris']);
    expect(found('(12, rue du Helder,75009-Paris)')).toEqual(['12, rue du Helder,75009-Paris']);
  });

  it('finds nothing where a number is only part of a longer one or of a word', () => {
    expect(found('112 rue du Helder, 75009 Paris')).toEqual([]);
    expect(found('12 rue du Helder, 750090 Paris and x12 y75009')).toEqual([]);
  });
});
