// A date is a date of birth only when a birth word stands close to it, in English or French, typos included.
import type { RecognitionContext } from '../../src/pii/recognizer';
import { birthDateRecognizer } from '../../src/pii/recognizers/birthDateRecognizer';

const context = {} as RecognitionContext;
const found = (text: string) => birthDateRecognizer.recognize(text, context).map((s) => text.slice(s.start, s.end));

describe('a date of birth', () => {
  it.each([
    ['The account is in my name, born on 19/07/2005, registered with me', '19/07/2005'],
    ['date of birth 1994-06-05, registered', '1994-06-05'],
    ['DOB: March 12th, 1985.', 'March 12th, 1985'],
    ['I was born 12 March 1985 in Leeds', '12 March 1985'],
    ['Le compte est à mon nom, née le 3 février 1990, adresse', '3 février 1990'],
    ['né(e) le 1er mars 1990', '1er mars 1990'],
    ['ma date de naissance, j’ai mis le 23/07/1957 et ça bloque', '23/07/1957'],
    ['Geburtsdatum: 12. März 1985', '12. März 1985'],
    ['12/21/2006 is my birthday', '12/21/2006'],
  ])('is found with its birth word: %s', (text, date) => {
    expect(found(text)).toEqual([date]);
  });

  it('is found when the birth word is misspelt', () => {
    expect(found('in my name, bonr on 1977-03-01, registered')).toEqual(['1977-03-01']);
    expect(found('daate of biirth 1974-10-24')).toEqual(['1974-10-24']);
    expect(found('ma date de naaisasnce : 19 juin 1964')).toEqual(['19 juin 1964']);
  });

  it('is not any date without a birth word: purchases, releases, log lines', () => {
    const text = 'Bought on 05/02/2023 for 17,99 €, released March 12, 2024.\n2023-11-15T17:52:21Z E/Sync: 0x80070005';
    expect(found(text)).toEqual([]);
  });

  it('takes the date nearest its birth word, not a later purchase date', () => {
    expect(found('born on 12/03/1985, bought my Kobo on 05/06/2023')).toEqual(['12/03/1985']);
  });

  it('is not found after words that only look like a birth word ("bon", "Adobe") or a bare "ne"', () => {
    expect(found("C'est bon, j'ai mis le 12/03/2023. My Adobe ID since 01/08/2022. Je ne le 05/06/2023")).toEqual([]);
  });

  it('is not a version number, a year alone or an impossible date', () => {
    expect(found('born in 1985, date of birth 31/31/1985, born with version 4.2.1 and build 10.0.19045')).toEqual([]);
  });
});
