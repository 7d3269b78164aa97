/**
 * Names a complaint's goods-or-services category from the taxonomy: the leaf with the most distinct
 * terms in the text (a term in the respondent's name counts double: 「某某大药房」 says what is sold),
 * longest match first. Ties go to a leaf competent for the lead section, then to the longer evidence,
 * then to the order of the file — so the same text always gets the same category.
 */
import type { SectionId } from '../../sections.js'
import { createTermFinder } from './findTerms.js'
import { UNCLASSIFIED, type CategoryTaxonomy, type DecisionCategory } from './types.js'

export interface CategoryInput {
  /** Normalised complaint text. */
  text: string
  /** Normalised respondent name, '' when none. */
  respondent: string
  /** The lead section, when routing has one. */
  lead?: SectionId | null
}

export type Classifier = (input: CategoryInput) => DecisionCategory

export function createClassifier(taxonomy: CategoryTaxonomy | undefined): Classifier {
  const categories = taxonomy?.categories ?? []
  const terms: string[] = []
  const leafOf: number[] = []
  categories.forEach((category, index) => {
    for (const term of category.terms) {
      terms.push(term)
      leafOf.push(index)
    }
  })
  const finder = createTermFinder(terms)
  return ({ text, respondent, lead }) => {
    const score = new Map<number, { points: number; length: number; terms: DecisionCategory['terms'] }>()
    const count = (where: 'text' | 'respondent', source: string, weight: number) => {
      const counted = new Set<number>()
      for (const o of finder.find(source)) {
        if (counted.has(o.id)) continue
        counted.add(o.id)
        const leaf = leafOf[o.id]!
        let entry = score.get(leaf)
        if (!entry) score.set(leaf, (entry = { points: 0, length: 0, terms: [] }))
        entry.points += weight
        entry.length += o.end - o.start
        entry.terms.push({ term: terms[o.id]!, offset: o.start, in: where })
      }
    }
    count('text', text, 1)
    if (respondent) count('respondent', respondent, 2)
    let best = -1
    let bestEntry: { points: number; length: number; terms: DecisionCategory['terms'] } | undefined
    for (const [leaf, entry] of score) {
      if (!bestEntry || better(leaf, entry, best, bestEntry)) {
        best = leaf
        bestEntry = entry
      }
    }
    if (!bestEntry) return { ...UNCLASSIFIED, terms: [] }
    const category = categories[best]!
    return {
      id: category.id,
      name: category.name,
      parent: { ...category.parent },
      terms: bestEntry.terms,
      ...(category.sections ? { sections: [...category.sections] } : {}),
      ...(category.outOfScope ? { outOfScope: category.outOfScope } : {}),
    }

    function better(leaf: number, entry: { points: number; length: number }, other: number, otherEntry: { points: number; length: number }): boolean {
      if (entry.points !== otherEntry.points) return entry.points > otherEntry.points
      const fits = (i: number) => (lead ? (categories[i]!.sections?.includes(lead) ?? false) : false)
      if (fits(leaf) !== fits(other)) return fits(leaf)
      if (entry.length !== otherEntry.length) return entry.length > otherEntry.length
      return leaf < other
    }
  }
}
