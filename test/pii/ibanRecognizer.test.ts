// IBANs are found compact or grouped by four, in any case, when their country format and mod-97 check hold.
import type { RecognitionContext } from '../../src/pii/recognizer';
import { ibanRecognizer } from '../../src/pii/recognizers/ibanRecognizer';

const context = {} as RecognitionContext;
const found = (text: string) => ibanRecognizer.recognize(text, context).map((s) => text.slice(s.start, s.end));

describe('an IBAN', () => {
  it('is found grouped by four, ending at its last group, and compact', () => {
    const text = 'IBAN FR76 3000 6000 0112 3456 7890 189 merci, or GB82WEST12345698765432.';
    expect(found(text)).toEqual(['FR76 3000 6000 0112 3456 7890 189', 'GB82WEST12345698765432']);
  });

  it('is found in lower case, and for other countries', () => {
    expect(found('iban: de89 3704 0044 0532 0130 00, BE68 5390 0754 7034, CH93 0076 2011 6238 5295 7')).toEqual([
      'de89 3704 0044 0532 0130 00',
      'BE68 5390 0754 7034',
      'CH93 0076 2011 6238 5295 7',
    ]);
  });

  it('is not reported when one digit is wrong', () => {
    expect(found('IBAN FR76 3000 6000 0112 3456 7890 188')).toEqual([]);
  });

  it('is not a BIC, nor a code that starts like an IBAN', () => {
    expect(found('BIC NWBKGB2L, BNPAFRPPXXX, ticket AB12 3456 7890 1234')).toEqual([]);
  });

  it('next to another is found twice', () => {
    expect(found('GB82WEST12345698765432 GB82WEST12345698765432')).toHaveLength(2);
  });
});
