/**
 * Names a complaint's goods-or-services category from the taxonomy: the leaf with the most distinct
 * terms in the text (a term in the respondent's name counts double: 「某某大药房」 says what is sold),
 * longest match first. Ties go to a leaf competent for the lead section, then to the longer evidence,
 * then to the order of the file — so the same text always gets the same category.
 *
 * Written without per-call closures: it runs for every complaint.
 */
import type { SectionId } from '../../sections.js'
import { createTermFinder, Occurrences, type TermFinder } from './findTerms.js'
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

class PreparedClassifier {
  private readonly terms: string[] = []
  private readonly leafOf: number[] = []
  private readonly finder: TermFinder
  /**
   * The last two sources scanned and what was found: routing classifies a text, then classifies it
   * again preferring the lead's goods — the second time reads the first scan instead of scanning.
   */
  private readonly lastSource: string[] = ['', '']
  private readonly lastFound: [Occurrences, Occurrences] = [new Occurrences(), new Occurrences()]
  private readonly scanned: [boolean, boolean] = [false, false]
  /**
   * The tallies of one classification, by leaf (reused from call to call: no object per call): points,
   * evidence length, and `stamp[leaf] === epoch` when the leaf has a tally this time; `leaves` lists
   * those leaves. A term counts once (`termStamp`, text and respondent apart); `counted` keeps the terms
   * counted in order (text: id; respondent: -1 - id) with their offsets, for the winner's evidence.
   */
  private readonly points: Int32Array
  private readonly lengths: Int32Array
  private readonly stamp: Int32Array
  private readonly textStamp: Int32Array
  private readonly respondentStamp: Int32Array
  private epoch = 0
  private leaves: number[] = []
  private counted: number[] = []
  private offsets: number[] = []

  constructor(private readonly categories: readonly CategoryRecord[]) {
    for (let index = 0; index < categories.length; index++) {
      for (const term of categories[index]!.terms) {
        this.terms.push(term)
        this.leafOf.push(index)
      }
    }
    this.finder = createTermFinder(this.terms)
    this.points = new Int32Array(categories.length)
    this.lengths = new Int32Array(categories.length)
    this.stamp = new Int32Array(categories.length)
    this.textStamp = new Int32Array(this.terms.length)
    this.respondentStamp = new Int32Array(this.terms.length)
  }

  private find(slot: 0 | 1, source: string): Occurrences {
    const known = this.lastFound[slot]
    if (this.scanned[slot] && this.lastSource[slot] === source) return known
    this.finder.findInto(source, known)
    this.lastSource[slot] = source
    this.scanned[slot] = true
    return known
  }

  private count(where: 'text' | 'respondent', source: string, weight: number): void {
    const found = this.find(where === 'text' ? 0 : 1, source)
    const epoch = this.epoch
    const termStamp = where === 'text' ? this.textStamp : this.respondentStamp
    for (let i = 0; i < found.length; i++) {
      const id = found.id[i]!
      if (termStamp[id] === epoch) continue
      termStamp[id] = epoch
      const leaf = this.leafOf[id]!
      if (this.stamp[leaf] !== epoch) {
        this.stamp[leaf] = epoch
        this.points[leaf] = 0
        this.lengths[leaf] = 0
        this.leaves.push(leaf)
      }
      this.counted.push(where === 'text' ? id : -1 - id)
      this.offsets.push(found.start[i]!)
      this.points[leaf] = this.points[leaf]! + weight
      this.lengths[leaf] = this.lengths[leaf]! + found.end[i]! - found.start[i]!
    }
  }

  private fits(leaf: number, lead: SectionId | null | undefined): boolean {
    return lead ? (this.categories[leaf]!.sections?.includes(lead) ?? false) : false
  }

  classify(input: CategoryInput): DecisionCategory {
    if (this.epoch === 0x7fffffff) {
      this.epoch = 0
      this.stamp.fill(0)
      this.textStamp.fill(0)
      this.respondentStamp.fill(0)
    }
    this.epoch++
    this.leaves.length = 0
    this.counted.length = 0
    this.offsets.length = 0
    this.count('text', input.text, 1)
    if (input.respondent) this.count('respondent', input.respondent, 2)
    const { leaves, points, lengths } = this
    let best = -1
    let onlyFitting = false
    if (input.preferLead === true) for (let t = 0; t < leaves.length && !onlyFitting; t++) onlyFitting = this.fits(leaves[t]!, input.lead)
    // Most points; then a leaf competent for the lead; then the longer evidence; then the file's order.
    for (let t = 0; t < leaves.length; t++) {
      const leaf = leaves[t]!
      if (onlyFitting && !this.fits(leaf, input.lead)) continue
      if (best < 0) best = leaf
      else if (points[leaf] !== points[best]) {
        if (points[leaf]! > points[best]!) best = leaf
      } else if (this.fits(leaf, input.lead) !== this.fits(best, input.lead)) {
        if (this.fits(leaf, input.lead)) best = leaf
      } else if (lengths[leaf] !== lengths[best]) {
        if (lengths[leaf]! > lengths[best]!) best = leaf
      } else if (leaf < best) best = leaf
    }
    if (best < 0) return { id: UNCLASSIFIED.id, name: UNCLASSIFIED.name, terms: [] }
    const category = this.categories[best]!
    const terms: DecisionCategory['terms'] = []
    for (let k = 0; k < this.counted.length; k++) {
      const key = this.counted[k]!
      const id = key >= 0 ? key : -1 - key
      if (this.leafOf[id] !== best) continue
      terms.push(key >= 0 ? { term: this.terms[id]!, offset: this.offsets[k]!, in: 'text' } : { term: this.terms[id]!, offset: this.offsets[k]!, in: 'respondent' })
    }
    const out: DecisionCategory = { id: category.id, name: category.name, parent: { id: category.parent.id, name: category.parent.name }, terms }
    if (category.sections) out.sections = [...category.sections]
    if (category.outOfScope) out.outOfScope = category.outOfScope
    return out
  }
}

export function createClassifier(taxonomy: CategoryTaxonomy | undefined): Classifier {
  const prepared = new PreparedClassifier(taxonomy?.categories ?? [])
  return (input) => prepared.classify(input)
}
