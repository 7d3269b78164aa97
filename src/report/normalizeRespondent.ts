/**
 * The key under which complaints about one business are counted: full-width to half-width (NFKC), no
 * spaces or punctuation, lower case, and without the words rules/report.yaml lists (有限公司…), so
 * 「某某超市有限公司」 and 「某某超市 」 count together.
 */
export function createRespondentNormalizer(strip: readonly string[]): (name: string) => string {
  const words = [...strip].map((w) => w.normalize('NFKC').toLowerCase()).sort((a, b) => b.length - a.length)
  // Names repeat (the same supermarket, thousands of times a year): remember them, within a bound.
  const seen = new Map<string, string>()
  return (name) => {
    const known = seen.get(name)
    if (known !== undefined) return known
    let key = name.normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '')
    for (const word of words) key = key.split(word).join('')
    if (seen.size >= 100_000) seen.clear()
    seen.set(name, key)
    return key
  }
}
