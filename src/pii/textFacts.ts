// What several recognizers look for in the same text, found once per text and shared through the recognition
// context: how many digits its numbers hold, where its runs of digits start, and the text in lower case. Each
// fact is found when first asked for.
import type { RecognitionContext } from './recognizer';

/** Digits and what groups them, from the first digit to the last: "06 12-34.56 (78" in "Tel 06 12-34.56 (78)". */
export interface DigitStretch {
  /** The first digit. */
  start: number;
  /** Just after the last digit. */
  end: number;
  digitCount: number;
}

interface DigitFacts {
  runStarts: number[];
  stretches: DigitStretch[];
  longestStretch: number;
}

export class TextFacts {
  private digits: DigitFacts | undefined;
  private lowerCase: string | undefined;

  constructor(readonly text: string) {}

  /**
   * Whether a stretch of digits and of what people group them with (spaces, brackets, "+", ".", "-" and "/")
   * holds `count` digits, as "06 12 34 56 78" holds ten: a card, a phone number or an ID is written as one.
   */
  hasDigitStretch(count: number): boolean {
    this.digits ??= readDigits(this.text);
    return this.digits.longestStretch >= count;
  }

  /** Where each run of ASCII digits starts, in order: where every number-shaped candidate begins. */
  get digitRunStarts(): readonly number[] {
    this.digits ??= readDigits(this.text);
    return this.digits.runStarts;
  }

  /**
   * The stretches of digits that only grouping characters interrupt, in order, each as long as it goes: what
   * number recognizers look through, found once for all of them.
   */
  get digitStretches(): readonly DigitStretch[] {
    this.digits ??= readDigits(this.text);
    return this.digits.stretches;
  }

  get lower(): string {
    this.lowerCase ??= this.text.toLowerCase();
    return this.lowerCase;
  }
}

/** The context's facts when they are about this text; fresh ones for a recognizer called on its own. */
export function factsOf(text: string, context: RecognitionContext): TextFacts {
  const shared = context.facts;
  return shared !== undefined && shared.text === text ? shared : new TextFacts(text);
}

// The next ASCII digit from lastIndex on: a native scan skips the letters between numbers far faster than a
// loop reading each character.
const nextDigit = /[0-9]/g;

/** One pass over the text for both digit facts, reading only the digit runs and the gaps between them. */
function readDigits(text: string): DigitFacts {
  const runStarts: number[] = [];
  const stretches: DigitStretch[] = [];
  let longestStretch = 0;
  let stretch: DigitStretch | undefined;
  let previousRunEnd = -1;
  nextDigit.lastIndex = 0;
  while (nextDigit.test(text)) {
    let at = nextDigit.lastIndex - 1;
    // A gap of grouping characters alone continues the stretch: "06 12", "(0)7".
    for (let between = previousRunEnd; between >= 0 && between < at; between++) {
      if (!isGrouping(text.charCodeAt(between))) {
        stretch = undefined;
        break;
      }
    }
    if (stretch === undefined) {
      stretch = { start: at, end: at, digitCount: 0 };
      stretches.push(stretch);
    }
    runStarts.push(at);
    while (at < text.length && isDigit(text.charCodeAt(at))) {
      at += 1;
      stretch.digitCount += 1;
    }
    stretch.end = at;
    if (stretch.digitCount > longestStretch) longestStretch = stretch.digitCount;
    previousRunEnd = at;
    nextDigit.lastIndex = at;
  }
  return { runStarts, stretches, longestStretch };
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** Space, no-break space, "(", ")", "+", ".", "-", "/". */
function isGrouping(code: number): boolean {
  return code === 32 || code === 0xa0 || code === 40 || code === 41 || code === 43 || code === 46 || code === 45 || code === 47;
}
