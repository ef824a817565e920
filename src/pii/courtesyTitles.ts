// Courtesy titles ("Mme", "Mr.", "Dr") that announce a family name. The title stays outside a name's span, but
// it makes a capitalised word a person, and its gender tells "M. Dupont" from Marie Dupont.
import type { NameGender } from './givenNames';

const titleGenders = new Map<string, NameGender>([
  ['mr', 'm'], ['mister', 'm'], ['sir', 'm'], ['m', 'm'], ['monsieur', 'm'], ['herr', 'm'], ['sr', 'm'], ['senor', 'm'], ['signor', 'm'],
  ['mrs', 'f'], ['ms', 'f'], ['miss', 'f'], ['mme', 'f'], ['mmes', 'f'], ['mlle', 'f'], ['madame', 'f'], ['mademoiselle', 'f'],
  ['frau', 'f'], ['sra', 'f'], ['senora', 'f'], ['signora', 'f'],
  ['mx', 'x'], ['dr', 'x'], ['doctor', 'x'], ['docteur', 'x'], ['pr', 'x'], ['prof', 'x'], ['me', 'x'], ['maitre', 'x'],
]);

// Short titles are also words or letters ("M" in "M 12", "Me" in "call Me"): they need their dot or a capital name.
const needsDot = new Set(['m', 'me', 'pr', 'sr', 'sra']);

/** The gender a title agrees with, or undefined when the folded word is not a title. */
export function titleGender(folded: string): NameGender | undefined {
  return titleGenders.get(folded);
}

/** Whether a written word, followed by `next` (the characters after it), reads as a courtesy title. */
export function isTitleWord(folded: string, next: string): boolean {
  if (!titleGenders.has(folded)) return false;
  return !needsDot.has(folded) || next.startsWith('.');
}

/** Every title, folded, and those of them that need their dot (see isTitleWord). */
export function titleWordList(): { titles: string[]; needingDot: string[] } {
  return { titles: [...titleGenders.keys()], needingDot: [...needsDot] };
}

const spelledTitles = [...titleGenders.keys()].filter((t) => !needsDot.has(t));
/** A title just before a position in the text: "Mme ", "Mr. ", "M. ", "Monsieur ". */
export const titleBefore = new RegExp(
  String.raw`(?<![\p{L}])(?:(?:${spelledTitles.join('|')}|señor|señora|maître)\.?|(?:${[...needsDot].join('|')})\.)[ \u00a0]+$`,
  'iu',
);
