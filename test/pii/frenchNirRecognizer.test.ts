// French social security numbers are found in the ways they are written, when their 97-key is right.
import type { RecognitionContext } from '../../src/pii/recognizer';
import { frenchNirRecognizer } from '../../src/pii/recognizers/frenchNirRecognizer';

const context = {} as RecognitionContext;
const found = (text: string) => frenchNirRecognizer.recognize(text, context).map((s) => text.slice(s.start, s.end));

describe('a French NIR', () => {
  it('is found spaced as on the carte Vitale, compact, and with its key apart', () => {
    const text = "J'ai mis 2 69 05 49 588 157 80, puis 269054958815780, puis 2690549588157 80.";
    expect(found(text)).toEqual(['2 69 05 49 588 157 80', '269054958815780', '2690549588157 80']);
  });

  it('born in Corsica is checked with 2A and 2B counted as 19 and 18', () => {
    // 1 85 05 2A 123 456 → 1850519123456 mod 97 gives the key.
    const body = 1850519123456;
    const key = String(97 - (body % 97)).padStart(2, '0');
    expect(found(`numéro 1 85 05 2A 123 456 ${key}`)).toEqual([`1 85 05 2A 123 456 ${key}`]);
  });

  it('is not reported when the key is wrong', () => {
    expect(found('2 69 05 49 588 157 81')).toEqual([]);
  });

  it('is not a 15-digit order or tracking number', () => {
    expect(found('commande n° 269054958815780')).toEqual([]);
  });
});
