/**
 * Near-duplicate field texts: the same complaint rewritten twice (two gatherers on one page, or one case
 * republished on two sites). A duplicate counts one complaint twice, and where one copy is frozen and the
 * other tuned, the frozen third stops being unseen. Texts are compared by their character 3-grams (white
 * space removed), Jaccard similarity: a typical-case page that lists several cases gives pairs below 0.15;
 * the same case rewritten twice 0.18–0.68 (stop 25's clean-up, README "field corpus").
 */
export interface CorpusText {
  id: string
  text: string
  source?: string
}

export interface NearDuplicate {
  a: string
  b: string
  similarity: number
  sameSource: boolean
}

/** From the same page, at least this similar: the same case. */
export const SAME_SOURCE_AT_LEAST = 0.18
/** From different pages, at least this similar: the same case republished. */
export const ANY_SOURCE_AT_LEAST = 0.35

function gramsOf(text: string): Set<string> {
  const t = text.replace(/\s/g, '')
  const grams = new Set<string>()
  for (let i = 0; i + 3 <= t.length; i++) grams.add(t.slice(i, i + 3))
  return grams
}

function sourceKey(source: string | undefined): string | undefined {
  return source?.trim().replace(/\/$/, '')
}

export function nearDuplicates(items: readonly CorpusText[]): NearDuplicate[] {
  const grams = items.map((it) => gramsOf(it.text))
  const index = new Map<string, number[]>()
  grams.forEach((g, i) => {
    for (const x of g) {
      let list = index.get(x)
      if (!list) index.set(x, (list = []))
      list.push(i)
    }
  })
  const found: NearDuplicate[] = []
  for (let i = 0; i < items.length; i++) {
    const shared = new Map<number, number>()
    for (const x of grams[i]!) for (const j of index.get(x)!) if (j > i) shared.set(j, (shared.get(j) ?? 0) + 1)
    for (const [j, n] of shared) {
      const similarity = n / (grams[i]!.size + grams[j]!.size - n)
      const sameSource = sourceKey(items[i]!.source) !== undefined && sourceKey(items[i]!.source) === sourceKey(items[j]!.source)
      if (similarity >= ANY_SOURCE_AT_LEAST || (sameSource && similarity >= SAME_SOURCE_AT_LEAST)) found.push({ a: items[i]!.id, b: items[j]!.id, similarity: Math.round(similarity * 100) / 100, sameSource })
    }
  }
  return found
}
