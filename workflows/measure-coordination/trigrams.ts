// pg_trgm's similarity, computed here rather than in the database: the check compares one draft with
// a few hundred candidates, and similarity() there builds the draft's trigrams again for every one.

/**
 * A text's trigrams as pg_trgm makes them in our database (ctype C): words of ASCII letters and
 * digits, lower-cased, each padded with two blanks before and one after. "Café" gives the trigrams of
 * "caf", as the database's do; the test holds the two to the same result.
 */
export function trigrams(text: string): Set<string> {
  const found = new Set<string>();
  // Lower-cased after the split: "İ" lower-cases to an ASCII "i", which the database would not see.
  for (const word of text.match(/[A-Za-z0-9]+/g) ?? []) {
    const padded = `  ${word.toLowerCase()} `;
    for (let i = 0; i + 3 <= padded.length; i += 1) found.add(padded.slice(i, i + 3));
  }
  return found;
}

/** pg_trgm's similarity: the trigrams both share over all either has; 0 when one has none. */
export function trigramSimilarity(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const t of a) if (b.has(t)) shared += 1;
  return shared / (a.size + b.size - shared);
}
