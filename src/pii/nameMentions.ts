// What naming one person tells about the rest of a post: the same name written again, alone ("… directed by Wacława
// Adamska and starring Adamska", "My name is Aantje Mourik but everyone calls me Aantje"), is that person again; in
// a list of names ("They had 6: Gaetane, Hannah, Anthony and Derek") or among a transcript's speakers ("Vinka: …\n
// Lisa: …"), the names no list knows are names too.
import { ambiguousGivenNameList } from './givenNames';
import { foldWord } from './foldedText';
import { FoldedWordFlags } from './foldedWordFlags';
import { isNeverAName, ordinaryWordLists } from './ordinaryWords';
import { isWholeToken } from './tokenBoundary';
import type { Span } from './types';

export interface WordBounds {
  start: number;
  end: number;
}

function isCapitalisedAt(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  if (code < 128) return code >= 65 && code <= 90;
  const char = text.charAt(at);
  return char !== char.toLowerCase();
}

function isInside(spans: readonly Span[], start: number, end: number): boolean {
  for (const span of spans) if (span.start < end && start < span.end) return true;
  return false;
}

// The words that never stand for a name on their own, as one table: looked up where they stand, without a fold.
const notAloneWords = new FoldedWordFlags([
  [ordinaryWordLists.particles, 1],
  [ordinaryWordLists.sentenceWords, 1],
  [ordinaryWordLists.thingWords, 1],
  [ambiguousGivenNameList(), 1],
]);

/** Whether a word may be a name's on its own: capitalised, three letters or more, no particle, brand or place word. */
function mayStandForName(text: string, word: WordBounds): boolean {
  if (word.end - word.start < 3 || !isCapitalisedAt(text, word.start)) return false;
  return notAloneWords.at(text, word.start, word.end) === 0;
}

/**
 * The other mentions of the names in `spans` (found by the recognizer, with their scores), as new spans: each word
 * of a name, written as it was there ("Adamska"), is looked for again in the text, which the engine does faster
 * than a walk over every word of the post.
 */
export function repeatedMentions(text: string, words: readonly WordBounds[], spans: readonly Span[]): Span[] {
  const names = new Map<string, number>();
  // Spans and words are both in order: one walk pairs them.
  let w = 0;
  for (const span of spans) {
    while (w < words.length && (words[w] as WordBounds).start < span.start) w += 1;
    for (let k = w; k < words.length && (words[k] as WordBounds).start < span.end; k++) {
      const word = words[k] as WordBounds;
      if (mayStandForName(text, word)) names.set(text.slice(word.start, word.end), Math.min(span.score, 0.6));
    }
  }
  const found: Span[] = [];
  for (const [name, score] of names) {
    for (let at = text.indexOf(name); at !== -1; at = text.indexOf(name, at + name.length)) {
      const end = at + name.length;
      if (isInside(spans, at, end) || !isWholeToken(text, at, end)) continue;
      const before = text.charAt(at - 1);
      if (before === '@' || before === '#' || before === '/' || before === '_') continue;
      found.push({ start: at, end, type: 'person', owner: 'other', score });
    }
  }
  return found;
}

// What separates the items of a list of names: ", ", " & ", or a space before and after "and", "et", "or", "ou".
const commaGap = /^(?:,[ \t]+|[ \t]+&[ \t]+|,[ \t]+&[ \t]+)$/u;
const spaceGap = /^(?:,?[ \t]+)$/u;
const connectors = new Set(['and', 'et', 'or', 'ou', 'und', 'y', 'e']);

/** The index of the next item of a list after the item at `i`, or -1 where the list ends. */
function nextItem(text: string, words: readonly WordBounds[], i: number): number {
  const word = words[i] as WordBounds;
  const next = words[i + 1];
  if (next === undefined) return -1;
  // Most words are followed by a space and a longer word, or by neither a comma nor a space.
  const after = text.charCodeAt(word.end);
  if (after !== 44 && (after !== 32 || (next.end - next.start > 3 && text.charCodeAt(word.end + 1) !== 38))) return -1;
  const gap = text.slice(word.end, next.start);
  if (commaGap.test(gap)) return i + 1;
  const following = words[i + 2];
  if (following === undefined || !spaceGap.test(gap) || !connectors.has(text.slice(next.start, next.end))) return -1;
  return /^[ \t]+$/u.test(text.slice(next.end, following.start)) ? i + 2 : -1;
}

