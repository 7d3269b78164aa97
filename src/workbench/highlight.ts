/**
 * Marks the matched keywords in a complaint's original text. The rules match the text's normal form
 * (NFKC, lower case: what the routing facts see), so the text is normalised character by character with a
 * map back to the original positions; a match in the normal form marks the original characters it came
 * from, whatever their width or case.
 */
export interface TextSegment {
  text: string
  /** The keywords this segment matched (empty: plain text). */
  keywords: string[]
}

export function highlightKeywords(text: string, keywords: readonly string[]): TextSegment[] {
  const originalStart: number[] = [] // for each UTF-16 unit of the normal form, where its character starts in `text`
  const originalEnd: number[] = []
  let normal = ''
  let offset = 0
  for (const character of text) {
    const normalized = character.normalize('NFKC').toLowerCase()
    for (let i = 0; i < normalized.length; i++) {
      originalStart.push(offset)
      originalEnd.push(offset + character.length)
    }
    normal += normalized
    offset += character.length
  }
  // For each original UTF-16 unit, the keywords covering it.
  const cover: Set<string>[] = Array.from({ length: text.length }, () => new Set<string>())
  for (const keyword of new Set(keywords.map((k) => k.normalize('NFKC').toLowerCase()).filter((k) => k.length > 0))) {
    let at = normal.indexOf(keyword)
    while (at !== -1) {
      const from = originalStart[at]!
      const to = originalEnd[at + keyword.length - 1]!
      for (let i = from; i < to; i++) cover[i]!.add(keyword)
      at = normal.indexOf(keyword, at + 1)
    }
  }
  const segments: TextSegment[] = []
  let i = 0
  while (i < text.length) {
    const key = [...cover[i]!].sort().join('\u0000')
    let j = i + 1
    while (j < text.length && [...cover[j]!].sort().join('\u0000') === key) j++
    segments.push({ text: text.slice(i, j), keywords: key ? key.split('\u0000') : [] })
    i = j
  }
  return segments
}
