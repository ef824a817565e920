// Patterns that look at what a string ends with ("… my name is"). Written as /X$/, the engine tries X from every
// offset of the string before the end; as a lookbehind tried at the end alone, (?<=X) with the sticky flag, X is
// matched backwards from the end once. Whether some match of X ends at the end is the same question either way.

export class EndAnchoredPattern {
  private readonly pattern: RegExp;

  /** `source` is X of /X$/, without the final "$"; `flags` are the pattern's own ("iu"). */
  constructor(source: string, flags: string) {
    this.pattern = new RegExp(`(?<=${source})`, `${flags.replace(/[gy]/gu, '')}y`);
  }

  /** Whether `text` ends with a match: what /X$/.test(text) says. */
  endsWithin(text: string): boolean {
    this.pattern.lastIndex = text.length;
    return this.pattern.test(text);
  }
}
