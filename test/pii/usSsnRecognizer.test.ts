// US social security numbers are found dashed on their shape, spaced or unbroken only after a word such as
// "SSN"; numbers never issued are not.
import type { RecognitionContext } from '../../src/pii/recognizer';
import { usSsnRecognizer } from '../../src/pii/recognizers/usSsnRecognizer';

const context = {} as RecognitionContext;
const found = (text: string) => usSsnRecognizer.recognize(text, context).map((s) => text.slice(s.start, s.end));

describe('a US social security number', () => {
  it('written AAA-GG-SSSS is found on its shape', () => {
    expect(found('Stupidly I gave it to them (528-08-6216) before I realised.')).toEqual(['528-08-6216']);
  });

  it('spaced or unbroken is found after "SSN" or "social security", even a sentence before', () => {
    const text = 'They asked for my SSN to "verify the account". Stupidly I gave it to them (844834400). Social security no. 447 23 5380';
    expect(found(text)).toEqual(['844834400', '447 23 5380']);
  });

  it('spaced or unbroken without such a word is just nine digits', () => {
    expect(found('Got 844834400 points, ref 447 23 5380')).toEqual([]);
  });

  it('is not reported in ranges never issued: area 000, 666 or 9xx, group 00, serial 0000', () => {
    expect(found('SSN 000-12-3456, 666-12-3456, 912-12-3456, 123-00-4567, 123-45-0000')).toEqual([]);
  });

  it('is not a date, a phone number or part of a longer number', () => {
    expect(found('on 2023-11-15, call 415-555-0132, order 1234-567-89-0123')).toEqual([]);
  });
});
