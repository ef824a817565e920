// One postal address as the words people may write it in: any case, with or without accents, commas, dashes or
// a line break between its parts, and street types spelled out or cut short ("r." for rue, "Ave" for Avenue,
// "Bahnhofstr." for Bahnhofstraße). Comparing canonical words makes all those spellings one address.
import { foldWord } from './foldedText';

// Abbreviations of street and flat words, to their full folded word.
const streetWords: Record<string, string> = {
  r: 'rue', av: 'avenue', ave: 'avenue', avn: 'avenue', bd: 'boulevard', bld: 'boulevard', blvd: 'boulevard',
  boul: 'boulevard', bvd: 'boulevard', ch: 'chemin', chem: 'chemin', imp: 'impasse', pl: 'place', pza: 'plaza',
  rte: 'route', sq: 'square', all: 'allee', fbg: 'faubourg', qu: 'quai', crs: 'cours', chee: 'chaussee',
  st: 'street', str: 'strasse', rd: 'road', ln: 'lane', dr: 'drive', cres: 'crescent', ct: 'court', ter: 'terrace',
  terr: 'terrace', gr: 'grove', gdns: 'gardens', cl: 'close', pk: 'park', hwy: 'highway', pkwy: 'parkway',
  apt: 'apartment', appt: 'apartment', app: 'apartment', fl: 'flat',
};

const wordPattern = /[\p{L}\p{N}]+/gu;
// What may stand between two words of one address: spaces, a line break, commas, dashes, dots, apostrophes.
const addressGap = /^[\s,.\-–—'’/]*$/u;

export interface AddressWord {
  start: number;
  end: number;
  canonical: string;
}

/** A word as an address compares it: folded, abbreviations spelled out, "…str" and "…straße" as "…strasse". */
function canonical(folded: string): string {
  const spelled = streetWords[folded];
  if (spelled !== undefined) return spelled;
  // German streets glue the street type on: "Bahnhofstr." is "Bahnhofstraße".
  if (folded.length > 4 && folded.endsWith('str')) return `${folded}asse`;
  return folded;
}

export function addressWordsOf(text: string): AddressWord[] {
  const words: AddressWord[] = [];
  for (const m of text.matchAll(wordPattern)) {
    words.push({ start: m.index, end: m.index + m[0].length, canonical: canonical(foldWord(m[0])) });
  }
  return words;
}

/** The canonical words of an address the requester typed, for matching with `locateAddress`. */
export function addressFormOf(address: string): string[] {
  return addressWordsOf(address).map((w) => w.canonical);
}

/**
 * Every place the address is written in the text, as original-text ranges: its words in order, with only
 * punctuation, spaces or line breaks between them.
 */
export function locateAddress(text: string, words: readonly AddressWord[], form: readonly string[]): { start: number; end: number }[] {
  const found: { start: number; end: number }[] = [];
  if (form.length < 2) return found;
  for (let i = 0; i + form.length <= words.length; i++) {
    if (words[i]?.canonical !== form[0]) continue;
    let k = 1;
    for (; k < form.length; k++) {
      const previous = words[i + k - 1];
      const word = words[i + k];
      if (!previous || !word || word.canonical !== form[k] || !addressGap.test(text.slice(previous.end, word.start))) break;
    }
    const first = words[i];
    const last = words[i + form.length - 1];
    if (k === form.length && first && last) found.push({ start: first.start, end: last.end });
  }
  return found;
}
