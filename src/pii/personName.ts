// How a requester's name can be written in a post: the whole name in either order, "Marie D.", "Mme Dupont",
// or the given name alone. Each form carries how sure a match of it makes us that the requester is meant.
import { foldNeedle } from './foldedText';

export type NameFormKind = 'full' | 'initial' | 'family' | 'given';

export interface NameForm {
  kind: NameFormKind;
  /** Folded as foldText(…, { joinHyphens: true }) folds the text it is searched in. */
  folded: string;
  score: number;
  /** The folded family name, to tell a namesake ("Marie Dupond") from the requester. */
  family: string;
  /** Folded name tokens, to tell the requester's own middle names from another person's family name. */
  tokens: string[];
  /** Whether the given name comes last, as in Vietnamese "Nguyễn Quang Tuấn". */
  familyFirst: boolean;
}

// Vietnamese names put the family name first and people are called by the last word ("Tuấn"). These
// family names cover most Vietnamese people; a name starting with one is read in that order.
const familyFirstSurnames = new Set([
  'nguyen', 'tran', 'le', 'pham', 'hoang', 'huynh', 'phan', 'vu', 'vo', 'dang', 'bui', 'do', 'ho', 'ngo',
  'duong', 'ly', 'trinh', 'dinh', 'lam', 'mai', 'truong', 'luong', 'ha', 'cao', 'doan', 'chu', 'thai', 'ta',
]);

export function isFamilyFirstSurname(folded: string): boolean {
  return familyFirstSurnames.has(folded);
}

export function familyFirstSurnameList(): string[] {
  return [...familyFirstSurnames];
}

export function nameFormsOf(name: string): NameForm[] {
  const words = name.trim().split(/\s+/u).filter((w) => w !== '');
  const tokens = words.map((w) => foldNeedle(w, { joinHyphens: true }));
  if (tokens.length === 0 || tokens.join('') === '') return [];
  const full = tokens.join(' ');
  if (tokens.length === 1) return [form('full', full, 1, '', tokens, false)];

  // "Mai Nguyen" is Western order: the last word is a family name too.
  const familyFirst = familyFirstSurnames.has(tokens[0] ?? '') && !familyFirstSurnames.has(tokens[tokens.length - 1] ?? '');
  const given = familyFirst ? tokens.slice(-1) : tokens.slice(0, 1);
  const family = familyFirst ? tokens.slice(0, 1) : tokens.slice(1);
  const familyText = family.join(' ');
  const forms: NameForm[] = [form('full', full, 1, familyText, tokens, familyFirst)];

  // Administrative order ("DUPONT Marie") or, for a family-first name, the Western order ("Tuấn Nguyễn").
  const swapped = familyFirst ? [...given, ...family] : [...family, ...given];
  forms.push(form('full', swapped.join(' '), 0.95, familyText, tokens, familyFirst));
  if (!familyFirst) {
    // Where the given name ends is unknown ("María José Iglesias"), so every split is tried: "María I.",
    // "María José I.", and the compound given name alone.
    for (let k = 1; k < tokens.length; k++) {
      const head = tokens.slice(0, k).join(' ');
      forms.push(form('initial', `${head} ${(tokens[k] ?? '').charAt(0)}`, 0.85, familyText, tokens, familyFirst));
      if (k >= 2) forms.push(form('given', head, 0.75, familyText, tokens, familyFirst));
    }
  } else {
    forms.push(form('initial', `${given.join(' ')} ${familyText.charAt(0)}`, 0.85, familyText, tokens, familyFirst));
    if (tokens.length >= 3) forms.push(form('given', tokens.slice(-2).join(' '), 0.75, familyText, tokens, familyFirst));
  }
  forms.push(form('family', familyText, 0.8, familyText, tokens, familyFirst));
  const givenText = given.join(' ');
  if (givenText.length >= 2) forms.push(form('given', givenText, 0.7, familyText, tokens, familyFirst));
  return dedupe(forms);
}

function form(kind: NameFormKind, folded: string, score: number, family: string, tokens: string[], familyFirst: boolean): NameForm {
  return { kind, folded, score, family, tokens, familyFirst };
}

function dedupe(forms: NameForm[]): NameForm[] {
  const seen = new Set<string>();
  return forms.filter((f) => {
    const key = `${f.kind}:${f.folded}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** "vogels" for Vogel, "dupond" for Dupont, "whitmore" for Whitfield: a family name that belongs to a look-alike. */
export function resemblesFamilyName(word: string, family: string): boolean {
  const space = family.indexOf(' ');
  const target = space === -1 ? family : family.slice(0, space);
  if (target.length < 4 || word.length < 3) return false;
  // A shared start is as telling as a typo. Lengths three apart are more than two edits: no need to count them.
  if (word.length >= 4 && word.slice(0, 4) === target.slice(0, 4)) return true;
  return Math.abs(word.length - target.length) <= 2 && editDistance(word, target) <= 2;
}

// Two rows of the edit distance table, kept between calls: it runs for every name-like word of someone else.
let previousRow = new Int32Array(32);
let currentRow = new Int32Array(32);

/** Levenshtein distance: letters changed, added or dropped. */
function editDistance(a: string, b: string): number {
  if (previousRow.length <= b.length) {
    previousRow = new Int32Array(b.length + 1);
    currentRow = new Int32Array(b.length + 1);
  }
  let previous = previousRow;
  let current = currentRow;
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length] ?? 0;
}
