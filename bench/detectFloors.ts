// Lower bounds on the detector's time, measured on the same posts in the same run as its throughput: two things
// that any detector keeping issue 3's rules must do, timed alone. Together they say how fast the whole detector
// could be on this machine even if everything else it does cost nothing.
//   - phones: libphonenumber-js (the issue names it as what reads phone numbers, for any country) parses each
//     labelled phone number once, with the metadata and the questions the detector asks (valid? which type?).
//     Only the true phone numbers, once each: the detector also has to reject look-alikes.
//   - words: the detector's own hand-written word reader (WordScanner, which hashes each word as it reads it)
//     reads every word once, without looking any up. Person names, in English and French text, are words.
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { WordScanner } from '../src/pii/wordBounds';

export interface FloorPost {
  text: string;
  /** The written phone numbers the labels mark in the text. */
  phones: string[];
}

export interface Floor {
  what: string;
  msPerPass: number;
  /** MB/s of the posts' UTF-8 text if nothing else took any time. */
  mbPerSec: number;
}

/** Best of several timed runs, each repeated to minSeconds / 4, in ms per pass over all posts. */
function bestMsPerPass(pass: () => void, minSeconds: number): number {
  for (let i = 0; i < 3; i++) pass();
  let best = Infinity;
  for (let run = 0; run < 4; run++) {
    let passes = 0;
    const started = performance.now();
    while (performance.now() - started < (minSeconds * 1000) / 4 || passes < 2) {
      pass();
      passes++;
    }
    best = Math.min(best, (performance.now() - started) / passes);
  }
  return best;
}

export function measureFloors(posts: FloorPost[], defaultCountry: 'FR', minSeconds: number): Floor[] {
  const bytes = posts.reduce((n, p) => n + Buffer.byteLength(p.text, 'utf8'), 0);
  const phones = posts.flatMap((p) => p.phones);
  const scanner = new WordScanner();
  let sink = 0;
  const parsePhones = () => {
    for (const written of phones) {
      const number = parsePhoneNumberFromString(written, defaultCountry);
      if (number?.isValid() && number.getType()) sink++;
    }
  };
  const readWords = () => {
    for (const post of posts) sink += scanner.scan(post.text);
  };
  const floor = (what: string, pass: () => void): Floor => {
    const msPerPass = bestMsPerPass(pass, minSeconds);
    return { what, msPerPass, mbPerSec: bytes / 1e3 / msPerPass };
  };
  const floors = [
    floor(`libphonenumber-js parses each of the ${phones.length} labelled phone numbers once`, parsePhones),
    floor(`the word reader reads each word of the ${posts.length} posts once`, readWords),
    floor('both', () => {
      parsePhones();
      readWords();
    }),
  ];
  if (sink < 0) console.log(sink); // keeps the work observable, so that it cannot be optimised away
  return floors;
}
