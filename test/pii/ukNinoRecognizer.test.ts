// UK National Insurance numbers are found compact or spaced when their letters are allowed ones.
import type { RecognitionContext } from '../../src/pii/recognizer';
import { ukNinoRecognizer } from '../../src/pii/recognizers/ukNinoRecognizer';

const context = {} as RecognitionContext;
const found = (text: string) => ukNinoRecognizer.recognize(text, context).map((s) => text.slice(s.start, s.end));

describe('a UK National Insurance number', () => {
  it('is found compact and spaced in pairs', () => {
    expect(found('I typed GH 27 70 34 C, then WH365150A.')).toEqual(['GH 27 70 34 C', 'WH365150A']);
  });

  it('is not reported with letters never used or prefixes never allocated', () => {
    expect(found('QQ123456C DA123456A AO123456B GB123456A TN123456D ZZ123456C AB123456E')).toEqual([]);
  });

  it('in lower case needs "national insurance" nearby', () => {
    expect(found('my national insurance number is ab123456c')).toEqual(['ab123456c']);
    expect(found('the part ab123456c fits')).toEqual([]);
  });
});