/**
 * The unknown names in lists of three names or more of which two at least were found ("Gaetane, Hannah, Anthony,
 * Derek, Anna and Andrew"). Only lists of single words: "Hawkins, Richardson and Santana" may be a firm's name.
 */
export function listedNames(text: string, words: readonly WordBounds[], spans: readonly Span[]): Span[] {
  const found: Span[] = [];
  for (let from = 0; from < words.length; from++) {
    if (!isCapitalisedAt(text, (words[from] as WordBounds).start)) continue;
    // Most capitalised words start no list: the first step decides before anything is built.
    const second = nextItem(text, words, from);
    if (second === -1 || !isCapitalisedAt(text, (words[second] as WordBounds).start)) continue;
    const items = [from, second];
    for (let k = nextItem(text, words, second); k !== -1 && isCapitalisedAt(text, (words[k] as WordBounds).start); k = nextItem(text, words, k)) items.push(k);
    const last = items[items.length - 1] as number;
    // A list's last name ends it: "… and Andrew." or "… and Andrew, who …" — not "… and Andrew Smith".
    const followedByName = words[last + 1] !== undefined && /^[ \t]+$/u.test(text.slice((words[last] as WordBounds).end, (words[last + 1] as WordBounds).start)) && isCapitalisedAt(text, (words[last + 1] as WordBounds).start);
    if (items.length >= 3 && !followedByName) {
      const bounds = items.map((k) => words[k] as WordBounds);
      const known = bounds.filter((w) => spans.some((s) => s.start === w.start && s.end === w.end)).length;
      if (known >= 2) {
        for (const item of bounds) {
          if (isInside(spans, item.start, item.end) || !mayStandForName(text, item) || !isWholeToken(text, item.start, item.end)) continue;
          found.push({ start: item.start, end: item.end, type: 'person', owner: 'other', score: 0.5 });
        }
      }
    }
    from = last;
  }
  return found;
}

// A transcript's turns: "Nicole: Remember me?" at the start of a line.
const turnLabel = /^[ \t>]*(\p{Lu}[\p{L}\p{M}'’-]+)[ \t]*:/gmu;
// Labels that head a line of a post without being anyone: "Edit:", "Update:", "Bot:", "User:".
const labelWords = new Set([
  'edit', 'update', 'note', 'ps', 'pps', 'bot', 'user', 'admin', 'moderator', 'mod', 'question', 'answer', 'q', 'a', 're', 'fw',
  'fwd', 'info', 'tip', 'fix', 'log', 'logs', 'output', 'input', 'result', 'results', 'status', 'summary', 'title', 'subject',
  'date', 'time', 'from', 'to', 'cc', 'bcc', 'name', 'email', 'mail', 'phone', 'tel', 'mobile', 'address', 'website', 'error',
  'warning', 'debug', 'step', 'steps', 'device', 'version', 'firmware', 'app', 'os', 'model', 'expected', 'actual', 'source',
  'quote', 'reply', 'customer', 'agent', 'support', 'me', 'you', 'him', 'her', 'them', 'us', 'client', 'host', 'guest',
]);

/**
 * The speakers of a transcript ("Vinka: What a wife.\nLisa: Remember me?"): when two lines or more open with a
 * speaker's label and one of them is a name found, the other labels are names too.
 */
export function transcriptSpeakers(text: string, spans: readonly Span[]): Span[] {
  const labels: WordBounds[] = [];
  for (const match of text.matchAll(turnLabel)) {
    const label = match[1] ?? '';
    const start = match.index + match[0].indexOf(label);
    labels.push({ start, end: start + label.length });
  }
  if (labels.length < 2 || !labels.some((l) => spans.some((s) => s.start === l.start && s.end === l.end))) return [];
  const found: Span[] = [];
  for (const label of labels) {
    if (isInside(spans, label.start, label.end)) continue;
    const folded = foldWord(text.slice(label.start, label.end));
    if (labelWords.has(folded) || isNeverAName(folded) || found.some((f) => f.start === label.start)) continue;
    found.push({ start: label.start, end: label.end, type: 'person', owner: 'other', score: 0.5 });
  }
  return found;
}
