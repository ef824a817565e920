// What several recognizers look for in the same text, found once per text and shared through the recognition
// context: how many digits its numbers hold, where its runs of digits start, and the text in lower case. Each
// fact is found when first asked for.
import type { RecognitionContext } from './recognizer';

export class TextFacts {
  private digits: { runStarts: number[]; longestStretch: number } | undefined;
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

/** One pass over the text for both digit facts. */
function readDigits(text: string): { runStarts: number[]; longestStretch: number } {
  const runStarts: number[] = [];
  let longestStretch = 0;
  let stretch = 0;
  let previousIsDigit = false;
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    const isDigit = code >= 48 && code <= 57;
    if (isDigit) {
      if (!previousIsDigit) runStarts.push(at);
      stretch += 1;
      if (stretch > longestStretch) longestStretch = stretch;
    } else if (!isGrouping(code)) stretch = 0;
    previousIsDigit = isDigit;
  }
  return { runStarts, longestStretch };
}

/** Space, no-break space, "(", ")", "+", ".", "-", "/". */
function isGrouping(code: number): boolean {
  return code === 32 || code === 0xa0 || code === 40 || code === 41 || code === 43 || code === 46 || code === 45 || code === 47;
}
