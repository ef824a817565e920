// Finds the requester's name as people write it: any case, with or without accents, hyphen or space, in
// either order, "Marie D.", "Mme Dupont", or the given name alone when no other family name follows it.
import { titleBefore } from '../courtesyTitles';
import { foldText, locateFolded, quickFold } from '../foldedText';
import { isFamilyFirstSurname, resemblesFamilyName, type NameForm } from '../personName';
import type { Recognizer } from '../recognizer';
import { factsOf } from '../textFacts';
import { isWholeToken } from '../tokenBoundary';
import type { Span } from '../types';

export const requesterNameRecognizer: Recognizer = {
  name: 'requester name',
  recognize(text, context) {
    const { requester } = context;
    if (requester.nameForms.length === 0) return [];
    // Folding with offsets costs more than all the matching: first a quick look for any word of the name, in the
    // text lower-cased (most often enough), then without accents.
    const lower = factsOf(text, context).lower;
    if (!requester.nameTokens.some((token) => lower.includes(token))) {
      const quick = quickFold(text, lower);
      if (!requester.nameTokens.some((token) => quick.includes(token))) return [];
    }
    const folded = foldText(text, { joinHyphens: true, lowerCase: lower });
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
      return isFamilyFirstSurname(bare) || resemblesFamilyName(bare, form.family);
    }
    return false;
  }
  const after = /^[ \u00a0]+(\p{L}[\p{L}'’-]*\.?)/u.exec(text.slice(end, end + 30))?.[1];
  if (after === undefined) return false;
  const bare = foldText(after.replace(/\.$/u, ''), { joinHyphens: true }).value;
  if (form.tokens.includes(bare)) return false;
  const isInitial = /^\p{Lu}\.$/u.test(after);
  const looksLikeName = /^\p{Lu}/u.test(after) && (after.length > 1 || isInitial);
  return looksLikeName || resemblesFamilyName(bare, form.family);
}
