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
  const chars = Object.keys(characters)
  const charPattern = chars.length ? new RegExp(`[${chars.map(escape).join('')}]`, 'gu') : undefined
  const wordOf = new Map(words.map((w) => [w.from, w.to]))
  // Words are written in the form the characters give, so they are looked for after the characters.
  const wordPattern = words.length ? new RegExp(words.map((w) => escape(w.from)).join('|'), 'gu') : undefined
  if (!charPattern && !wordPattern) return (text) => text
  return (text) => {
    let out = charPattern ? text.replace(charPattern, (c) => characters[c]!) : text
    if (wordPattern) out = out.replace(wordPattern, (w) => wordOf.get(w)!)
    return out
  }
}
