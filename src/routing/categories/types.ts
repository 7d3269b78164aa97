/**
 * The taxonomy as loaded, and what a decision says of it.
 */
import type { CitationRef } from '../../ruleset/schemas.js'
import type { SourceLocation } from '../../ruleset/types.js'
import type { SectionId } from '../../sections.js'

export interface CategoryRecord {
  id: string
  name: string
  /** The top category (商品大类 / 服务大类) it belongs to. */
  parent: { id: string; name: string }
  sections?: SectionId[]
  outOfScope?: string
  basis?: string
  cites: CitationRef[]
  /** Normalised terms. */
  terms: string[]
  at: SourceLocation
}

export interface CategoryTaxonomy {
  categories: CategoryRecord[]
  sources: { title: string; url: string }[]
}

/** The category a decision names (`decision.category`). */
export interface DecisionCategory {
  id: string
  name: string
  /** The top category, e.g. 食品类. Absent for `unclassified`. */
  parent?: { id: string; name: string }
  /** The terms that decided it, as they occur in the normalised text, with the first offset of each. */
  terms: { term: string; offset: number; in: 'text' | 'respondent' }[]
  /** The sections competent for the category, or the authority that is. */
  sections?: SectionId[]
  outOfScope?: string
}

/** Used when no term of any category occurs. */
export const UNCLASSIFIED = { id: 'unclassified', name: '未分类' } as const
