/**
 * Dense ids for distinct words in first-seen order (`words[id]` is the word): the patterns a keyword
 * matcher is built over. `onNew` runs once for each new word, after it has its id.
 */
export interface Interner {
  readonly words: readonly string[]
  idOf(word: string): number
  find(word: string): number | undefined
}

export function createInterner(onNew?: (id: number) => void): Interner {
  const ids = new Map<string, number>()
  const words: string[] = []
  return {
    words,
    idOf(word) {
      let id = ids.get(word)
      if (id === undefined) {
        id = words.length
        words.push(word)
        ids.set(word, id)
        onNew?.(id)
      }
      return id
    },
    find: (word) => ids.get(word),
  }
}
