// Whether a match stands on its own in the original text, so "Ann" is not found in "Annual", a name is not found
// inside someone else's email address, and "marie" is not found in the username "marie.reads".

const wordChar = /[\p{L}\p{N}_]/u;
// Joiners glue two words into one token ("jean-marie", "khadija.ouali@", "o'connor") only when a word
// character stands on their other side too; at the end of a sentence "Marie." is still a whole name.
const joiners = new Set(['.', '-', "'", '’', '@', '/', '#', '+']);

export function startsToken(text: string, start: number): boolean {
  const before = text[start - 1];
  if (before === undefined) return true;
  if (wordChar.test(before)) return false;
  if (!joiners.has(before)) return true;
  if (before === "'" || before === '’') return /(?:^|[^\p{L}])(?:[dlDL]|[qQ]u)['’]$/u.test(text.slice(Math.max(0, start - 4), start));
  const further = text[start - 2];
  return further === undefined || !wordChar.test(further);
}

export function endsToken(text: string, end: number): boolean {
  const after = text[end];
  if (after === undefined) return true;
  if (wordChar.test(after)) return false;
  if (!joiners.has(after)) return true;
  // "Marie's" is still Marie.
  if ((after === "'" || after === '’') && /^['’]s(?![\p{L}\p{N}])/u.test(text.slice(end, end + 3))) return true;
  const further = text[end + 1];
  return further === undefined || !wordChar.test(further);
}

export function isWholeToken(text: string, start: number, end: number): boolean {
  return startsToken(text, start) && endsToken(text, end);
}
