// Finds the requester's name as people write it: any case, with or without accents, hyphen or space, in
// either order, "Marie D.", "Mme Dupont", or the given name alone when no other family name follows it.
import { foldText, locateFolded } from '../foldedText';
import { isFamilyFirstSurname, type NameForm } from '../personName';
import type { Recognizer } from '../recognizer';
import { isWholeToken } from '../tokenBoundary';
import type { Span } from '../types';

// Courtesy titles stay outside the span, but they are what makes a family name alone mean a person.
const titles = ['m', 'mr', 'mrs', 'ms', 'mx', 'mme', 'mmes', 'mlle', 'dr', 'pr', 'sr', 'sra', 'madame', 'monsieur',
  'mademoiselle', 'miss', 'mister', 'herr', 'frau', 'señor', 'señora', 'docteur', 'doctor'];
const titleBefore = new RegExp(String.raw`(?<![\p{L}])(?:${titles.join('|')})\.?[ \u00a0]+$`, 'iu');

export const requesterNameRecognizer: Recognizer = {
  name: 'requester name',
  recognize(text, { requester }) {
    if (requester.nameForms.length === 0) return [];
    const folded = foldText(text, { joinHyphens: true });
    const spans: Span[] = [];
    for (const form of requester.nameForms) {
      for (const { start, end: matchEnd } of locateFolded(folded, form.folded)) {
        const end = form.kind === 'initial' ? initialEnd(text, matchEnd) : matchEnd;
        if (end === undefined || !isWholeToken(text, start, end) || text[start - 1] === '@') continue;
        if (form.kind === 'family' && !titleBefore.test(text.slice(Math.max(0, start - 14), start))) continue;
        if (form.kind === 'given' && namesSomeoneElse(text, start, end, form)) continue;
        spans.push({ start, end, type: 'person', owner: 'requester', score: form.score });
      }
    }
    return spans;
  },
};

/** "Marie D." — the initial must be a capital; the dot belongs to the name. */
function initialEnd(text: string, matchEnd: number): number | undefined {
  const initial = text[matchEnd - 1] ?? '';
  if (initial === initial.toLowerCase()) return undefined;
  return text[matchEnd] === '.' ? matchEnd + 1 : matchEnd;
}

/**
 * A given name followed by another family name ("Marie Dupond", "Ulrike Hoffmann", "Kayleigh B.") is a
 * namesake, not the requester. In family-first order the family name comes before: "Trầns Văn Huy".
 */
function namesSomeoneElse(text: string, start: number, end: number, form: NameForm): boolean {
  if (form.familyFirst) {
    // Step back over the requester's own middle names to the word that would be the family name.
    const lineBefore = text.slice(Math.max(0, start - 60), start).split('\n').pop() ?? '';
    if (!/[ \u00a0]$/u.test(lineBefore)) return false;
    const wordsBefore = lineBefore.split(/[ \u00a0]+/u).slice(0, -1);
    for (let i = wordsBefore.length - 1; i >= 0; i--) {
      const word = wordsBefore[i] ?? '';
      if (!/^\p{L}[\p{L}'’-]*$/u.test(word)) return false;
      const bare = foldText(word, { joinHyphens: true }).value;
      if (form.tokens.includes(bare)) continue;
      return isFamilyFirstSurname(bare) || resembles(bare, form.family);
    }
    return false;
  }
  const after = /^[ \u00a0]+(\p{L}[\p{L}'’-]*\.?)/u.exec(text.slice(end, end + 30))?.[1];
  if (after === undefined) return false;
  const bare = foldText(after.replace(/\.$/u, ''), { joinHyphens: true }).value;
  if (form.tokens.includes(bare)) return false;
  const isInitial = /^\p{Lu}\.$/u.test(after);
  const looksLikeName = /^\p{Lu}/u.test(after) && (after.length > 1 || isInitial);
  return looksLikeName || resembles(bare, form.family);
}

/** "vogels" for Vogel, "dupond" for Dupont: the look-alike family names that belong to someone else. */
function resembles(word: string, family: string): boolean {
  const target = family.split(' ')[0] ?? '';
  if (target.length < 4 || word.length < 3) return false;
  // "whitmore" for Whitfield: a shared start is as telling as a typo.
  return editDistance(word, target) <= 2 || (word.length >= 4 && word.slice(0, 4) === target.slice(0, 4));
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
