/**
 * One normal form for complaint text and keywords, so 'ＡＢＣ１２３' matches 'abc123' and a full-width
 * comma matches a half-width one: Unicode NFKC, then lower case.
 */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase()
}
