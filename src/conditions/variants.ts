/**
 * Variants (rules/variants.yaml): forms the text normaliser reads as another before any keyword is looked
 * for — traditional characters as simplified ones (電梯 is 电梯), common misspellings as the standard
 * word. One character for one keeps every offset in the trace where it was in the (NFKC) text; a word
 * replacement of another length moves the offsets after it.
 */

/** A rule set's variants, normalised (NFKC, lower case) when loaded. */
export interface VariantTable {
  /** One character for another. */
  characters: Record<string, string>
  /** One word for another, applied after the characters, longest first. */
  words: { from: string; to: string }[]
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')

/** The normaliser of a variant table: `text` with every variant replaced (the identity when the table is empty). */
export function createVariantNormalizer(table: VariantTable | undefined): (text: string) => string {
  const characters = table?.characters ?? {}
  const words = [...(table?.words ?? [])].sort((a, b) => b.from.length - a.from.length || (a.from < b.from ? -1 : 1))
  // It runs on every complaint and most texts have no variant: one table read per character finds that out.
  const replaced = new Map<number, string>()
  for (const [from, to] of Object.entries(characters)) if (from.length === 1) replaced.set(from.charCodeAt(0), to)
  // A word starts with one of these characters, followed by its second one (words have at least two).
  const wordStart = new Uint8Array(65536)
  const wordPairs = new Set<number>()
  for (const w of words) {
    wordStart[w.from.charCodeAt(0)] = 1
    wordPairs.add(w.from.charCodeAt(0) * 65536 + w.from.charCodeAt(1))
  }
  const wordOf = new Map(words.map((w) => [w.from, w.to]))
  // Words are written in the form the characters give, so they are looked for after the characters.
  const wordPattern = words.length ? new RegExp(words.map((w) => escape(w.from)).join('|'), 'gu') : undefined
  const isVariant = new Uint8Array(65536)
  for (const code of replaced.keys()) isVariant[code] = 1
  if (replaced.size === 0 && !wordPattern) return (text) => text
  return (text) => {
    let out = text
    let chars = false
    let word = false
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i)
      if (isVariant[code] === 1) chars = true
      if (wordStart[code] === 1 && wordPairs.has(code * 65536 + text.charCodeAt(i + 1))) word = true
    }
    if (chars) {
      let built = ''
      for (let i = 0; i < text.length; i++) built += replaced.get(text.charCodeAt(i)) ?? text[i]
      out = built
    }
    if (word || chars) if (wordPattern) out = out.replace(wordPattern, (w) => wordOf.get(w)!)
    return out
  }
}
