// Recovers what a redactor removed when all it returns is the redacted text: walks the original and the redacted
// strings together, treating every replacement token (PERSON_NAME, [Redacted: phone_number], <Redacted email #0>…)
// as standing for the shortest stretch of the original that lets the rest of the two strings align.
// Used by bench/detectPeers.ts to turn peers' redacted text into spans in ORIGINAL offsets (UTF-16, end exclusive).

/** A replacement token: a fixed string (its label is itself) or a RegExp (label = group 1 if any, else the match). */
export type TokenPattern = string | RegExp;

export interface AlignedSpan {
  start: number;
  end: number;
  /** The token's label, e.g. "PHONE_NUMBER", "phone_number", "email". */
  label: string;
}

export interface AlignOptions {
  /**
   * Optional plausibility test of a replaced stretch. An alignment in which every replaced stretch passes it is
   * preferred; only when there is none is the test dropped. It breaks ties between alignments that both work, e.g.
   * "PHONE_NUMBER PERSON_NAME" against "06 39 98 12 34 Marie", where the shortest choice alone gives the phone "06".
   */
  accept?: (label: string, replaced: string) => boolean;
}

type Part = { kind: 'lit'; text: string } | { kind: 'tok'; text: string; label: string };

/** Splits the redacted text into literal runs and token occurrences (leftmost, then longest, never overlapping). */
export function tokenize(redacted: string, tokens: readonly TokenPattern[]): Part[] {
  // Every occurrence of every token, as [start, end, label].
  const found: Array<[number, number, string]> = [];
  for (const t of tokens) {
    if (typeof t === 'string') {
      if (t === '') continue;
      for (let k = redacted.indexOf(t); k !== -1; k = redacted.indexOf(t, k + 1)) found.push([k, k + t.length, t]);
    } else {
      const re = new RegExp(t.source, t.flags.includes('g') ? t.flags : `${t.flags}g`);
      for (const m of redacted.matchAll(re)) {
        if (m[0] === '') continue;
        found.push([m.index ?? 0, (m.index ?? 0) + m[0].length, m[1] ?? m[0]]);
      }
    }
  }
  found.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const parts: Part[] = [];
  let pos = 0;
  for (const [start, end, label] of found) {
    if (start < pos) continue; // overlaps a token already taken
    if (start > pos) parts.push({ kind: 'lit', text: redacted.slice(pos, start) });
    parts.push({ kind: 'tok', text: redacted.slice(start, end), label });
    pos = end;
  }
  if (pos < redacted.length) parts.push({ kind: 'lit', text: redacted.slice(pos) });
  return parts;
}

/**
 * Aligns `redacted` with `original`. Returns the replaced stretches of the original, sorted, or null when the two
 * strings cannot be aligned (the redactor changed text in some other way, or broke one of its own tokens).
 * Literal text must match exactly. A token that also appears literally at that point of the original is first taken
 * as unchanged text; otherwise it replaces a non-empty stretch of the original, the shortest that lets the rest align.
 */
export function alignRedaction(original: string, redacted: string, tokens: readonly TokenPattern[], options: AlignOptions = {}): AlignedSpan[] | null {
  if (original === redacted) return [];
  const parts = tokenize(redacted, tokens);
  const n = original.length;
  const P = parts.length;
  let failed = new Set<number>(); // (i, p) pairs known not to align
  let spans: AlignedSpan[] = []; // filled in reverse order on the way back up
  let accept: AlignOptions['accept'];

  const solve = (i: number, p: number): boolean => {
    if (p === P) return i === n;
    const key = i * (P + 1) + p;
    if (failed.has(key)) return false;
    const part = parts[p]!;
    if (part.kind === 'lit') {
      if (original.startsWith(part.text, i) && solve(i + part.text.length, p + 1)) return true;
      failed.add(key);
      return false;
    }
    // The token as unchanged text of the original.
    if (original.startsWith(part.text, i) && solve(i + part.text.length, p + 1)) return true;
    // The token as a replacement of original[i, k), k > i.
    for (const k of candidateEnds(i, p)) {
      if (accept && !accept(part.label, original.slice(i, k))) continue;
      if (solve(k, p + 1)) {
        spans.push({ start: i, end: k, label: part.label });
        return true;
      }
    }
    failed.add(key);
    return false;
  };

  /** Where the stretch replaced by the token at parts[p] (starting at i) may end, shortest first. */
  const candidateEnds = (i: number, p: number): number[] => {
    const next = parts[p + 1];
    const ends: number[] = [];
    if (next === undefined) {
      if (n > i) ends.push(n);
    } else if (next.kind === 'lit') {
      for (let k = original.indexOf(next.text, i + 1); k !== -1; k = original.indexOf(next.text, k + 1)) ends.push(k);
    } else {
      for (let k = i + 1; k <= n; k++) ends.push(k);
    }
    return ends;
  };

  for (const test of options.accept ? [options.accept, undefined] : [undefined]) {
    accept = test;
    failed = new Set();
    spans = [];
    if (solve(0, 0)) return spans.reverse();
  }
  return null;
}

/** Coarse fallback when alignment fails: the stretch of the original between the common prefix and common suffix. */
export function prefixSuffixDiff(original: string, redacted: string): { start: number; end: number } | null {
  if (original === redacted) return null;
  let a = 0;
  while (a < original.length && a < redacted.length && original[a] === redacted[a]) a++;
  let b = 0;
  while (b < original.length - a && b < redacted.length - a && original[original.length - 1 - b] === redacted[redacted.length - 1 - b]) b++;
  const start = a;
  const end = original.length - b;
  return end > start ? { start, end } : null;
}

/** Shrinks a span so it neither starts nor ends with whitespace; null if nothing is left. */
export function trimSpan(text: string, start: number, end: number): { start: number; end: number } | null {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return end > start ? { start, end } : null;
}
