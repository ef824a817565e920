// How a whole-forum search looks for a term in the forum's storage: a LIKE pattern over the lower-cased text,
// written so that it matches every way people write the term. It is a prefilter, wider than the term (the
// detector confirms each candidate), but never narrower: "Zoé Quillard" becomes %zo_%quillard%, which also
// matches "ZOE-QUILLARD"; separators become %, so "06 71 22 33 44" also matches "06.71.22.33.44".
// lower(column) LIKE … is what a pg_trgm index on lower(column) answers (erasure forum index).
import { type SQL, sql } from 'drizzle-orm';

/** Patterns with fewer letters and digits than this would match a large part of any forum. */
const minimumLiterals = 4;

export function searchPattern(term: string): string | null {
  let pattern = '';
  let literals = 0;
  for (const char of term.toLowerCase()) {
    if ((char >= 'a' && char <= 'z') || (char >= '0' && char <= '9')) {
      pattern += char;
      literals += 1;
    } else if (/\p{L}/u.test(char)) {
      // An accented letter may be written with or without its accent: any one character will do.
      pattern += '_';
    } else if (!pattern.endsWith('%')) {
      pattern += '%';
    }
  }
  const core = pattern.replace(/^%+|%+$/g, '');
  return literals >= minimumLiterals ? `%${core}%` : null;
}

export const searchedText = (column: SQL): SQL => sql`lower(${column}::text)`;

/** The distinct patterns of a search's terms, without the terms too short to search for. */
export function searchNeedles(terms: string[]): string[] {
  return [...new Set(terms.map(searchPattern))].filter((pattern): pattern is string => pattern !== null);
}

/** The chunk size a search walks the forum in: the caller's, checked, or the connector's default. */
export function searchChunkSize(pageSize: number | undefined, defaultSize: number): number {
  const size = pageSize ?? defaultSize;
  if (!Number.isInteger(size) || size < 1) throw new Error(`pageSize must be a positive integer, not ${size}`);
  return size;
}
