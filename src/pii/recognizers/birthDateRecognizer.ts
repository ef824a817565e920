// Finds dates of birth: a full date with a birth word close before or just after it ("born", "DOB", "née le",
// "date de naissance", "birthday"…). A date without one is a purchase, a release or a log line, not PII.
import { findCalendarDates } from '../calendarDate';
import { cueWords } from '../cueWords';
import type { Recognizer } from '../recognizer';
import { factsOf } from '../textFacts';
import type { Span } from '../types';

const birthCues = cueWords(
  ['born', 'birth', 'birthday', 'birthdate', 'bday', 'dob', 'd o b', 'naissance', 'anniversaire', 'geboren', 'geburtsdatum', 'geburtstag', 'nacimiento'],
  // Real words one typo away from a cue.
  ['bon', 'bonn', 'borne', 'bore', 'bone', 'burn', 'barn', 'berth', 'birch', 'girth', 'worn', 'torn', 'horn', 'corn'],
);
// "né le", "née le", "né(e)": the French participle is too short to be matched forgivingly, and bare "ne" is a negation.
const frenchBorn = /(?<!\p{L})(?:née?s?|ne\(e\)|nee)(?:\s*\(e\))?(?!\p{L})/iu;
const cueBefore = 80;
const cueAfter = 40;

export const birthDateRecognizer: Recognizer = {
  name: 'birth date',
  recognize(text, context) {
    const spans: Span[] = [];
    const facts = factsOf(text, context);
    // A full date holds four digits at least ("1/2/85", a year): posts without are spared the patterns.
    if (!facts.hasDigitStretch(4)) return spans;
    const dates = findCalendarDates(text, facts.digitRunStarts);
    dates.forEach(({ start, end }, i) => {
      // A cue belongs to the nearest date: "born on 12/03/1985, bought on 05/06/2023" marks the first only.
      const before = text.slice(Math.max(dates[i - 1]?.end ?? 0, start - cueBefore), start);
      const after = text.slice(end, Math.min(dates[i + 1]?.start ?? text.length, end + cueAfter));
      if (!birthCues.test(before) && !frenchBorn.test(before) && !birthCues.test(after)) return;
      spans.push({ start, end, type: 'date_of_birth', owner: 'other', score: 0.9 });
    });
    return spans;
  },
};
