/**
 * Names a complaint's goods-or-services category from the taxonomy: the leaf with the most distinct
 * terms in the text (a term in the respondent's name counts double: 「某某大药房」 says what is sold),
 * longest match first. Ties go to a leaf competent for the lead section, then to the longer evidence,
 * then to the order of the file — so the same text always gets the same category.
 *
 * Written without per-call closures: it runs for every complaint.
 */
import type { SectionId } from '../../sections.js'
import { createTermFinder, type TermFinder, type TermOccurrence } from './findTerms.js'
import { UNCLASSIFIED, type CategoryRecord, type CategoryTaxonomy, type DecisionCategory } from './types.js'

export interface CategoryInput {
  /** Normalised complaint text. */
  text: string
  /** Normalised respondent name, '' when none. */
  respondent: string
  /** The lead section, when routing has one. */
  lead?: SectionId | null
  /**
   * With a lead: a leaf competent for it wins whenever one has any term (「某超市」 sells 牛奶: the
   * category is 乳制品, the lead's goods, not the shop). Otherwise the lead only breaks ties.
   */
  preferLead?: boolean
}

export type Classifier = (input: CategoryInput) => DecisionCategory

interface Tally {
  leaf: number
  points: number
  length: number
  /**
   * Term ids counted, in order (text: id; respondent: -1 - id), and where each occurs: the terms are
   * made into objects for the winning leaf only. A few, so arrays beat a Set.
   */
  counted: number[]
  offsets: number[]
}

class PreparedClassifier {
  private readonly terms: string[] = []
  private readonly leafOf: number[] = []
  private readonly finder: TermFinder
  /**
   * The last two sources scanned and what was found: routing classifies a text, then classifies it
   * again preferring the lead's goods — the second time reads the first scan instead of scanning.
   */
  private readonly lastSource: string[] = ['', '']
  private readonly lastFound: (TermOccurrence[] | undefined)[] = [undefined, undefined]
  constructor(
    private readonly categories: readonly CategoryRecord[],
    keywords: readonly string[],
  ) {
    for (let index = 0; index < categories.length; index++) {
      for (const term of categories[index]!.terms) {
        this.terms.push(term)
        this.leafOf.push(index)
      }
    }
    this.finder = createTermFinder(this.terms, keywords)
  }

  /** The finder: the keywords given to the classifier that occur in a text (`TermFinder.keywordsIn`). */
  get scan(): TermFinder {
    return this.finder
  }

  private find(slot: 0 | 1, source: string): TermOccurrence[] {
    const known = this.lastFound[slot]
    if (known !== undefined && this.lastSource[slot] === source) return known
    // The complaint's text is scanned for the rule set's keywords at the same time (the compiled rules read them).
    const found = this.finder.find(source, slot === 0)
    this.lastSource[slot] = source
    this.lastFound[slot] = found
    return found
  }

  private count(tallies: Tally[], where: 'text' | 'respondent', source: string, weight: number): void {
    const found = this.find(where === 'text' ? 0 : 1, source)
    for (let i = 0; i < found.length; i++) {
      const o = found[i]!
      const leaf = this.leafOf[o.id]!
      let tally: Tally | undefined
      for (let t = 0; t < tallies.length; t++) if (tallies[t]!.leaf === leaf) tally = tallies[t]
      if (!tally) tallies.push((tally = { leaf, points: 0, length: 0, counted: [], offsets: [] }))
      const key = where === 'text' ? o.id : -1 - o.id
      if (tally.counted.includes(key)) continue
      tally.counted.push(key)
      tally.offsets.push(o.start)
      tally.points += weight
      tally.length += o.end - o.start
    }
  }

  private fits(leaf: number, lead: SectionId | null | undefined): boolean {
    return lead ? (this.categories[leaf]!.sections?.includes(lead) ?? false) : false
  }

  classify(input: CategoryInput): DecisionCategory {
    const tallies: Tally[] = []
    this.count(tallies, 'text', input.text, 1)
    if (input.respondent) this.count(tallies, 'respondent', input.respondent, 2)
    let best: Tally | undefined
    let onlyFitting = false
    if (input.preferLead === true) for (let t = 0; t < tallies.length && !onlyFitting; t++) onlyFitting = this.fits(tallies[t]!.leaf, input.lead)
    for (let t = 0; t < tallies.length; t++) {
      const tally = tallies[t]!
      if (onlyFitting && !this.fits(tally.leaf, input.lead)) continue
      if (!best) best = tally
      else if (tally.points !== best.points) {
        if (tally.points > best.points) best = tally
      } else if (this.fits(tally.leaf, input.lead) !== this.fits(best.leaf, input.lead)) {
        if (this.fits(tally.leaf, input.lead)) best = tally
      } else if (tally.length !== best.length) {
        if (tally.length > best.length) best = tally
      } else if (tally.leaf < best.leaf) best = tally
    }
    if (!best) return { id: UNCLASSIFIED.id, name: UNCLASSIFIED.name, terms: [] }
    const category = this.categories[best.leaf]!
    const terms: DecisionCategory['terms'] = []
    for (let k = 0; k < best.counted.length; k++) {
      const key = best.counted[k]!
      terms.push(key >= 0 ? { term: this.terms[key]!, offset: best.offsets[k]!, in: 'text' } : { term: this.terms[-1 - key]!, offset: best.offsets[k]!, in: 'respondent' })
    }
    const out: DecisionCategory = { id: category.id, name: category.name, parent: { id: category.parent.id, name: category.parent.name }, terms }
    if (category.sections) out.sections = [...category.sections]
    if (category.outOfScope) out.outOfScope = category.outOfScope
    return out
  }
}

export function createClassifier(taxonomy: CategoryTaxonomy | undefined): Classifier {
  const prepared = new PreparedClassifier(taxonomy?.categories ?? [], [])
  return (input) => prepared.classify(input)
}

/**
 * A classifier whose scan of a complaint's text also finds `keywords` (a rule set's, in the compiled
 * matcher's order), so the text is read once for the category and the rules.
 */
export interface ScanningClassifier {
  readonly classify: Classifier
  readonly keywords: readonly string[]
  /** `keywordsIn(text)`: how many of `keywords` occur in `text`, their ids first in `keywordIds` (see `TermFinder`). */
  readonly finder: Pick<TermFinder, 'keywordsIn' | 'keywordIds'>
}

export function createScanningClassifier(taxonomy: CategoryTaxonomy | undefined, keywords: readonly string[]): ScanningClassifier {
  const prepared = new PreparedClassifier(taxonomy?.categories ?? [], keywords)
  return { classify: (input) => prepared.classify(input), keywords, finder: prepared.scan }
}
